import {
  type CompoundEntityRef,
  type Entity,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';

/*
 * Refs are lowered with toLowerCase: for en-US it maps exactly as
 * toLocaleLowerCase('en-US') does (only Turkish, Azeri and Lithuanian
 * differ), without resolving the locale on every call, which makes that some
 * 50 times slower; the backend reads several refs per follower.
 */

/**
 * How to read an entity reference written in an entity, in action input or in
 * a URL: the kind and namespace of a short ref, and the kinds it may name.
 *
 * @public
 */
export interface EntityRefRules {
  /** The kind of a ref written without one, e.g. `Group` for an owner. */
  defaultKind: string;
  /** The namespace of a ref written without one; `default` when absent. */
  defaultNamespace?: string;
  /**
   * The kinds the ref may name, compared case-insensitively, spelt as the
   * messages should show them (e.g. `['Group', 'User']`); any kind when absent.
   */
  allowedKinds?: ReadonlyArray<string>;
}

/**
 * The full, lower-case form the catalog compares entity references by (what
 * `stringifyEntityRef(ref).toLocaleLowerCase('en-US')` gives), e.g.
 * `group:default/payments-team`. The Golden Paths backend stores and
 * compares refs in this form.
 *
 * @public
 */
export function entityRefKey(ref: Entity | CompoundEntityRef): string {
  const { kind, namespace, name } =
    'metadata' in ref ? getCompoundEntityRef(ref) : ref;
  return `${kind}:${namespace}/${name}`.toLowerCase();
}

/** Whether a kind is one of the allowed kinds, compared case-insensitively. */
export function isAllowedKind(
  kind: string,
  allowedKinds: ReadonlyArray<string> | undefined,
): boolean {
  if (!allowedKinds) {
    return true;
  }
  const lower = kind.toLowerCase();
  return allowedKinds.some(allowed => allowed.toLowerCase() === lower);
}

/**
 * Reads an entity reference as the catalog compares it, without throwing:
 * `name`, `namespace/name` or `kind:namespace/name` with the rules' defaults,
 * in any case. Undefined when it does not parse or names a kind outside
 * `allowedKinds`. It does not check the parts' characters, as
 * {@link checkEntityRef} does for refs being written; the value is read as
 * given (untrimmed).
 *
 * @public
 */
export function tryParseEntityRef(
  value: unknown,
  rules: EntityRefRules,
): CompoundEntityRef | undefined {
  if (typeof value !== 'string' || value === '') {
    return undefined;
  }
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, {
      defaultKind: rules.defaultKind,
      defaultNamespace: rules.defaultNamespace ?? 'default',
    });
  } catch {
    return undefined;
  }
  return isAllowedKind(ref.kind, rules.allowedKinds) ? ref : undefined;
}

/**
 * The {@link entityRefKey} of a ref read by {@link tryParseEntityRef}, e.g.
 * `Team-A` as an owner in namespace `ops` is `group:ops/team-a`; undefined
 * when it does not parse or names a kind outside `allowedKinds`.
 *
 * @public
 */
export function normalizeEntityRef(
  value: unknown,
  rules: EntityRefRules,
): string | undefined {
  const ref = tryParseEntityRef(value, rules);
  return ref && entityRefKey(ref);
}
