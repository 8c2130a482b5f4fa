import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The full, lower-case ref the plugin stores and compares entities by. */
export function entityRefKey(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
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
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: context.defaultKind,
        defaultNamespace: context.defaultNamespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
