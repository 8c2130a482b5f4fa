import type { EntityRefProblem } from './checkEntityRef';

/**
 * A sentence about an entity reference's problem, as the linter and the
 * catalog module report it, for example:
 * `"component:default/x" points at a component; it must point at a Group or User`.
 *
 * `subject` names the value (its quoted text unless given, e.g. `it`);
 * `brief` reports a bad namespace or name as a malformed ref, without the
 * detail.
 *
 * @public
 */
export function describeEntityRefProblem(
  problem: EntityRefProblem,
  options: { subject?: string; brief?: boolean } = {},
): string {
  const subject = options.subject ?? `"${String(problem.value)}"`;
  const expected = problem.allowedKinds.join(' or ');
  const malformed = `${subject} is not a valid entity reference; expected [<kind>:][<namespace>/]<name>${
    expected ? ` pointing at a ${expected}` : ''
  }`;
  switch (problem.type) {
    case 'invalid-namespace':
      return options.brief
        ? malformed
        : `${subject} has an invalid namespace "${problem.namespace}"`;
    case 'invalid-name':
      return options.brief
        ? malformed
        : `${subject} has an invalid entity name "${problem.name}"; names are at most 63 characters of [a-zA-Z0-9] separated by [-_.]`;
    case 'kind-not-allowed':
      return `${subject} points at a ${problem.kind}; it must point at a ${expected}`;
    default:
      return malformed;
  }
}
