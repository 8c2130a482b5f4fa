import { autoscalingCheck } from './autoscalingCheck';
import {
  fixtureRepository,
  repositoryOf,
  verdictOf,
} from './__testUtils__/fixtures';
import { editYaml, withFile, withoutFile } from './__testUtils__/mutations';

const NOTHING_SCALES =
  'nothing autoscales Deployment dry-node-http-service in k8s/deployment.yaml: no HorizontalPodAutoscaler, KEDA ScaledObject or VerticalPodAutoscaler in the manifests targets it';

const verdictOn = verdictOf(autoscalingCheck);

function withoutHpa() {
  return withoutFile(fixtureRepository('node-http-service'), 'k8s/hpa.yaml');
}

describe('autoscalingCheck', () => {
  it('passes on the template output, naming the HPA', async () => {
    expect(await verdictOn()).toEqual({
      status: 'pass',
      reason:
        'Deployment dry-node-http-service in k8s/deployment.yaml is scaled by HorizontalPodAutoscaler dry-node-http-service (k8s/hpa.yaml)',
    });
  });

  it('fails when the HPA is removed', async () => {
    expect(await verdictOn(withoutHpa())).toEqual({
      status: 'fail',
      reason: NOTHING_SCALES,
      fix: expect.stringContaining('HorizontalPodAutoscaler'),
    });
  });

  it('fails when the HPA targets another workload', async () => {
    const repository = editYaml(
      fixtureRepository('node-http-service'),
      'k8s/hpa.yaml',
      document => document.setIn(['spec', 'scaleTargetRef', 'name'], 'other'),
    );
    expect((await verdictOn(repository)).reason).toBe(NOTHING_SCALES);
  });

  it.each([
    [
      'an autoscaling/v1 HPA',
      'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: dry-node-http-service }\n  minReplicas: 2\n  maxReplicas: 5\n  targetCPUUtilizationPercentage: 70\n',
      'HorizontalPodAutoscaler web',
    ],
    [
      'a KEDA ScaledObject (kind defaults to Deployment)',
      'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: dry-node-http-service\n  triggers:\n    - type: prometheus\n',
      'ScaledObject web',
    ],
    [
      'a VerticalPodAutoscaler',
      'apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  targetRef: { apiVersion: apps/v1, kind: Deployment, name: dry-node-http-service }\n  updatePolicy: { updateMode: Recreate }\n',
      'VerticalPodAutoscaler web',
    ],
  ])('passes with %s', async (_, manifest, scaler) => {
    const repository = withFile(withoutHpa(), 'k8s/scaler.yaml', manifest);
    expect(await verdictOn(repository)).toEqual({
      status: 'pass',
      reason: `Deployment dry-node-http-service in k8s/deployment.yaml is scaled by ${scaler} (k8s/scaler.yaml)`,
    });
  });

  it('does not count a VPA that only recommends', async () => {
    const repository = withFile(
      withoutHpa(),
      'k8s/vpa.yaml',
      'apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  targetRef: { kind: Deployment, name: dry-node-http-service }\n  updatePolicy: { updateMode: "Off" }\n',
    );
    expect((await verdictOn(repository)).reason).toBe(
      `${NOTHING_SCALES}; VerticalPodAutoscaler web (k8s/vpa.yaml) only recommends (updateMode: Off)`,
    );
  });

  it('passes a PyTorchJob with an elastic policy', async () => {
    const fixture = fixtureRepository('ml-training-job');
    expect((await verdictOn(fixture)).status).toBe('fail');
    const repository = editYaml(fixture, 'k8s/pytorchjob.yaml', document =>
      document.setIn(['spec', 'elasticPolicy'], {
        minReplicas: 1,
        maxReplicas: 4,
      }),
    );
    expect((await verdictOn(repository)).reason).toBe(
      'PyTorchJob dry-ml-training-job in k8s/pytorchjob.yaml scales itself (spec.elasticPolicy)',
    );
  });

  it('fails when only run-to-completion workloads exist and nothing scales them', async () => {
    expect(
      (await verdictOn(fixtureRepository('python-data-pipeline'))).reason,
    ).toBe(
      'nothing autoscales CronJob dry-python-data-pipeline in k8s/cronjob.yaml: it runs to completion or once per node, and no HorizontalPodAutoscaler, KEDA ScaledObject or VerticalPodAutoscaler targets it',
    );
  });

  it('does not ask a Job next to a scaled Deployment to scale', async () => {
    const repository = withFile(
      fixtureRepository('node-http-service'),
      'k8s/migrate.yaml',
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers: [{ name: migrate, image: migrate:1 }]\n',
    );
    expect((await verdictOn(repository)).status).toBe('pass');
  });

  it('fails when there are no manifests', async () => {
    expect((await verdictOn(repositoryOf({}))).reason).toMatch(
      /^no Kubernetes manifests found/,
    );
  });
});
