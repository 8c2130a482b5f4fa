import {
  costLabels,
  service,
  kubernetesManifestsTestbed,
} from '../__testUtils__/kubernetesManifests';

describe('golden-paths:kubernetes:manifests: its input', () => {
  const { mockDir, action, context } = kubernetesManifestsTestbed();

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
});
