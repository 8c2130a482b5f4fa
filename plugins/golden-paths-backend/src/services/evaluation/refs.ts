import { normalizeEntityRef } from '@golden-paths/golden-paths-common';

/** Refs a {@link refNormalizer} remembers; owners are few, but free text. */
const REMEMBERED_REFS = 10_000;

/**
 * `normalizeEntityRef` with one default kind, remembering its answers: the
 * followers of a catalog name few distinct owners.
 */
export function refNormalizer(
  defaultKind: string,
): (ref: string | undefined, defaultNamespace?: string) => string | undefined {
  const byNamespace = new Map<string, Map<string, string | undefined>>();
  let remembered = 0;
  return (ref, defaultNamespace = 'default') => {
    if (!ref) {
      return undefined;
    }
    let known = byNamespace.get(defaultNamespace);
    if (known?.has(ref)) {
      return known.get(ref);
    }
    const normalized = normalizeEntityRef(ref, {
      defaultKind,
      defaultNamespace,
    });
    if (remembered < REMEMBERED_REFS) {
      remembered += 1;
      if (!known) {
        known = new Map();
        byNamespace.set(defaultNamespace, known);
      }
      known.set(ref, normalized);
    }
    return normalized;
  };
}
