import { fixtureRepository, repositoryOf } from '../__testUtils__/fixtures';
import { readManifests } from './manifests';
import { extractWorkloads } from './workloads';

function workloadsOf(files: Record<string, string>) {
  return extractWorkloads(readManifests(repositoryOf(files)));
}

describe('readManifests', () => {
  it('reads every document, skips what does not parse and keeps kustomizations apart', () => {
    const manifests = readManifests(
      repositoryOf({
        'k8s/all.yaml':
          'kind: ServiceAccount\nmetadata: { name: a }\n---\nkind: [broken\n---\n# empty\n---\nkind: List\nitems:\n  - { kind: Service, metadata: { name: b, namespace: x } }\n',
        'k8s/kustomization.yaml': 'resources: [all.yaml]\n',
        'src/k8s/not-a-manifest.yaml': 'kind: Deployment\n',
        'manifests/deep/er/job.yml': 'kind: Job\nmetadata: { name: c }\n',
      }),
    );
    expect(manifests.files).toEqual([
      'k8s/all.yaml',
      'k8s/kustomization.yaml',
      'manifests/deep/er/job.yml',
    ]);
    expect(manifests.unparsable).toEqual(['k8s/all.yaml']);
    expect(manifests.kustomizations.map(k => k.file)).toEqual([
      'k8s/kustomization.yaml',
    ]);
    expect(
      manifests.objects.map(({ file, kind, name, namespace }) => ({
        file,
        kind,
        name,
        namespace,
      })),
    ).toEqual([
      { file: 'k8s/all.yaml', kind: 'ServiceAccount', name: 'a' },
      { file: 'k8s/all.yaml', kind: 'Service', name: 'b', namespace: 'x' },
      { file: 'manifests/deep/er/job.yml', kind: 'Job', name: 'c' },
    ]);
  });
});

describe('extractWorkloads', () => {
  it('reads a Deployment of the template output', () => {
    const [deployment, ...rest] = extractWorkloads(
      readManifests(fixtureRepository('node-http-service')),
    );
    expect(rest).toEqual([]);
    expect(deployment).toMatchObject({
      file: 'k8s/deployment.yaml',
      kind: 'Deployment',
      name: 'dry-node-http-service',
      namespace: 'dry-node-http-service',
      pods: [
        {
          labelsField: 'spec.template.metadata.labels',
          labels: { team: 'platform-team', 'cost-center': 'CC-1234' },
          containers: [
            {
              name: 'dry-node-http-service',
              label: 'container dry-node-http-service',
              init: false,
              resources: {
                cpuRequest: '100m',
                memoryRequest: '128Mi',
                memoryLimit: '256Mi',
              },
            },
          ],
        },
      ],
    });
    expect(deployment.pods[0].containers[0].env.map(v => v.name)).toContain(
      'OTEL_EXPORTER_OTLP_ENDPOINT',
    );
  });

  it('finds the pod templates of every workload kind', () => {
    const pod = (name: string) =>
      `{ metadata: { labels: { app: ${name} } }, spec: { containers: [{ name: ${name} }] } }`;
    const workloads = workloadsOf({
      'k8s/workloads.yaml': [
        `kind: StatefulSet\nmetadata: { name: db }\nspec: { template: ${pod(
          'db',
        )} }`,
        `kind: CronJob\nmetadata: { name: nightly }\nspec: { jobTemplate: { spec: { template: ${pod(
          'nightly',
        )} } } }`,
        `kind: Pod\nmetadata: { name: debug, labels: { app: debug } }\nspec: { initContainers: [{ name: init }], containers: [{ name: debug }] }`,
        `kind: TFJob\nmetadata: { name: tf }\nspec: { tfReplicaSpecs: { Chief: { template: ${pod(
          'chief',
        )} }, PS: { template: ${pod('ps')} } } }`,
        `kind: RayCluster\nmetadata: { name: ray }\nspec: { headGroupSpec: { template: ${pod(
          'head',
        )} }, workerGroupSpecs: [{ groupName: gpu, template: ${pod(
          'gpu',
        )} }] }`,
        `kind: ScheduledSparkApplication\nmetadata: { name: nightly-spark, labels: { team: data } }\nspec: { template: { driver: { coreRequest: 500m, cores: 1, memory: 1g }, executor: { memory: 2g } } }`,
        'kind: ConfigMap\nmetadata: { name: settings }',
      ].join('\n---\n'),
    });
    expect(
      workloads.map(w => ({
        workload: `${w.kind} ${w.name}`,
        pods: w.pods.map(
          p =>
            `${p.role ?? '-'} @ ${p.labelsField}: ${p.containers
              .map(c => c.label)
              .join(', ')}`,
        ),
      })),
    ).toEqual([
      {
        workload: 'StatefulSet db',
        pods: ['- @ spec.template.metadata.labels: container db'],
      },
      {
        workload: 'CronJob nightly',
        pods: [
          '- @ spec.jobTemplate.spec.template.metadata.labels: container nightly',
        ],
      },
      {
        workload: 'Pod debug',
        pods: ['- @ metadata.labels: init container init, container debug'],
      },
      {
        workload: 'TFJob tf',
        pods: [
          'Chief @ spec.tfReplicaSpecs.Chief.template.metadata.labels: container chief',
          'PS @ spec.tfReplicaSpecs.PS.template.metadata.labels: container ps',
        ],
      },
      {
        workload: 'RayCluster ray',
        pods: [
          'head @ spec.headGroupSpec.template.metadata.labels: container head',
          'gpu @ spec.workerGroupSpecs[0].template.metadata.labels: container gpu',
        ],
      },
      {
        workload: 'ScheduledSparkApplication nightly-spark',
        pods: [
          'driver @ spec.template.driver.labels (or metadata.labels): driver',
          'executor @ spec.template.executor.labels (or metadata.labels): executor',
        ],
      },
    ]);
    const spark = workloads[5];
    expect(spark.pods.map(p => p.containers[0].resources)).toEqual([
      { cpuRequest: '500m', memoryRequest: '1g', memoryLimit: '1g' },
      { cpuRequest: undefined, memoryRequest: '2g', memoryLimit: '2g' },
    ]);
    expect(spark.pods[1].labels).toEqual({ team: 'data' });
  });

  it('takes a limit as the request Kubernetes would default it to', () => {
    const [workload] = workloadsOf({
      'k8s/job.yaml':
        'kind: Job\nmetadata: { name: j }\nspec:\n  template:\n    spec:\n      containers:\n        - name: j\n          resources: { limits: { cpu: "1", memory: 1Gi } }\n',
    });
    expect(workload.pods[0].containers[0].resources).toEqual({
      cpuRequest: '1',
      memoryRequest: '1Gi',
      memoryLimit: '1Gi',
    });
  });
});
