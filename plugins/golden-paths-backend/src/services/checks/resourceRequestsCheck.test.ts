import { resourceRequestsCheck } from './resourceRequestsCheck';
import {
  fixtureRepository,
  repositoryOf,
  verdictOf,
} from './__testUtils__/fixtures';
import {
  editYaml,
  withFile,
  withoutPyTorchWorkerField,
} from './__testUtils__/mutations';

const DEPLOYMENT = 'k8s/deployment.yaml';
const CONTAINER = ['spec', 'template', 'spec', 'containers', 0];

const verdictOn = verdictOf(resourceRequestsCheck);

describe('resourceRequestsCheck', () => {
  it('passes on the template output, which has no CPU limit on purpose', async () => {
    const repository = fixtureRepository('node-http-service');
    expect(
      repository.files.find(f => f.path === DEPLOYMENT)?.content,
    ).toContain('# No CPU limit on purpose');
    expect(await verdictOn(repository)).toEqual({
      status: 'pass',
      reason:
        'the only container in k8s/deployment.yaml declares CPU and memory requests and a memory limit',
    });
  });

  it('fails when resources.requests is removed, naming container, file and field', async () => {
    const repository = editYaml(
      fixtureRepository('node-http-service'),
      DEPLOYMENT,
      document => document.deleteIn([...CONTAINER, 'resources', 'requests']),
    );
    // The memory limit still stands in for the memory request: Kubernetes
    // copies a limit to a missing request.
    expect(await verdictOn(repository)).toEqual({
      status: 'fail',
      reason:
        'container dry-node-http-service in k8s/deployment.yaml (Deployment dry-node-http-service) has no resources.requests.cpu',
      fix: expect.stringContaining('a CPU limit is not needed'),
    });
  });

  it('fails without any resources, listing every missing field', async () => {
    const repository = editYaml(
      fixtureRepository('node-http-service'),
      DEPLOYMENT,
      document => document.deleteIn([...CONTAINER, 'resources']),
    );
    expect((await verdictOn(repository)).reason).toBe(
      'container dry-node-http-service in k8s/deployment.yaml (Deployment dry-node-http-service) has no resources.requests.cpu, resources.requests.memory and resources.limits.memory',
    );
  });

  it('checks init containers too, and counts the other offenders', async () => {
    const repository = editYaml(
      fixtureRepository('node-http-service'),
      DEPLOYMENT,
      document => {
        document.setIn(
          ['spec', 'template', 'spec', 'initContainers'],
          [
            { name: 'migrate', image: 'migrate:1' },
            { name: 'warm-cache', image: 'warm:1' },
          ],
        );
        document.deleteIn([...CONTAINER, 'resources', 'limits']);
      },
    );
    expect((await verdictOn(repository)).reason).toBe(
      'init container migrate in k8s/deployment.yaml (Deployment dry-node-http-service) has no resources.requests.cpu, resources.requests.memory and resources.limits.memory, and 2 other containers lack requests or a memory limit too',
    );
  });

  it('reads Spark driver and executor sizes as requests', async () => {
    expect(await verdictOn(fixtureRepository('spark-job'))).toEqual({
      status: 'pass',
      reason:
        'both containers in k8s/sparkapplication.yaml declare CPU and memory requests and a memory limit',
    });
    const repository = editYaml(
      fixtureRepository('spark-job'),
      'k8s/sparkapplication.yaml',
      document => document.deleteIn(['spec', 'executor', 'memory']),
    );
    expect((await verdictOn(repository)).reason).toBe(
      'executor in k8s/sparkapplication.yaml (SparkApplication dry-spark-job) has no spec.executor.memory',
    );
  });

  it('checks every replica type of a PyTorchJob', async () => {
    const repository = withoutPyTorchWorkerField(
      fixtureRepository('ml-training-job'),
      'resources',
      'requests',
      'cpu',
    );
    expect((await verdictOn(repository)).reason).toBe(
      'container pytorch in k8s/pytorchjob.yaml (PyTorchJob dry-ml-training-job, Worker) has no resources.requests.cpu',
    );
  });

  it('fails when there are no manifests', async () => {
    expect(
      await verdictOn(repositoryOf({ 'README.md': '# payments-api\n' })),
    ).toEqual({
      status: 'fail',
      reason:
        'no Kubernetes manifests found (looked for YAML files under k8s/, deploy/, manifests/ and kubernetes/)',
      fix: expect.stringContaining('under k8s/'),
    });
  });

  it('fails when the manifests hold no workload, naming those that did not parse', async () => {
    const repository = repositoryOf({
      'deploy/chart/templates/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{- include "labels" . | nindent 4 }}\n',
      'deploy/service.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: payments-api\n',
    });
    expect((await verdictOn(repository)).reason).toBe(
      'no workload (Deployment, StatefulSet, Job, CronJob, SparkApplication, PyTorchJob, …) found in deploy/chart/templates/deployment.yaml and deploy/service.yaml; deploy/chart/templates/deployment.yaml did not parse as YAML (templates are not rendered)',
    );
  });

  it('reads workloads in any of the manifest folders, at any depth', async () => {
    const deployment = fixtureRepository('node-http-service').files.find(
      f => f.path === DEPLOYMENT,
    )!.content;
    const repository = withFile(
      repositoryOf({}),
      'deploy/overlays/prod/deployment.yml',
      deployment,
    );
    expect((await verdictOn(repository)).reason).toBe(
      'the only container in deploy/overlays/prod/deployment.yml declares CPU and memory requests and a memory limit',
    );
  });

  it('answers unknown when the repository could not be read', async () => {
    expect(
      await verdictOn({
        status: 'unavailable',
        reason: 'the file is larger than the limit of 1 MB.',
        files: [],
      }),
    ).toEqual({
      status: 'unknown',
      reason:
        'the repository could not be read: the file is larger than the limit of 1 MB',
    });
  });
});
