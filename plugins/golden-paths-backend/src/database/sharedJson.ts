/*
 * Values an evaluation gives to many followers (the same check results, the
 * same drift) are written as the same JSON text for every one of them. The
 * evaluation marks such a value as shared; the store then serializes it
 * once, however many rows carry it.
 */

/** Shared values, and their JSON once it was asked for. */
const sharedValues = new WeakMap<object, string | undefined>();

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) {
    return;
  }
  Object.freeze(value);
  for (const item of Object.values(value)) {
    deepFreeze(item);
  }
}

/**
 * Marks a value as shared by many results: it is frozen (with everything
 * it holds), so its JSON can never go stale, and {@link jsonOf} serializes
 * it once.
 */
export function shareValue<T extends object>(value: T): T {
  deepFreeze(value);
  if (!sharedValues.has(value)) {
    sharedValues.set(value, undefined);
  }
  return value;
}

/** `JSON.stringify(value)`, computed once for a value marked shared. */
export function jsonOf(value: object): string {
  if (!sharedValues.has(value)) {
    return JSON.stringify(value);
  }
  let json = sharedValues.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    sharedValues.set(value, json);
  }
  return json;
}
