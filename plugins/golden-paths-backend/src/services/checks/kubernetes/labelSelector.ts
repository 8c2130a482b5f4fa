import { arrayOf, isRecord, recordOf, scalarText, stringMap } from './values';

function expressionMatches(
  expression: Record<string, unknown>,
  labels: Record<string, string>,
): boolean {
  const key = scalarText(expression.key) ?? '';
  const values = arrayOf(expression.values).map(v => scalarText(v));
  const value = labels[key];
  switch (expression.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      return false;
  }
}

/**
 * Whether a Kubernetes label selector (`matchLabels` and
 * `matchExpressions`) selects the labels. An empty selector selects
 * everything, as it does for ServiceMonitors and PodMonitors.
 */
export function labelSelectorMatches(
  selector: unknown,
  labels: Record<string, string>,
): boolean {
  const matchLabels = stringMap(recordOf(selector).matchLabels);
  const expressions = arrayOf(recordOf(selector).matchExpressions).filter(
    isRecord,
  );
  return (
    Object.entries(matchLabels).every(
      ([key, value]) => labels[key] === value,
    ) && expressions.every(expression => expressionMatches(expression, labels))
  );
}

/** Whether a Service's `spec.selector` (a plain map) selects the labels; an empty one selects nothing. */
export function serviceSelectorMatches(
  selector: unknown,
  labels: Record<string, string>,
): boolean {
  const entries = Object.entries(stringMap(selector));
  return (
    entries.length > 0 && entries.every(([key, value]) => labels[key] === value)
  );
}
