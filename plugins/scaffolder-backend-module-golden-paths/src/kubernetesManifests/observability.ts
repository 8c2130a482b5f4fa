import { imageVersion } from './labels';
import type { ManifestsInput } from './schema';

type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
};

/** The container's environment for the chosen observability provider. */
export function observabilityEnv(input: ManifestsInput): EnvVar[] {
  const { observability, costLabels } = input;
  if (observability.provider === 'opentelemetry') {
    // The application's own OpenTelemetry SDK is configured through the
    // standard variables. We do not add the Operator's inject-sdk annotation:
    // it would need the OpenTelemetry Operator and an Instrumentation object
    // in every namespace, and the golden-path skeletons already ship the SDK.
    const protocol = otlpProtocol(observability.endpoint);
    return [
      { name: 'OTEL_SERVICE_NAME', value: input.name },
      { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: observability.endpoint },
      ...(protocol
        ? [{ name: 'OTEL_EXPORTER_OTLP_PROTOCOL', value: protocol }]
        : []),
      {
        name: 'OTEL_RESOURCE_ATTRIBUTES',
        value: `team=${costLabels.team},cost-center=${costLabels.costCenter},golden-path=${costLabels.goldenPath},k8s.namespace.name=${input.namespace}`,
      },
    ];
  }
  if (observability.provider === 'datadog') {
    const fromLabel = (label: string) => ({
      fieldRef: { fieldPath: `metadata.labels['${label}']` },
    });
    const version = imageVersion(input.image);
    return [
      // The Datadog agent runs as a DaemonSet; traces go to the node's agent.
      {
        name: 'DD_AGENT_HOST',
        valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } },
      },
      {
        name: 'DD_SERVICE',
        valueFrom: fromLabel('tags.datadoghq.com/service'),
      },
      { name: 'DD_ENV', valueFrom: fromLabel('tags.datadoghq.com/env') },
      ...(version
        ? [
            {
              name: 'DD_VERSION',
              valueFrom: fromLabel('tags.datadoghq.com/version'),
            },
          ]
        : []),
    ];
  }
  return [];
}

/**
 * SDKs default to different OTLP protocols; the conventional ports tell
 * which one the collector speaks (4317 gRPC, 4318 HTTP).
 */
function otlpProtocol(endpoint: string): string | undefined {
  if (/:4317\/?$/.test(endpoint)) {
    return 'grpc';
  }
  if (/:4318\/?$/.test(endpoint)) {
    return 'http/protobuf';
  }
  return undefined;
}
