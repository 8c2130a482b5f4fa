import type { Config } from '@backstage/config';

/**
 * Reads a whole-number setting, such as a limit: `fallback` when it is
 * unset; a value that is not a whole number of at least `min` (default 1)
 * stops the backend with an error naming the key.
 *
 * @public
 */
export function readWholeNumber(
  config: Config,
  key: string,
  fallback: number,
  min = 1,
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(
      `${key} must be a whole number of at least ${min}, got ${value}`,
    );
  }
  return value;
}

/**
 * Reads the whole-number settings of a section (`section.<key>` for each
 * key of `defaults`) with {@link readWholeNumber}, each at least 1.
 *
 * @public
 */
export function readWholeNumbers<T extends { [K in keyof T]: number }>(
  config: Config,
  section: string,
  defaults: T,
): T {
  const values: Record<string, number> = {};
  for (const [key, fallback] of Object.entries<number>(defaults)) {
    values[key] = readWholeNumber(config, `${section}.${key}`, fallback);
  }
  return values as T;
}
