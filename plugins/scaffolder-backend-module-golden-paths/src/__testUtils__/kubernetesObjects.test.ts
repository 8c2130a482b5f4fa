import { apiServerChecks } from './kubernetesObjects';
import { validateWithKubernetesModels } from './kubernetesModels';

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
