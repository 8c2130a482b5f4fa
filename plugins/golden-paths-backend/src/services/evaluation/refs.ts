import { type Entity, parseEntityRef } from '@backstage/catalog-model';

/*
 * Refs are lowered with toLowerCase: for en-US it maps exactly as
 * toLocaleLowerCase('en-US') does (only Turkish, Azeri and Lithuanian
 * differ), without resolving the locale on every call, which makes that
 * some 50 times slower; these run several times per follower.
 */

/**
 * The full, lower-case ref the plugin stores and compares entities by: what
 * `stringifyEntityRef(entity).toLocaleLowerCase('en-US')` gives.
 */
export function entityRefKey(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();
}

/**
 * A ref written in an entity (`spec.owner`, an annotation) in full, lower-case
 * form, or undefined when it does not parse.
 */
export function normalizeRef(
  ref: string | undefined,
  context: { defaultKind: string; defaultNamespace?: string },
): string | undefined {
  if (!ref) {
    return undefined;
  }
  try {
    const { kind, namespace, name } = parseEntityRef(ref, {
      defaultKind: context.defaultKind,
      defaultNamespace: context.defaultNamespace ?? 'default',
    });
    return `${kind}:${namespace}/${name}`.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Refs a {@link refNormalizer} remembers; owners are few, but free text. */
const REMEMBERED_REFS = 10_000;

/**
 * {@link normalizeRef} with one default kind, remembering its answers: the
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
    const normalized = normalizeRef(ref, { defaultKind, defaultNamespace });
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
