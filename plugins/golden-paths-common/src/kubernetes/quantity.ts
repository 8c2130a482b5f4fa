/*
 * Kubernetes resource quantities, as the API server reads them: a signed
 * decimal number followed by a binary suffix (Ki Mi Gi Ti Pi Ei), a decimal
 * suffix (n u m k M G T P E) or a decimal exponent (e3, E-2).
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */

const BINARY_EXPONENTS: Record<string, number> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

const DECIMAL_EXPONENTS: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

// The suffix alternatives come before the exponent so `1E` reads as exa;
// `1E3` still reads as an exponent because the suffix branch cannot end there.
const QUANTITY =
  /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/**
 * The value of a Kubernetes quantity in its base unit (cores for CPU, bytes
 * for memory), or undefined when the value is not a quantity.
 *
 * Text is read as the API server reads it: no spaces, and a sign is allowed
 * (a caller rejects what must be positive). A number, as YAML reads
 * `cpu: 2`, is taken as it is when finite. Decimal suffixes and exponents
 * scale by a power of ten in one step, so the same value written two ways
 * compares equal (`700m` and `0.7`, `1e9` and `1G`); binary suffixes are
 * powers of two, which multiply exactly.
 *
 * @public
 */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = QUANTITY.exec(value);
  if (!match) {
    return undefined;
  }
  const [, number, suffix = '', exponent] = match;
  if (exponent !== undefined) {
    return Number(`${number}e${exponent}`);
  }
  if (suffix in BINARY_EXPONENTS) {
    return Number(number) * 2 ** BINARY_EXPONENTS[suffix];
  }
  return Number(`${number}e${DECIMAL_EXPONENTS[suffix]}`);
}
