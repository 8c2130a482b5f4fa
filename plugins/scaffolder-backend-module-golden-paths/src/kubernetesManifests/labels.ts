import { LABEL_VALUE } from './patterns';
import type { ManifestsInput } from './schema';

function commonLabels(input: ManifestsInput): Record<string, string> {
  return {
    'app.kubernetes.io/name': input.name,
    ...(input.partOf ? { 'app.kubernetes.io/part-of': input.partOf } : {}),
    'app.kubernetes.io/component': input.workload,
    team: input.costLabels.team,
    'cost-center': input.costLabels.costCenter,
    'golden-path': input.costLabels.goldenPath,
  };
}

/** The image's tag, when it can be a label value (Datadog's version tag). */
export function imageVersion(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastPart = withoutDigest.split('/').pop() ?? '';
  const tag = lastPart.includes(':') ? lastPart.split(':')[1] : undefined;
  return tag && tag.length <= 63 && LABEL_VALUE.test(tag) ? tag : undefined;
}

/** Labels for objects and pod templates: common, plus Datadog's unified service tags. */
export function labels(input: ManifestsInput): Record<string, string> {
  if (input.observability.provider !== 'datadog') {
    return commonLabels(input);
  }
  const version = imageVersion(input.image);
  return {
    ...commonLabels(input),
    'tags.datadoghq.com/service': input.name,
    'tags.datadoghq.com/env': input.observability.environment,
    ...(version ? { 'tags.datadoghq.com/version': version } : {}),
  };
}

/** Every object's metadata: its name, the namespace and the labels. */
export function metadata(input: ManifestsInput, name = input.name) {
  return { name, namespace: input.namespace, labels: labels(input) };
}

/** The labels that select the workload's pods. */
export function selectorLabels(input: ManifestsInput): Record<string, string> {
  // Selectors are immutable, so they hold only the stable name label.
  return { 'app.kubernetes.io/name': input.name };
}
