import type { Document } from 'yaml';
import { observabilityCheck } from './observabilityCheck';
import { fixtureRepository, verdictOf } from './__testUtils__/fixtures';
import {
  editYaml,
  withFile,
  withoutPyTorchWorkerField,
} from './__testUtils__/mutations';

const TEMPLATE = ['spec', 'template'];
const NO_TELEMETRY =
  'the pods of k8s/deployment.yaml (Deployment dry-node-http-service) export no telemetry: no container sets OTEL_EXPORTER_OTLP_ENDPOINT or DD_AGENT_HOST, and no prometheus.io/scrape annotation, Datadog admission label, ServiceMonitor or PodMonitor covers them';

const verdictOn = verdictOf(observabilityCheck);

/** The node-http-service output without its OpenTelemetry env, edited further. */
function withoutOtel(edit: (document: Document) => void = () => {}) {
  return editYaml(
    fixtureRepository('node-http-service'),
    'k8s/deployment.yaml',
    document => {
      document.deleteIn([...TEMPLATE, 'spec', 'containers', 0, 'env']);
      edit(document);
    },
  );
}

describe('observabilityCheck', () => {
  it('passes on the template output, naming how', async () => {
    expect(await verdictOn()).toEqual({
      status: 'pass',
      reason:
        'telemetry is exported by Deployment dry-node-http-service in k8s/deployment.yaml (OpenTelemetry, OTEL_EXPORTER_OTLP_ENDPOINT)',
    });
  });

  it('fails without the OpenTelemetry env', async () => {
    expect(await verdictOn(withoutOtel())).toEqual({
      status: 'fail',
      reason: NO_TELEMETRY,
      fix: expect.stringContaining('OTEL_EXPORTER_OTLP_ENDPOINT'),
    });
  });

  it('does not count an empty endpoint, or one on an init container', async () => {
    const empty = withoutOtel(document =>
      document.setIn(
        [...TEMPLATE, 'spec', 'containers', 0, 'env'],
        [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: '' }],
      ),
    );
    const onInit = withoutOtel(document =>
      document.setIn(
        [...TEMPLATE, 'spec', 'initContainers'],
        [
          {
            name: 'wait',
            env: [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://c' }],
          },
        ],
      ),
    );
    expect((await verdictOn(empty)).reason).toBe(NO_TELEMETRY);
    expect((await verdictOn(onInit)).reason).toBe(NO_TELEMETRY);
  });

  it.each([
    [
      'Datadog, DD_AGENT_HOST',
      (document: Document) =>
        document.setIn(
          [...TEMPLATE, 'spec', 'containers', 0, 'env'],
          [
            {
              name: 'DD_AGENT_HOST',
              valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } },
            },
          ],
        ),
    ],
    [
      'Datadog, admission.datadoghq.com/enabled',
      (document: Document) =>
        document.setIn(
          [
            ...TEMPLATE,
            'metadata',
            'labels',
            'admission.datadoghq.com/enabled',
          ],
          'true',
        ),
    ],
    [
      'Prometheus, prometheus.io/scrape',
      (document: Document) =>
        document.setIn([...TEMPLATE, 'metadata', 'annotations'], {
          'prometheus.io/scrape': 'true',
        }),
    ],
    [
      'OpenTelemetry Operator, instrumentation.opentelemetry.io/inject-nodejs',
      (document: Document) =>
        document.setIn([...TEMPLATE, 'metadata', 'annotations'], {
          'instrumentation.opentelemetry.io/inject-nodejs': 'true',
        }),
    ],
  ])('passes with %s', async (how, edit) => {
    expect((await verdictOn(withoutOtel(edit))).reason).toBe(
      `telemetry is exported by Deployment dry-node-http-service in k8s/deployment.yaml (${how})`,
    );
  });

  it('passes with a ServiceMonitor that selects the Service in front of the pods', async () => {
    const monitor = (labels: string) =>
      `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\n  namespace: dry-node-http-service\nspec:\n  selector:\n    matchLabels: ${labels}\n  endpoints: [{ port: http }]\n`;
    const selecting = withFile(
      withoutOtel(),
      'k8s/servicemonitor.yaml',
      monitor('{ app.kubernetes.io/name: dry-node-http-service }'),
    );
    const missing = withFile(
      withoutOtel(),
      'k8s/servicemonitor.yaml',
      monitor('{ app.kubernetes.io/name: another-service }'),
    );
    expect((await verdictOn(selecting)).reason).toBe(
      'telemetry is exported by Deployment dry-node-http-service in k8s/deployment.yaml (Prometheus, ServiceMonitor web)',
    );
    expect((await verdictOn(missing)).reason).toBe(NO_TELEMETRY);

    // Selected by a label only the Service has: the Service's selector leads to the pods.
    const byServiceLabel = withFile(
      editYaml(withoutOtel(), 'k8s/service.yaml', document =>
        document.setIn(['metadata', 'labels', 'metrics'], 'enabled'),
      ),
      'k8s/servicemonitor.yaml',
      monitor('{ metrics: enabled }'),
    );
    expect((await verdictOn(byServiceLabel)).status).toBe('pass');
  });

  it('passes with a PodMonitor that selects the pods', async () => {
    const repository = withFile(
      withoutOtel(),
      'k8s/podmonitor.yaml',
      'apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: web\nspec:\n  selector:\n    matchExpressions:\n      - { key: app.kubernetes.io/name, operator: In, values: [dry-node-http-service] }\n  podMetricsEndpoints: [{ port: http }]\n',
    );
    expect((await verdictOn(repository)).status).toBe('pass');
  });

  it('reads a SparkApplication through its driver env or spec.monitoring', async () => {
    const withoutDriverEnv = editYaml(
      fixtureRepository('spark-job'),
      'k8s/sparkapplication.yaml',
      document => document.deleteIn(['spec', 'driver', 'env']),
    );
    expect((await verdictOn(withoutDriverEnv)).reason).toBe(
      'the driver of SparkApplication dry-spark-job in k8s/sparkapplication.yaml exports no telemetry: there is no OTEL_EXPORTER_OTLP_ENDPOINT in spec.driver.env and no spec.monitoring',
    );
    const withMonitoring = editYaml(
      withoutDriverEnv,
      'k8s/sparkapplication.yaml',
      document =>
        document.setIn(['spec', 'monitoring'], {
          exposeDriverMetrics: true,
          exposeExecutorMetrics: true,
        }),
    );
    expect((await verdictOn(withMonitoring)).reason).toBe(
      'telemetry is exported by SparkApplication dry-spark-job in k8s/sparkapplication.yaml (Spark metrics, spec.monitoring)',
    );
  });

  it('checks every replica type of a PyTorchJob', async () => {
    const repository = withoutPyTorchWorkerField(
      fixtureRepository('ml-training-job'),
      'env',
    );
    expect((await verdictOn(repository)).reason).toMatch(
      /^the pods of k8s\/pytorchjob.yaml \(PyTorchJob dry-ml-training-job, Worker\) export no telemetry/,
    );
  });
});
