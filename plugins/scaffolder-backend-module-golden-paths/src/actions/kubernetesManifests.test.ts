import { promises as fs } from 'node:fs';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import YAML from 'yaml';
import { createKubernetesManifestsAction } from './kubernetesManifests';
import { validateWithKubernetesModels } from '../__testUtils__/kubernetesModels';

type Action = ReturnType<typeof createKubernetesManifestsAction>;
type Context = Parameters<Action['handler']>[0];

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * What the API server checks and the OpenAPI schemas do not: names and
 * label syntax.
 */
function apiServerChecks(object: any): string[] {
  const problems: string[] = [];
  const checkLabels = (where: string, labels: Record<string, string> = {}) => {
    for (const [key, value] of Object.entries(labels)) {
      if (!LABEL_KEY.test(key)) problems.push(`${where}: label key ${key}`);
      if (
        typeof value !== 'string' ||
        value.length > 63 ||
        !LABEL_VALUE.test(value)
      ) {
        problems.push(`${where}: label value ${key}=${value}`);
      }
    }
  };
  if (!DNS_1123_LABEL.test(object.metadata?.name ?? '')) {
    problems.push(`name ${object.metadata?.name}`);
  }
  checkLabels('metadata', object.metadata?.labels);
  return problems;
}

/**
 * Builds the pods the Spark operator would create from a SparkApplication,
 * as far as this spec decides them, so that kubernetes-models can check the
 * parts that are core Kubernetes types (labels, env, security context).
 */
function sparkPods(app: any) {
  return (['driver', 'executor'] as const).map(role => {
    const spec = app.spec[role];
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${app.metadata.name}-${role}`, labels: spec.labels },
      spec: {
        ...(spec.serviceAccount
          ? { serviceAccountName: spec.serviceAccount }
          : {}),
        containers: [
          {
            name: `spark-kubernetes-${role}`,
            image: app.spec.image,
            env: spec.env,
            securityContext: spec.securityContext,
            resources: { requests: { cpu: String(spec.cores) } },
          },
        ],
      },
    };
  });
}

/**
 * Validates every object the action wrote. Objects of core and autoscaler
 * kinds go through their kubernetes-models schema. SparkApplication and
 * PyTorchJob are CRDs with no maintained npm schema package: their embedded
 * pod templates (PyTorchJob) or the pods they produce (SparkApplication) are
 * validated with the core v1 schemas, and the CRD's required fields are
 * checked explicitly by the caller.
 */
function validateObjects(objects: any[]) {
  const items: Array<{ model: string; data: unknown; where: string }> = [];
  for (const object of objects) {
    const where = `${object.kind}/${object.metadata.name}`;
    expect([where, apiServerChecks(object)]).toEqual([where, []]);
    if (object.kind === 'PyTorchJob') {
      for (const [role, replica] of Object.entries<any>(
        object.spec.pytorchReplicaSpecs,
      )) {
        items.push({
          model: 'v1/PodTemplateSpec',
          data: replica.template,
          where: `${where} ${role}`,
        });
      }
    } else if (object.kind === 'SparkApplication') {
      for (const pod of sparkPods(object)) {
        items.push({ model: 'v1/Pod', data: pod, where: pod.metadata.name });
      }
    } else {
      items.push({
        model: `${object.apiVersion}/${object.kind}`,
        data: object,
        where,
      });
    }
  }
  const results = validateWithKubernetesModels(items);
  expect(results.map((r, i) => [items[i].where, r])).toEqual(
    items.map(item => [item.where, null]),
  );
}

const REQUIRED_LABELS = [
  'app.kubernetes.io/name',
  'team',
  'cost-center',
  'golden-path',
];

describe('golden-paths:kubernetes:manifests', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createKubernetesManifestsAction();

  const costLabels = {
    team: 'payments',
    costCenter: 'cc-1234',
    goldenPath: 'node-http-service',
  };
  const service = {
    name: 'payments-api',
    namespace: 'payments',
    workload: 'service',
    image: 'ghcr.io/example-org/payments-api:1.0.0',
    costLabels,
  };

  beforeEach(() => {
    mockDir.setContent({ workspace: {}, outside: {} });
  });

  // createMockActionContext comes from test-utils built against
  // scaffolder-node 0.13, hence the cast to this action's context type.
  function context(input: Record<string, unknown>, extra?: Partial<Context>) {
    return {
      ...createMockActionContext({ input: input as any, workspacePath }),
      ...extra,
    } as unknown as Context;
  }

  async function run(input: Record<string, unknown>, extra?: Partial<Context>) {
    const ctx = context(input, extra);
    await action.handler(ctx);
    const outputs: { files: string[]; kinds: string[] } = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    ) as any;
    const texts: Record<string, string> = {};
    const objects: Record<string, any> = {};
    for (const file of outputs.files) {
      const text = await fs.readFile(
        mockDir.resolve('workspace', file),
        'utf8',
      );
      const documents = YAML.parseAllDocuments(text) as YAML.Document[];
      expect(documents).toHaveLength(1);
      expect(documents[0].errors).toEqual([]);
      const name = file.split('/').pop()!;
      texts[name] = text;
      objects[name] = documents[0].toJS();
    }
    const { 'kustomization.yaml': kustomization, ...k8s } = objects;
    expect(kustomization).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: Object.keys(k8s),
    });
    expect(Object.values(k8s).map(o => o.kind)).toEqual(outputs.kinds);
    validateObjects(Object.values(k8s));
    for (const object of Object.values(k8s)) {
      for (const label of REQUIRED_LABELS) {
        expect(object.metadata.labels[label]).toBeTruthy();
      }
    }
    return { outputs, objects: k8s, texts, ctx };
  }

  function podTemplateOf(object: any) {
    return object.kind === 'CronJob'
      ? object.spec.jobTemplate.spec.template
      : object.spec.template;
  }

  function expectPodBasics(template: any, labels: Record<string, string>) {
    expect(template.metadata.labels).toMatchObject(labels);
    for (const container of template.spec.containers) {
      expect(container.resources.requests.cpu).toBeDefined();
      expect(container.resources.requests.memory).toBeDefined();
      expect(container.resources.limits.memory).toBeDefined();
    }
  }

  describe('service', () => {
    it('writes ServiceAccount, Deployment, Service, PDB and HPA with the golden-path defaults', async () => {
      const { outputs, objects, texts } = await run(service);
      expect(outputs).toEqual({
        files: [
          'k8s/serviceaccount.yaml',
          'k8s/deployment.yaml',
          'k8s/service.yaml',
          'k8s/pdb.yaml',
          'k8s/hpa.yaml',
          'k8s/kustomization.yaml',
        ],
        kinds: [
          'ServiceAccount',
          'Deployment',
          'Service',
          'PodDisruptionBudget',
          'HorizontalPodAutoscaler',
        ],
      });

      const labels = {
        'app.kubernetes.io/name': 'payments-api',
        'app.kubernetes.io/component': 'service',
        team: 'payments',
        'cost-center': 'cc-1234',
        'golden-path': 'node-http-service',
      };
      for (const object of Object.values(objects)) {
        expect(object.metadata).toEqual({
          name: 'payments-api',
          namespace: 'payments',
          labels,
        });
      }

      const deployment = objects['deployment.yaml'];
      // The HPA owns the replica count.
      expect(deployment.spec.replicas).toBeUndefined();
      expect(deployment.spec.selector).toEqual({
        matchLabels: { 'app.kubernetes.io/name': 'payments-api' },
      });
      const pod = deployment.spec.template;
      expectPodBasics(pod, labels);
      expect(pod.metadata.annotations).toBeUndefined();
      expect(pod.spec.serviceAccountName).toBe('payments-api');
      expect(pod.spec.securityContext).toEqual({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      const [container] = pod.spec.containers;
      expect(container.resources).toEqual({
        requests: { cpu: '250m', memory: '256Mi' },
        limits: { memory: '512Mi' },
      });
      expect(texts['deployment.yaml']).toContain(
        '# No CPU limit on purpose: CPU limits make the kernel throttle the container',
      );
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.ports).toEqual([
        { name: 'http', containerPort: 8080, protocol: 'TCP' },
      ]);
      expect(container.readinessProbe.httpGet).toEqual({
        path: '/readyz',
        port: 'http',
      });
      expect(container.livenessProbe.httpGet).toEqual({
        path: '/healthz',
        port: 'http',
      });
      expect(container.env).toEqual([
        { name: 'OTEL_SERVICE_NAME', value: 'payments-api' },
        {
          name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
          value: 'http://otel-collector.observability:4317',
        },
        { name: 'OTEL_EXPORTER_OTLP_PROTOCOL', value: 'grpc' },
        {
          name: 'OTEL_RESOURCE_ATTRIBUTES',
          value:
            'team=payments,cost-center=cc-1234,golden-path=node-http-service,k8s.namespace.name=payments',
        },
      ]);
      expect(container.volumeMounts).toEqual([
        { name: 'tmp', mountPath: '/tmp' },
      ]);

      expect(objects['service.yaml'].spec).toEqual({
        type: 'ClusterIP',
        selector: { 'app.kubernetes.io/name': 'payments-api' },
        ports: [
          { name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' },
        ],
      });
      expect(objects['pdb.yaml'].spec).toEqual({
        maxUnavailable: 1,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'payments-api' } },
      });
      expect(objects['hpa.yaml']).toMatchObject({
        apiVersion: 'autoscaling/v2',
        spec: {
          scaleTargetRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'payments-api',
          },
          minReplicas: 2,
          maxReplicas: 10,
          metrics: [
            {
              type: 'Resource',
              resource: {
                name: 'cpu',
                target: { type: 'Utilization', averageUtilization: 70 },
              },
            },
          ],
        },
      });
      expect(objects['serviceaccount.yaml'].automountServiceAccountToken).toBe(
        false,
      );
      // Shared parts are written out in full, not as YAML anchors and aliases.
      expect(Object.values(texts).join('\n')).not.toMatch(/[&*]a\d/);
    });

    it('sets a CPU limit only when given, and says so', async () => {
      const { objects, texts } = await run({
        ...service,
        resources: {
          cpuRequest: '500m',
          cpuLimit: '1',
          memoryRequest: '1Gi',
          memoryLimit: '1Gi',
        },
      });
      expect(
        objects['deployment.yaml'].spec.template.spec.containers[0].resources,
      ).toEqual({
        requests: { cpu: '500m', memory: '1Gi' },
        limits: { cpu: '1', memory: '1Gi' },
      });
      expect(texts['deployment.yaml']).toContain('# CPU limit set explicitly');
    });

    it('uses a VPA instead of an HPA, keeping the replica count', async () => {
      const { objects, outputs } = await run({
        ...service,
        replicas: 3,
        autoscaling: { mode: 'vpa' },
      });
      expect(outputs.kinds).toContain('VerticalPodAutoscaler');
      expect(outputs.kinds).not.toContain('HorizontalPodAutoscaler');
      expect(objects['deployment.yaml'].spec.replicas).toBe(3);
      expect(objects['vpa.yaml']).toMatchObject({
        apiVersion: 'autoscaling.k8s.io/v1',
        kind: 'VerticalPodAutoscaler',
        spec: {
          targetRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'payments-api',
          },
          updatePolicy: { updateMode: 'Recreate' },
        },
      });
    });

    it('writes no autoscaler with mode none', async () => {
      const { outputs, objects } = await run({
        ...service,
        replicas: 1,
        autoscaling: { mode: 'none' },
      });
      expect(outputs.kinds).toEqual([
        'ServiceAccount',
        'Deployment',
        'Service',
        'PodDisruptionBudget',
      ]);
      expect(objects['deployment.yaml'].spec.replicas).toBe(1);
    });

    it('configures Datadog unified service tagging', async () => {
      const { objects } = await run({
        ...service,
        partOf: 'payments',
        observability: { provider: 'datadog', environment: 'staging' },
      });
      const datadog = {
        'tags.datadoghq.com/service': 'payments-api',
        'tags.datadoghq.com/env': 'staging',
        'tags.datadoghq.com/version': '1.0.0',
      };
      const deployment = objects['deployment.yaml'];
      expect(deployment.metadata.labels).toMatchObject({
        ...datadog,
        'app.kubernetes.io/part-of': 'payments',
      });
      expect(deployment.spec.template.metadata.labels).toMatchObject(datadog);
      const { env } = deployment.spec.template.spec.containers[0];
      expect(env).toEqual([
        {
          name: 'DD_AGENT_HOST',
          valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } },
        },
        {
          name: 'DD_SERVICE',
          valueFrom: {
            fieldRef: {
              fieldPath: "metadata.labels['tags.datadoghq.com/service']",
            },
          },
        },
        {
          name: 'DD_ENV',
          valueFrom: {
            fieldRef: {
              fieldPath: "metadata.labels['tags.datadoghq.com/env']",
            },
          },
        },
        {
          name: 'DD_VERSION',
          valueFrom: {
            fieldRef: {
              fieldPath: "metadata.labels['tags.datadoghq.com/version']",
            },
          },
        },
      ]);
    });

    it('sets no observability variables with provider none, and no version tag for an image by digest', async () => {
      const none = await run({
        ...service,
        observability: { provider: 'none' },
      });
      expect(
        none.objects['deployment.yaml'].spec.template.spec.containers[0].env,
      ).toEqual([]);

      const byDigest = await run({
        ...service,
        image: `ghcr.io/example-org/payments-api@sha256:${'c'.repeat(64)}`,
        observability: { provider: 'datadog' },
        overwrite: true,
      });
      const labels = byDigest.objects['deployment.yaml'].metadata.labels;
      expect(labels['tags.datadoghq.com/env']).toBe('production');
      expect(labels['tags.datadoghq.com/version']).toBeUndefined();
    });

    it('uses the OTLP HTTP protocol for a collector on port 4318', async () => {
      const { objects } = await run({
        ...service,
        observability: { endpoint: 'http://collector.monitoring:4318' },
      });
      expect(
        objects['deployment.yaml'].spec.template.spec.containers[0].env,
      ).toContainEqual({
        name: 'OTEL_EXPORTER_OTLP_PROTOCOL',
        value: 'http/protobuf',
      });
    });
  });

  it('mounts the writable directories an nginx frontend needs, and runs as a given UID', async () => {
    const { objects } = await run({
      ...service,
      name: 'storefront-web',
      workload: 'frontend',
      writableDirs: ['/tmp', '/var/cache/nginx', '/etc/nginx/conf.d'],
      runAsUser: 101,
    });
    const pod = objects['deployment.yaml'].spec.template.spec;
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 101,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.volumes).toEqual([
      { name: 'tmp', emptyDir: {} },
      { name: 'writable-1', emptyDir: {} },
      { name: 'writable-2', emptyDir: {} },
    ]);
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'writable-1', mountPath: '/var/cache/nginx' },
      { name: 'writable-2', mountPath: '/etc/nginx/conf.d' },
    ]);
    expect(pod.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
  });

  it('writes a frontend like a service, into another directory', async () => {
    const { outputs, objects } = await run({
      ...service,
      name: 'storefront-web',
      workload: 'frontend',
      port: 3000,
      targetDir: 'deploy/kubernetes',
    });
    expect(outputs.files[0]).toBe('deploy/kubernetes/serviceaccount.yaml');
    expect(outputs.kinds).toEqual([
      'ServiceAccount',
      'Deployment',
      'Service',
      'PodDisruptionBudget',
      'HorizontalPodAutoscaler',
    ]);
    const [container] =
      objects['deployment.yaml'].spec.template.spec.containers;
    expect(container.ports[0].containerPort).toBe(3000);
    expect(
      objects['deployment.yaml'].metadata.labels['app.kubernetes.io/component'],
    ).toBe('frontend');
  });

  it('writes a data pipeline as a CronJob, with no HPA, PDB or Service', async () => {
    const { outputs, objects, texts } = await run({
      ...service,
      name: 'orders-etl',
      workload: 'data',
      schedule: '*/15 * * * *',
    });
    expect(outputs.kinds).toEqual(['ServiceAccount', 'CronJob']);
    expect(outputs.files).toEqual([
      'k8s/serviceaccount.yaml',
      'k8s/cronjob.yaml',
      'k8s/kustomization.yaml',
    ]);
    const cronJob = objects['cronjob.yaml'];
    expect(cronJob).toMatchObject({
      apiVersion: 'batch/v1',
      spec: {
        schedule: '*/15 * * * *',
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
      },
    });
    const template = podTemplateOf(cronJob);
    expectPodBasics(template, {
      team: 'payments',
      'golden-path': 'node-http-service',
    });
    expect(template.spec.restartPolicy).toBe('OnFailure');
    expect(template.spec.containers[0].readinessProbe).toBeUndefined();
    expect(texts['cronjob.yaml']).toContain('# No CPU limit on purpose');
  });

  it('defaults the CronJob schedule to hourly', async () => {
    const { objects } = await run({
      ...service,
      name: 'orders-etl',
      workload: 'data',
    });
    expect(objects['cronjob.yaml'].spec.schedule).toBe('0 * * * *');
  });

  it('writes a SparkApplication with driver RBAC', async () => {
    const { outputs, objects } = await run({
      ...service,
      name: 'clickstream-aggregation',
      namespace: 'spark-jobs',
      workload: 'spark-job',
      image: 'ghcr.io/example-org/clickstream-aggregation:1.2.0',
      spark: {
        mainApplicationFile: 'local:///opt/app/main.py',
        executorInstances: 4,
        executorMemory: '4g',
      },
    });
    expect(outputs.kinds).toEqual([
      'ServiceAccount',
      'Role',
      'RoleBinding',
      'SparkApplication',
    ]);
    const app = objects['sparkapplication.yaml'];
    // No npm schema package covers the Spark operator's CRD: its required
    // fields (v1beta2) are checked here, and the pods it yields are validated
    // with the core schemas in validateObjects.
    expect(app.apiVersion).toBe('sparkoperator.k8s.io/v1beta2');
    expect(app.kind).toBe('SparkApplication');
    for (const field of [
      'type',
      'mode',
      'image',
      'mainApplicationFile',
      'sparkVersion',
      'driver',
      'executor',
    ]) {
      expect(app.spec[field]).toBeDefined();
    }
    expect(['Java', 'Python', 'Scala', 'R']).toContain(app.spec.type);
    expect(['cluster', 'client']).toContain(app.spec.mode);
    expect(app.spec).toMatchObject({
      type: 'Python',
      pythonVersion: '3',
      mode: 'cluster',
      sparkVersion: '3.5.1',
      restartPolicy: { type: 'Never' },
      driver: {
        cores: 1,
        memory: '1g',
        serviceAccount: 'clickstream-aggregation',
      },
      executor: { cores: 1, memory: '4g', instances: 4 },
    });
    for (const role of ['driver', 'executor']) {
      expect(app.spec[role].labels).toMatchObject({
        team: 'payments',
        'cost-center': 'cc-1234',
        'golden-path': 'node-http-service',
      });
      expect(app.spec[role].memory).toMatch(/^\d+[kmgt]?$/);
      expect(app.spec[role].coreLimit).toBeUndefined();
      expect(app.spec[role].securityContext).toMatchObject({
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
      });
    }
    expect(objects['serviceaccount.yaml'].automountServiceAccountToken).toBe(
      true,
    );
    expect(objects['rolebinding.yaml']).toMatchObject({
      roleRef: { kind: 'Role', name: 'clickstream-aggregation' },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: 'clickstream-aggregation',
          namespace: 'spark-jobs',
        },
      ],
    });
    expect(objects['role.yaml'].rules[0].resources).toContain('pods');
  });

  it('writes a Scala SparkApplication with its main class', async () => {
    const { objects } = await run({
      ...service,
      workload: 'spark-job',
      spark: {
        type: 'Scala',
        mainApplicationFile: 'local:///opt/app/job.jar',
        mainClass: 'com.example.Job',
      },
    });
    expect(objects['sparkapplication.yaml'].spec).toMatchObject({
      type: 'Scala',
      mainClass: 'com.example.Job',
    });
    expect(objects['sparkapplication.yaml'].spec.pythonVersion).toBeUndefined();
  });

  it('writes a PyTorchJob with Master and Worker replicas, and GPUs', async () => {
    const { outputs, objects } = await run({
      ...service,
      name: 'recommender-training',
      namespace: 'ml',
      workload: 'ml-training',
      training: {
        workers: 3,
        gpusPerWorker: 2,
        command: ['python', 'train.py'],
      },
    });
    expect(outputs.kinds).toEqual(['ServiceAccount', 'PyTorchJob']);
    const job = objects['pytorchjob.yaml'];
    // No npm schema package covers Kubeflow's CRD: its required fields are
    // checked here, the pod templates are validated in validateObjects.
    expect(job.apiVersion).toBe('kubeflow.org/v1');
    expect(job.kind).toBe('PyTorchJob');
    expect(Object.keys(job.spec.pytorchReplicaSpecs)).toEqual([
      'Master',
      'Worker',
    ]);
    const { Master, Worker } = job.spec.pytorchReplicaSpecs;
    expect(Master.replicas).toBe(1);
    expect(Worker.replicas).toBe(3);
    for (const replica of [Master, Worker]) {
      expect(['Always', 'OnFailure', 'Never', 'ExitCode']).toContain(
        replica.restartPolicy,
      );
      expectPodBasics(replica.template, { team: 'payments' });
      const [container] = replica.template.spec.containers;
      expect(container.name).toBe('pytorch');
      expect(container.command).toEqual(['python', 'train.py']);
      expect(container.resources.limits['nvidia.com/gpu']).toBe('2');
      expect(container.resources.requests['nvidia.com/gpu']).toBe('2');
      expect(replica.template.spec.tolerations).toEqual([
        { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
      ]);
      expect(replica.template.spec.volumes).toContainEqual({
        name: 'dshm',
        emptyDir: { medium: 'Memory' },
      });
    }
  });

  it('asks for no GPUs by default', async () => {
    const { objects } = await run({ ...service, workload: 'ml-training' });
    const { Worker } = objects['pytorchjob.yaml'].spec.pytorchReplicaSpecs;
    expect(Worker.replicas).toBe(2);
    expect(Worker.template.spec.containers[0].resources.limits).toEqual({
      memory: '512Mi',
    });
    expect(Worker.template.spec.tolerations).toBeUndefined();
  });

  describe('network function', () => {
    const networkFunction = {
      ...service,
      name: 'upf',
      namespace: 'core-network',
      workload: 'network-function',
      image: 'registry.example.com/cnf/upf:5.1.0',
      port: 8805,
      networkFunction: {
        networks: ['sriov-n3', 'core/sriov-n6@n6'],
        sriovResource: 'intel.com/sriov_netdevice',
        hugepages2Mi: '1Gi',
        dpdk: true,
      },
    };

    it('writes a Deployment on Multus networks with SR-IOV, hugepages and the capabilities it needs, a Service and a PDB', async () => {
      const { outputs, objects, texts } = await run(networkFunction);
      // Scaled by provisioned capacity, so no autoscaler by default.
      expect(outputs.kinds).toEqual([
        'ServiceAccount',
        'Deployment',
        'Service',
        'PodDisruptionBudget',
      ]);
      const deployment = objects['deployment.yaml'];
      expect(deployment.spec.replicas).toBe(2);
      expect(deployment.spec.strategy.rollingUpdate).toEqual({
        maxUnavailable: 1,
        maxSurge: 0,
      });
      const pod = deployment.spec.template;
      expect(pod.metadata.annotations).toEqual({
        'k8s.v1.cni.cncf.io/networks': 'sriov-n3,core/sriov-n6@n6',
      });
      const [container] = pod.spec.containers;
      expect(container.resources).toEqual({
        requests: {
          cpu: '250m',
          memory: '256Mi',
          'intel.com/sriov_netdevice': '2',
          'hugepages-2Mi': '1Gi',
        },
        limits: {
          memory: '512Mi',
          'intel.com/sriov_netdevice': '2',
          'hugepages-2Mi': '1Gi',
        },
      });
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'], add: ['NET_ADMIN', 'IPC_LOCK'] },
      });
      expect(pod.spec.securityContext.runAsNonRoot).toBeUndefined();
      expect(texts['deployment.yaml']).toContain('# Not runAsNonRoot');
      expect(texts['deployment.yaml']).toContain('Guaranteed QoS');
      expect(pod.spec.volumes).toContainEqual({
        name: 'hugepages',
        emptyDir: { medium: 'HugePages-2Mi' },
      });
      expect(container.volumeMounts).toContainEqual({
        name: 'hugepages',
        mountPath: '/dev/hugepages',
      });
      expect(container.readinessProbe.httpGet).toEqual({
        path: '/readyz',
        port: 'mgmt',
      });
      expect(container.livenessProbe.httpGet).toEqual({
        path: '/healthz',
        port: 'mgmt',
      });
      expect(objects['service.yaml'].spec.ports).toEqual([
        { name: 'mgmt', port: 8805, targetPort: 'mgmt', protocol: 'TCP' },
      ]);
      expect(objects['pdb.yaml'].spec.maxUnavailable).toBe(1);
    });

    it('without SR-IOV, hugepages or DPDK adds only NET_ADMIN, and may use an HPA', async () => {
      const { outputs, objects } = await run({
        ...networkFunction,
        autoscaling: { mode: 'hpa' },
        networkFunction: { networks: ['macvlan-conf'] },
      });
      expect(outputs.kinds).toContain('HorizontalPodAutoscaler');
      const [container] =
        objects['deployment.yaml'].spec.template.spec.containers;
      expect(container.securityContext.capabilities.add).toEqual(['NET_ADMIN']);
      expect(container.resources.limits).toEqual({ memory: '512Mi' });
    });

    it('probes a management port that is not HTTP over TCP', async () => {
      const { objects } = await run({
        ...networkFunction,
        networkFunction: { networks: ['sriov-n3'], healthProbe: 'tcp' },
      });
      const [container] =
        objects['deployment.yaml'].spec.template.spec.containers;
      expect(container.readinessProbe.tcpSocket).toEqual({ port: 'mgmt' });
      expect(container.livenessProbe.tcpSocket).toEqual({ port: 'mgmt' });
      expect(container.readinessProbe.httpGet).toBeUndefined();
    });

    it('refuses an HPA for a DPDK network function', async () => {
      await expect(
        action.handler(
          context({ ...networkFunction, autoscaling: { mode: 'hpa' } }),
        ),
      ).rejects.toThrow(
        /autoscaling.mode: cannot be 'hpa' for a DPDK network function/,
      );
    });

    it.each([
      [
        'no networkFunction',
        { networkFunction: undefined },
        /networkFunction.networks: is required/,
      ],
      [
        'no networks',
        { networkFunction: { networks: [] } },
        /networkFunction.networks: needs at least one/,
      ],
      [
        'a bad network name',
        { networkFunction: { networks: ['Bad_Name'] } },
        /must name a NetworkAttachmentDefinition/,
      ],
      [
        'a bad SR-IOV resource',
        { networkFunction: { networks: ['a'], sriovResource: 'sriov' } },
        /extended resource name/,
      ],
      [
        'odd hugepages',
        { networkFunction: { networks: ['a'], hugepages2Mi: '3Mi' } },
        /multiple of 2Mi/,
      ],
    ])('refuses %s', async (_what, change, message) => {
      await expect(
        action.handler(context({ ...networkFunction, ...change })),
      ).rejects.toThrow(message);
    });
  });

  it('writes the files in a dry run too, into the dry-run workspace', async () => {
    const { outputs, ctx } = await run(service, { isDryRun: true });
    expect(outputs.files).toHaveLength(6);
    expect(ctx.output).toHaveBeenCalledWith('kinds', expect.any(Array));
  });

  it('publishes JSON Schemas with the defaults for the template editor', () => {
    const input = action.schema?.input as any;
    expect(input.required).toEqual(['name', 'workload', 'image', 'costLabels']);
    expect(input.properties.namespace.default).toBe('default');
    expect(input.properties.targetDir.default).toBe('k8s');
    expect(input.additionalProperties).toBe(false);
    expect(action.supportsDryRun).toBe(true);
  });

  describe('refuses bad input and leaves the workspace as it was', () => {
    it.each([
      ['a parent directory', '../outside', /must stay inside the workspace/],
      [
        'a nested parent directory',
        'k8s/../../outside',
        /must stay inside the workspace/,
      ],
      ['an absolute path', '/tmp/k8s', /relative path/],
      ['a backslash path', '..\\outside', /relative path/],
    ])('a targetDir with %s', async (_what, targetDir, message) => {
      await expect(
        action.handler(context({ ...service, targetDir })),
      ).rejects.toThrow(message);
      expect(mockDir.content({ path: 'workspace' })).toEqual({});
      expect(mockDir.content({ path: 'outside' })).toEqual({});
    });

    it('a targetDir that is a symlink leading out of the workspace', async () => {
      mockDir.setContent({
        outside: {},
        workspace: { k8s: ({ symlink }) => symlink('../outside') },
      });
      await expect(action.handler(context(service))).rejects.toThrow(
        /outside the workspace through a symbolic link/,
      );
      expect(mockDir.content({ path: 'outside' })).toEqual({});
    });

    it('a file in targetDir that is a symlink leading out of the workspace', async () => {
      mockDir.setContent({
        outside: {},
        workspace: {
          k8s: {
            'pdb.yaml': ({ symlink }) => symlink('../../outside/pdb.yaml'),
          },
        },
      });
      await expect(action.handler(context(service))).rejects.toThrow(
        /targetDir file pdb.yaml resolves outside the workspace/,
      );
      // Nothing was written before the check failed.
      expect(await fs.readdir(mockDir.resolve('workspace/k8s'))).toEqual([
        'pdb.yaml',
      ]);
      expect(mockDir.content({ path: 'outside' })).toEqual({});
    });

    it('an existing file, unless overwrite is set', async () => {
      mockDir.setContent({
        outside: {},
        workspace: { k8s: { 'service.yaml': 'mine\n' } },
      });
      await expect(action.handler(context(service))).rejects.toThrow(
        /k8s\/service.yaml already exists in the workspace/,
      );
      expect(mockDir.content({ path: 'workspace' })).toEqual({
        k8s: { 'service.yaml': 'mine\n' },
      });
      const { objects } = await run({ ...service, overwrite: true });
      expect(objects['service.yaml'].kind).toBe('Service');
    });

    it.each([
      [
        'a memory limit below the request',
        { memoryRequest: '1Gi', memoryLimit: '512Mi' },
        /resources.memoryLimit: must be at least resources.memoryRequest/,
      ],
      [
        'a CPU limit below the request',
        { cpuRequest: '1', cpuLimit: '500m' },
        /resources.cpuLimit: must be at least resources.cpuRequest/,
      ],
      [
        'a CPU quantity that is not one',
        { cpuRequest: 'lots' },
        /resources.cpuRequest: "lots" is not a Kubernetes quantity/,
      ],
      [
        'a memory quantity that is not one',
        { memoryLimit: '1 GB' },
        /resources.memoryLimit: "1 GB" is not a Kubernetes quantity/,
      ],
      ['memory in millibytes', { memoryRequest: '256m' }, /means millibytes/],
      [
        'a negative quantity',
        { cpuRequest: '-1' },
        /not a Kubernetes quantity/,
      ],
      [
        'a zero request',
        { cpuRequest: '0' },
        /resources.cpuRequest: "0" must be more than zero/,
      ],
    ])('%s', async (_what, resources, message) => {
      await expect(
        action.handler(context({ ...service, resources })),
      ).rejects.toThrow(message);
      expect(mockDir.content({ path: 'workspace' })).toEqual({});
    });

    it('accepts equal limits and requests written differently (700m and 0.7, 1e9 and 1G)', async () => {
      const { objects } = await run({
        ...service,
        resources: {
          cpuRequest: '700m',
          cpuLimit: '0.7',
          memoryRequest: '1e9',
          memoryLimit: '1G',
        },
      });
      expect(
        objects['deployment.yaml'].spec.template.spec.containers[0].resources
          .limits,
      ).toEqual({
        cpu: '0.7',
        memory: '1G',
      });
    });

    it.each([
      [
        'maxReplicas below minReplicas',
        { autoscaling: { minReplicas: 5, maxReplicas: 3 } },
        /autoscaling.maxReplicas: must be at least autoscaling.minReplicas/,
      ],
      [
        'a name that is not a DNS-1123 label',
        { name: 'Payments_API' },
        /name: must be a DNS-1123 label/,
      ],
      [
        'a service name starting with a digit',
        { name: '1api' },
        /name: must start with a letter/,
      ],
      [
        'a CronJob name over 52 characters',
        { workload: 'data', name: 'a'.repeat(53) },
        /at most 52 characters/,
      ],
      [
        'a bad schedule',
        { workload: 'data', schedule: 'every hour' },
        /schedule: must be a five-field cron expression/,
      ],
      ['a missing workload', { workload: undefined }, /workload: Required/],
      [
        'an unknown workload',
        { workload: 'lambda' },
        /workload: Invalid enum value/,
      ],
      [
        'a bad image',
        { image: 'ghcr.io/Example/App:1.0' },
        /image: must be an OCI image reference/,
      ],
      [
        'missing cost labels',
        { costLabels: { team: 'payments' } },
        /costLabels.costCenter: Required/,
      ],
      [
        'a cost label that is not a label value',
        { costLabels: { ...costLabels, costCenter: 'cc 1234' } },
        /costCenter must be a Kubernetes label value/,
      ],
      [
        'a Spark job without spark',
        { workload: 'spark-job' },
        /spark: is required for workload 'spark-job'/,
      ],
      [
        'a Scala job without mainClass',
        {
          workload: 'spark-job',
          spark: { type: 'Scala', mainApplicationFile: 'local:///a.jar' },
        },
        /spark.mainClass: is required for Scala/,
      ],
      [
        'a Spark memory in Kubernetes units',
        {
          workload: 'spark-job',
          spark: { mainApplicationFile: 'local:///a.py', driverMemory: '1Gi' },
        },
        /Spark memory size/,
      ],
      ['an unknown input', { replica: 2 }, /Unrecognized key/],
      [
        'a relative writable directory',
        { writableDirs: ['tmp'] },
        /writableDirs.0: must be an absolute path/,
      ],
      [
        'a writable directory with ..',
        { writableDirs: ['/tmp/../etc'] },
        /writableDirs.0: must not contain/,
      ],
      [
        'a writable directory twice',
        { writableDirs: ['/tmp', '/tmp'] },
        /writableDirs.1: is listed twice/,
      ],
      ['runAsUser root', { runAsUser: 0 }, /runAsUser/],
    ])('%s', async (_what, change, message) => {
      await expect(
        action.handler(context({ ...service, ...change })),
      ).rejects.toThrow(message);
      expect(mockDir.content({ path: 'workspace' })).toEqual({});
    });
  });

  describe('the kubernetes-models validation in these tests', () => {
    it('is live: it rejects invalid objects', () => {
      const results = validateWithKubernetesModels([
        {
          model: 'apps/v1/Deployment',
          // spec.selector is required
          data: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'x' },
            spec: {
              template: { spec: { containers: [{ name: 'x', image: 'x' }] } },
            },
          },
        },
        {
          model: 'v1/PodTemplateSpec',
          data: {
            spec: {
              containers: [
                {
                  name: 'x',
                  image: 'x',
                  resources: { limits: { cpu: 'lots' } },
                },
              ],
            },
          },
        },
        {
          model: 'autoscaling.k8s.io/v1/VerticalPodAutoscaler',
          data: {
            apiVersion: 'autoscaling.k8s.io/v1',
            kind: 'VerticalPodAutoscaler',
            metadata: { name: 'x' },
            spec: {
              targetRef: { kind: 'Deployment', name: 'x' },
              updatePolicy: { updateMode: 'Sometimes' },
            },
          },
        },
        {
          model: 'autoscaling/v2/HorizontalPodAutoscaler',
          data: {
            apiVersion: 'autoscaling/v2',
            kind: 'HorizontalPodAutoscaler',
            metadata: { name: 'x' },
            spec: { scaleTargetRef: { kind: 'Deployment', name: 'x' } },
          },
        },
      ]);
      expect(results[0]).toMatch(/must have required property selector/);
      expect(results[1]).toMatch(/format "quantity"/);
      expect(results[2]).toMatch(
        /updateMode must be equal to one of the allowed values/,
      );
      expect(results[3]).toMatch(/must have required property maxReplicas/);
    });

    it('is live: the name and label checks reject what the API server would', () => {
      expect(
        apiServerChecks({
          metadata: {
            name: 'Bad_Name',
            labels: { 'bad key!': 'x', ok: 'not ok' },
          },
        }),
      ).toHaveLength(3);
    });
  });
});
