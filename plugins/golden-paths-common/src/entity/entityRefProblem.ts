import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import { formatFieldPath } from '../validation/fieldPath';
import type { DocumentPath, EntityProblem } from '../validation/types';

const validators = makeValidator();

/**
 * Checks that a field holds a well-formed entity reference to one of the
 * allowed kinds. Returns the problem, or undefined when the reference is fine.
 */
export function entityRefProblem(
  value: unknown,
  path: DocumentPath,
  options: { defaultKind: string; allowedKinds: ReadonlyArray<string> },
): EntityProblem | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    // The schema reports the wrong type or the empty string.
    return undefined;
  }
  const field = formatFieldPath(path);
  const expected = options.allowedKinds.join(' or ');
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: options.defaultKind,
      defaultNamespace: 'default',
    });
  } catch (error) {
    return {
      path,
      field,
      message: `"${value}" is not a valid entity reference; expected [<kind>:][<namespace>/]<name> pointing at a ${expected}`,
    };
  }
  if (!validators.isValidKind(ref.kind)) {
    return {
      path,
      field,
      message: `"${value}" is not a valid entity reference; expected [<kind>:][<namespace>/]<name> pointing at a ${expected}`,
    };
  }
  if (!validators.isValidNamespace(ref.namespace)) {
    return {
      path,
      field,
      message: `"${value}" has an invalid namespace "${ref.namespace}"`,
    };
  }
  if (!validators.isValidEntityName(ref.name)) {
    return {
      path,
      field,
      message: `"${value}" has an invalid entity name "${ref.name}"; names are at most 63 characters of [a-zA-Z0-9] separated by [-_.]`,
    };
  }
  if (
    !options.allowedKinds.some(
      kind =>
        kind.toLocaleLowerCase('en-US') === ref.kind.toLocaleLowerCase('en-US'),
    )
  ) {
    return {
      path,
      field,
      message: `"${value}" points at a ${ref.kind}; it must point at a ${expected}`,
    };
  }
  return undefined;
}
