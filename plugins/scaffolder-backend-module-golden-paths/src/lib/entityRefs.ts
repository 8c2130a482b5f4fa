import {
  CompoundEntityRef,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validators = makeValidator();

/**
 * Parses an entity reference given as action input, in any of the forms the
 * catalog accepts (`name`, `namespace/name`, `kind:namespace/name`), and
 * checks that it names one of the expected kinds.
 */
export function parseEntityRefInput(
  value: string,
  options: {
    inputName: string;
    defaultKind: string;
    allowedKinds: ReadonlyArray<string>;
    example: string;
  },
): CompoundEntityRef {
  const { inputName, defaultKind, allowedKinds, example } = options;
  let ref: CompoundEntityRef;
  try {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new TypeError('empty');
    }
    ref = parseEntityRef(value.trim(), {
      defaultKind,
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `${inputName} "${value}" is not a valid entity reference; expected something like ${example}`,
    );
  }
  if (
    !validators.isValidNamespace(ref.namespace) ||
    !validators.isValidEntityName(ref.name)
  ) {
    throw new InputError(
      `${inputName} "${value}" is not a valid entity reference; expected something like ${example}`,
    );
  }
  const kind = ref.kind.toLocaleLowerCase('en-US');
  if (!allowedKinds.some(k => k.toLocaleLowerCase('en-US') === kind)) {
    throw new InputError(
      `${inputName} "${value}" must refer to a ${allowedKinds.join(
        ' or ',
      )}, such as ${example}`,
    );
  }
  return ref;
}

/** The canonical string form: lower-case kind and namespace. */
export function canonicalEntityRef(ref: CompoundEntityRef): string {
  return stringifyEntityRef(ref);
}

export function isValidEntityName(value: unknown): boolean {
  return validators.isValidEntityName(value);
}
