import {
  service,
  kubernetesManifestsTestbed,
} from '../__testUtils__/kubernetesManifests';

describe('golden-paths:kubernetes:manifests: a network function', () => {
  const { action, context, run } = kubernetesManifestsTestbed();

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
});
