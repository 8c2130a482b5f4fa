import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { ACTION_ID } from '../kubernetesManifests';

const step = {
  action: ACTION_ID,
  id: 'manifests',
  name: 'Write Kubernetes manifests',
};

/** A template whose one step writes the manifests from `input`. */
const example = (
  description: string,
  input: Record<string, unknown>,
): TemplateExample => ({
  description,
  example: yaml.stringify({ steps: [{ ...step, input }] }),
});

const costLabels = {
  team: 'payments',
  costCenter: 'cc-1234',
};

export const examples: TemplateExample[] = [
  example(
    'A Node.js HTTP service with an HPA (2 to 10 replicas at 70% CPU), OpenTelemetry and no CPU limit',
    {
      name: 'payments-api',
      namespace: 'payments',
      workload: 'service',
      image: 'ghcr.io/example-org/payments-api:1.0.0',
      port: 8080,
      autoscaling: { mode: 'hpa', minReplicas: 2, maxReplicas: 10 },
      costLabels: { ...costLabels, goldenPath: 'node-http-service' },
    },
  ),
  example(
    'An nginx frontend with a VPA instead of an HPA, Datadog unified service tagging, a CPU limit and the directories nginx writes to',
    {
      name: 'storefront-web',
      namespace: 'storefront',
      partOf: 'storefront',
      workload: 'frontend',
      image: 'ghcr.io/example-org/storefront-web:2.3.1',
      replicas: 3,
      resources: {
        cpuRequest: '100m',
        cpuLimit: '500m',
        memoryRequest: '128Mi',
        memoryLimit: '256Mi',
      },
      autoscaling: { mode: 'vpa' },
      // nginx renders its config into conf.d and keeps temporary files
      // in /var/cache/nginx; the root filesystem is read-only.
      writableDirs: ['/tmp', '/var/cache/nginx', '/etc/nginx/conf.d'],
      observability: { provider: 'datadog', environment: 'staging' },
      costLabels: {
        team: 'web',
        costCenter: 'cc-2001',
        goldenPath: 'react-frontend',
      },
    },
  ),
  example('An hourly data pipeline as a CronJob', {
    name: 'orders-etl',
    namespace: 'data',
    workload: 'data',
    image: 'ghcr.io/example-org/orders-etl:0.4.0',
    schedule: '15 * * * *',
    resources: { memoryRequest: '1Gi', memoryLimit: '2Gi' },
    costLabels: {
      team: 'data-platform',
      costCenter: 'cc-3001',
      goldenPath: 'python-data-pipeline',
    },
  }),
  example(
    'A PySpark batch job for the Spark operator (SparkApplication with driver RBAC)',
    {
      name: 'clickstream-aggregation',
      namespace: 'spark-jobs',
      workload: 'spark-job',
      image: 'ghcr.io/example-org/clickstream-aggregation:1.2.0',
      spark: {
        type: 'Python',
        mainApplicationFile: 'local:///opt/app/main.py',
        sparkVersion: '3.5.1',
        driverCores: 1,
        driverMemory: '1g',
        executorCores: 2,
        executorMemory: '4g',
        executorInstances: 4,
      },
      costLabels: {
        team: 'data-platform',
        costCenter: 'cc-3001',
        goldenPath: 'spark-batch-job',
      },
    },
  ),
  example(
    'A distributed PyTorch training job (Kubeflow PyTorchJob) with one GPU per worker',
    {
      name: 'recommender-training',
      namespace: 'ml',
      workload: 'ml-training',
      image: 'ghcr.io/example-org/recommender-training:0.9.0',
      resources: {
        cpuRequest: '4',
        memoryRequest: '16Gi',
        memoryLimit: '16Gi',
      },
      training: {
        framework: 'pytorch',
        workers: 3,
        gpusPerWorker: 1,
        command: ['python', '-m', 'trainer.main'],
      },
      costLabels: {
        team: 'ml',
        costCenter: 'cc-4001',
        goldenPath: 'pytorch-training-job',
      },
    },
  ),
  example(
    'A DPDK network function on two SR-IOV networks (Multus) with 2Mi hugepages and Guaranteed QoS',
    {
      name: 'upf',
      namespace: 'core-network',
      workload: 'network-function',
      image: 'registry.example.com/cnf/upf:5.1.0',
      port: 8805,
      replicas: 2,
      resources: {
        cpuRequest: '4',
        cpuLimit: '4',
        memoryRequest: '4Gi',
        memoryLimit: '4Gi',
      },
      autoscaling: { mode: 'none' },
      networkFunction: {
        networks: ['sriov-n3', 'sriov-n6'],
        sriovResource: 'intel.com/sriov_netdevice',
        hugepages2Mi: '1Gi',
        dpdk: true,
      },
      costLabels: {
        team: 'core-network',
        costCenter: 'cc-5001',
        goldenPath: 'cnf-dpdk',
      },
    },
  ),
];
