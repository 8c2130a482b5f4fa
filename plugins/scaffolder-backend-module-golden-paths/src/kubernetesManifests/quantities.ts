import { parseQuantity } from '@golden-paths/golden-paths-common';

/**
 * The value of a resource quantity of the input, or the problem with it:
 * requests and limits are unsigned and more than zero.
 */
export function positiveQuantity(value: string): number | string {
  const parsed = /^[+-]/.test(value) ? undefined : parseQuantity(value);
  if (parsed === undefined) {
    return `"${value}" is not a Kubernetes quantity (e.g. 250m, 1, 512Mi, 2Gi)`;
  }
  return parsed > 0 ? parsed : `"${value}" must be more than zero`;
}

/**
 * The bytes of a memory quantity of the input, or the problem with it:
 * `256m` is a valid quantity (millibytes) but never what was meant.
 */
export function positiveMemory(value: string): number | string {
  if (/^[0-9.]+m$/.test(value)) {
    return `"${value}" means millibytes; use Mi or M for megabytes`;
  }
  return positiveQuantity(value);
}
