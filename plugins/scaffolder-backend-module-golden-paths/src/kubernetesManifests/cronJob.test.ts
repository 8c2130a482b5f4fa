import {
  service,
  podTemplateOf,
  expectPodBasics,
  kubernetesManifestsTestbed,
} from '../__testUtils__/kubernetesManifests';

describe('golden-paths:kubernetes:manifests: a data CronJob', () => {
  const { run } = kubernetesManifestsTestbed();

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
});
