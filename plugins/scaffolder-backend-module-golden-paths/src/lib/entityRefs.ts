import {
  CompoundEntityRef,
  makeValidator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  GOLDEN_PATH_KIND_LOWER,
  checkEntityRef,
} from '@golden-paths/golden-paths-common';

const validators = makeValidator();

/**
 * Parses an entity reference given as action input, in any of the forms the
 * catalog accepts (`name`, `namespace/name`, `kind:namespace/name`, trimmed),
 * and checks that it names one of the expected kinds; throws an `InputError`
 * naming the input otherwise.
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
  const { ref, problem } = checkEntityRef(
    typeof value === 'string' ? value.trim() : value,
    { defaultKind, allowedKinds },
  );
  if (problem?.type === 'kind-not-allowed') {
    throw new InputError(
      `${inputName} "${value}" must refer to a ${allowedKinds.join(
        ' or ',
      )}, such as ${example}`,
    );
  }
  if (problem) {
    throw new InputError(
      `${inputName} "${value}" is not a valid entity reference; expected something like ${example}`,
    );
  }
  return ref;
}

/**
 * {@link parseEntityRefInput} for a golden path's ref (`path` unless the
 * input is named otherwise).
 */
export function parsePathRefInput(
  value: string,
  inputName = 'path',
): CompoundEntityRef {
  return parseEntityRefInput(value, {
    inputName,
    defaultKind: GOLDEN_PATH_KIND_LOWER,
    allowedKinds: [GOLDEN_PATH_KIND_LOWER],
    example: `${GOLDEN_PATH_KIND_LOWER}:default/node-http-service`,
  });
}

/** The canonical string form: lower-case kind and namespace. */
export function canonicalEntityRef(ref: CompoundEntityRef): string {
  return stringifyEntityRef(ref);
}

export function isValidEntityName(value: unknown): boolean {
  return validators.isValidEntityName(value);
}
