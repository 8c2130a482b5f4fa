import {
  service,
  kubernetesManifestsTestbed,
} from '../__testUtils__/kubernetesManifests';

describe('golden-paths:kubernetes:manifests: a Spark job', () => {
  const { run } = kubernetesManifestsTestbed();

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
});
