import {
  service,
  kubernetesManifestsTestbed,
} from '../__testUtils__/kubernetesManifests';

describe('golden-paths:kubernetes:manifests: a frontend', () => {
  const { run } = kubernetesManifestsTestbed();

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
});
