/**
 * Narrowing helpers for parsed YAML, which is `unknown` until proven
 * otherwise.
 */

/** A plain object (not null, not an array). */
export type YamlRecord = Record<string, unknown>;

/** Whether a parsed value is a plain object. */
export function isRecord(value: unknown): value is YamlRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plain object at `value`, or an empty one. */
export function recordOf(value: unknown): YamlRecord {
  return isRecord(value) ? value : {};
}

/** The array at `value`, or an empty one. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A scalar as text: strings as they are, numbers and booleans written out
 * (YAML reads `cpu: 1` as a number), anything else undefined.
 */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}

/** The text unless it is empty or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** A map of labels or annotations, with non-scalar values left out. */
export function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(recordOf(value))) {
    const text = scalarText(item);
    if (text !== undefined) {
      result[key] = text;
    }
  }
  return result;
}

/** The value at a path of keys, or undefined when any step is missing. */
export function valueAt(root: unknown, path: string[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (!isRecord(current)) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}
