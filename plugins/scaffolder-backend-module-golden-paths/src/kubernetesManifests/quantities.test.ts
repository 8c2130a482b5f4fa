import {
  service,
  kubernetesManifestsTestbed,
} from '../__testUtils__/kubernetesManifests';

describe('golden-paths:kubernetes:manifests: resource quantities', () => {
  const { mockDir, action, context, run } = kubernetesManifestsTestbed();

  describe('refuses bad input and leaves the workspace as it was', () => {
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

    it('reads every suffix as the API server does (E is exa, 1e3 an exponent)', async () => {
      const { objects } = await run({
        ...service,
        resources: {
          cpuRequest: '1e3',
          cpuLimit: '1k',
          memoryRequest: '1Ei',
          memoryLimit: '2E',
        },
      });
      expect(
        objects['deployment.yaml'].spec.template.spec.containers[0].resources,
      ).toEqual({
        requests: { cpu: '1e3', memory: '1Ei' },
        limits: { cpu: '1k', memory: '2E' },
      });
    });

    it('refuses a signed quantity, which a request or limit cannot be', async () => {
      await expect(
        action.handler(
          context({ ...service, resources: { cpuRequest: '+1' } }),
        ),
      ).rejects.toThrow(
        /resources.cpuRequest: "\+1" is not a Kubernetes quantity/,
      );
    });
  });
});
