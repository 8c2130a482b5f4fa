/*
 * Kubernetes resource quantities, as the API server reads them:
 * a decimal number followed by a binary suffix (Ki Mi Gi Ti Pi Ei), a decimal
 * suffix (n u m k M G T P E) or a decimal exponent (e3, E-2).
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// The suffix alternatives come before the exponent so `1E` reads as exa;
// `1E3` still reads as an exponent because the suffix branch cannot end there.
const QUANTITY =
  /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** Bytes in one GiB, the unit memory is priced in. */
export const BYTES_PER_GIB = 2 ** 30;

/**
 * The value of a Kubernetes quantity in its base unit (cores for CPU, bytes
 * for memory), or undefined when the text is not a quantity. Form values may
 * arrive as numbers (`cpuRequest: 2`), which are taken as they are.
 */
export function parseQuantity(input: unknown): number | undefined {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? input : undefined;
  }
  if (typeof input !== 'string') {
    return undefined;
  }
  const match = QUANTITY.exec(input.trim());
  if (!match) {
    return undefined;
  }
  const [, number, suffix, exponent] = match;
  const value = Number(number);
  if (exponent !== undefined) {
    return value * 10 ** Number(exponent);
  }
  const suffixText = suffix ?? '';
  return value * (BINARY[suffixText] ?? DECIMAL[suffixText]);
}

/** CPU cores of a quantity such as `250m`, `0.5` or `2`. */
export function parseCpu(input: unknown): number | undefined {
  return parseQuantity(input);
}

/** GiB of a memory quantity such as `512Mi`, `1Gi` or `1G`. */
export function parseMemoryGiB(input: unknown): number | undefined {
  const bytes = parseQuantity(input);
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
