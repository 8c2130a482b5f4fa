import { parseQuantity } from '@golden-paths/golden-paths-common';

/*
 * The cost form's values read as Kubernetes quantities. Form values may
 * arrive as numbers (`cpuRequest: 2`), or as text with spaces around it;
 * the quantity itself is read by the one parser the manifests action uses.
 */

/** Bytes in one GiB, the unit memory is priced in. */
export const BYTES_PER_GIB = 2 ** 30;

function formQuantity(input: unknown): number | undefined {
  return parseQuantity(typeof input === 'string' ? input.trim() : input);
}

/** CPU cores of a quantity such as `250m`, `0.5` or `2`. */
export function parseCpu(input: unknown): number | undefined {
  return formQuantity(input);
}

/** GiB of a memory quantity such as `512Mi`, `1Gi` or `1G`. */
export function parseMemoryGiB(input: unknown): number | undefined {
  const bytes = formQuantity(input);
  return bytes === undefined ? undefined : bytes / BYTES_PER_GIB;
}

/** A replica count: a non-negative integer, as a number or in digits. */
export function parseCount(input: unknown): number | undefined {
  const value =
    typeof input === 'string' && /^\s*\d+\s*$/.test(input)
      ? Number(input)
      : input;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? value
    : undefined;
}
