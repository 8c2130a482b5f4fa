import {
  service,
  expectPodBasics,
  kubernetesManifestsTestbed,
} from '../__testUtils__/kubernetesManifests';

describe('golden-paths:kubernetes:manifests: a PyTorch training job', () => {
  const { run } = kubernetesManifestsTestbed();

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
});
