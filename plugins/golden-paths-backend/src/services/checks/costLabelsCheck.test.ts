import { costLabelsCheck, createCostLabelsCheck } from './costLabelsCheck';
import { checkContext, fixtureRepository } from './__testUtils__/fixtures';
import { editYaml, withFile } from './__testUtils__/mutations';

const POD_LABELS = ['spec', 'template', 'metadata', 'labels'];

async function verdictOn(
  repository = fixtureRepository('node-http-service'),
  check = costLabelsCheck,
) {
  return check.evaluate(checkContext({ repository }));
}

function nodeDeployment(edit: Parameters<typeof editYaml>[2]) {
  return editYaml(
    fixtureRepository('node-http-service'),
    'k8s/deployment.yaml',
    edit,
  );
}

describe('costLabelsCheck', () => {
  it('passes on the template output', async () => {
    expect(await verdictOn()).toEqual({
      status: 'pass',
      reason:
        'the pods of Deployment dry-node-http-service in k8s/deployment.yaml carry the team and cost-center labels',
    });
  });

  it('fails when the pod template loses its cost-center label, even if the Deployment keeps it', async () => {
    const repository = nodeDeployment(document =>
      document.deleteIn([...POD_LABELS, 'cost-center']),
    );
    expect(await verdictOn(repository)).toEqual({
      status: 'fail',
      reason:
        'k8s/deployment.yaml (Deployment dry-node-http-service) has no cost-center label in spec.template.metadata.labels',
      fix: expect.stringContaining('team and cost-center labels'),
    });
  });

  it('does not count an empty value', async () => {
    const repository = nodeDeployment(document => {
      document.setIn([...POD_LABELS, 'team'], '');
      document.setIn([...POD_LABELS, 'cost-center'], ' ');
    });
    expect((await verdictOn(repository)).reason).toBe(
      'k8s/deployment.yaml (Deployment dry-node-http-service) has no team and cost-center labels in spec.template.metadata.labels',
    );
  });

  it('counts labels a kustomization puts on templates', async () => {
    const withoutLabels = nodeDeployment(document => {
      document.deleteIn([...POD_LABELS, 'team']);
      document.deleteIn([...POD_LABELS, 'cost-center']);
    });
    const repository = withFile(
      withoutLabels,
      'k8s/kustomization.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml]\nlabels:\n  - pairs: { team: payments }\n    includeTemplates: true\n  - pairs: { cost-center: CC-1 }\n    includeSelectors: false\n',
    );
    expect((await verdictOn(repository)).reason).toBe(
      'k8s/deployment.yaml (Deployment dry-node-http-service) has no cost-center label in spec.template.metadata.labels',
    );
    const overlay = withFile(
      withoutLabels,
      'k8s/overlays/prod/kustomization.yaml',
      'resources: [../..]\ncommonLabels:\n  team: payments\n  cost-center: CC-1\n',
    );
    expect((await verdictOn(overlay)).status).toBe('pass');
  });

  it('reads a SparkApplication through its driver, executor and own labels', async () => {
    const spark = fixtureRepository('spark-job');
    expect((await verdictOn(spark)).status).toBe('pass');
    const withoutExecutorLabel = editYaml(
      spark,
      'k8s/sparkapplication.yaml',
      document => document.deleteIn(['spec', 'executor', 'labels', 'team']),
    );
    // The operator copies the application's labels to both pods.
    expect((await verdictOn(withoutExecutorLabel)).status).toBe('pass');
    const withoutAny = editYaml(
      withoutExecutorLabel,
      'k8s/sparkapplication.yaml',
      document => document.deleteIn(['metadata', 'labels', 'team']),
    );
    expect((await verdictOn(withoutAny)).reason).toBe(
      'k8s/sparkapplication.yaml (SparkApplication dry-spark-job, executor) has no team label in spec.executor.labels (or metadata.labels)',
    );
  });

  it('counts the other pod templates that miss labels', async () => {
    const repository = editYaml(
      fixtureRepository('ml-training-job'),
      'k8s/pytorchjob.yaml',
      document => {
        for (const role of ['Master', 'Worker']) {
          document.deleteIn([
            'spec',
            'pytorchReplicaSpecs',
            role,
            'template',
            'metadata',
            'labels',
            'cost-center',
          ]);
        }
      },
    );
    expect((await verdictOn(repository)).reason).toBe(
      'k8s/pytorchjob.yaml (PyTorchJob dry-ml-training-job, Master) has no cost-center label in spec.pytorchReplicaSpecs.Master.template.metadata.labels, and 1 other pod template misses cost labels too',
    );
  });

  it('asks for the labels it is created with', async () => {
    const strict = createCostLabelsCheck({
      labels: ['team', 'cost-center', 'golden-path'],
    });
    expect((await verdictOn(undefined, strict)).reason).toBe(
      'the pods of Deployment dry-node-http-service in k8s/deployment.yaml carry the team, cost-center and golden-path labels',
    );
    const other = createCostLabelsCheck({ labels: ['business-unit'] });
    expect((await verdictOn(undefined, other)).reason).toBe(
      'k8s/deployment.yaml (Deployment dry-node-http-service) has no business-unit label in spec.template.metadata.labels',
    );
    expect(() => createCostLabelsCheck({ labels: [] })).toThrow(
      'at least one label',
    );
  });

  it('fails without manifests and answers unknown without a repository', async () => {
    expect((await verdictOn({ status: 'read', files: [] })).reason).toMatch(
      /^no Kubernetes manifests found/,
    );
    expect((await verdictOn({ status: 'none', files: [] })).status).toBe(
      'unknown',
    );
  });
});
