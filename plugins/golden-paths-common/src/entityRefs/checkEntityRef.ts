import {
  type CompoundEntityRef,
  makeValidator,
} from '@backstage/catalog-model';
import {
  entityRefKey,
  type EntityRefRules,
  isAllowedKind,
  tryParseEntityRef,
} from './entityRefKey';

const validators = makeValidator();

/**
 * What is wrong with an entity reference, as data: the linter turns it into
 * a message at a file position, the actions into an `InputError`, the
 * catalog module into a processing error.
 *
 * - `malformed`: not a string, empty, not of the form
 *   `[<kind>:][<namespace>/]<name>`, or an invalid kind;
 * - `invalid-namespace`, `invalid-name`: parsed, but the part is not one the
 *   catalog accepts;
 * - `kind-not-allowed`: a valid ref to a kind outside `allowedKinds`.
 *
 * @public
 */
export type EntityRefProblem = {
  /** The value as written. */
  value: unknown;
  /** The kinds the ref may name, as given in {@link EntityRefRules}. */
  allowedKinds: ReadonlyArray<string>;
} & (
  | { type: 'malformed' }
  | { type: 'invalid-namespace'; namespace: string }
  | { type: 'invalid-name'; name: string }
  | { type: 'kind-not-allowed'; kind: string; ref: CompoundEntityRef }
);

/**
 * An entity reference read by {@link checkEntityRef}: the parsed ref and its
 * {@link entityRefKey}, or the problem.
 *
 * @public
 */
export type EntityRefResult =
  | { ref: CompoundEntityRef; key: string; problem?: undefined }
  | { ref?: undefined; key?: undefined; problem: EntityRefProblem };

/**
 * Checks an entity reference being written (in an entity, in action input)
 * without throwing: parses it as the catalog does (`name`, `namespace/name`,
 * `kind:namespace/name`, with the rules' defaults), checks each part is one
 * the catalog accepts and the kind is allowed. The value is read as written:
 * callers that accept surrounding spaces trim it.
 *
 * @public
 */
export function checkEntityRef(
  value: unknown,
  rules: EntityRefRules,
): EntityRefResult {
  const allowedKinds = rules.allowedKinds ?? [];
  const ref = tryParseEntityRef(value, {
    defaultKind: rules.defaultKind,
    defaultNamespace: rules.defaultNamespace,
  });
  if (!ref || !validators.isValidKind(ref.kind)) {
    return { problem: { type: 'malformed', value, allowedKinds } };
  }
  if (!validators.isValidNamespace(ref.namespace)) {
    return {
      problem: {
        type: 'invalid-namespace',
        namespace: ref.namespace,
        value,
        allowedKinds,
      },
    };
  }
  if (!validators.isValidEntityName(ref.name)) {
    return {
      problem: { type: 'invalid-name', name: ref.name, value, allowedKinds },
    };
  }
  if (!isAllowedKind(ref.kind, rules.allowedKinds)) {
    return {
      problem: {
        type: 'kind-not-allowed',
        kind: ref.kind,
        ref,
        value,
        allowedKinds,
      },
    };
  }
  return { ref, key: entityRefKey(ref) };
}
