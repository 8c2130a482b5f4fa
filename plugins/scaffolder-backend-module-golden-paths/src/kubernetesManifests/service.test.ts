import {
  service,
  expectPodBasics,
  kubernetesManifestsTestbed,
} from '../__testUtils__/kubernetesManifests';

describe('golden-paths:kubernetes:manifests: a service', () => {
  const { run } = kubernetesManifestsTestbed();

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
});
