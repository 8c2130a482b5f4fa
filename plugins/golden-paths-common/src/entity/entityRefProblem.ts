import {
  checkEntityRef,
  describeEntityRefProblem,
  type EntityRefRules,
} from '../entityRefs';
import { formatFieldPath } from '../validation/fieldPath';
import type { DocumentPath, EntityProblem } from '../validation/types';

/**
 * Checks that a field holds a well-formed entity reference to one of the
 * allowed kinds. Returns the problem at the field's position, or undefined
 * when the reference is fine.
 */
export function entityRefProblem(
  value: unknown,
  path: DocumentPath,
  rules: EntityRefRules,
): EntityProblem | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    // The schema reports the wrong type or the empty string.
    return undefined;
  }
  const { problem } = checkEntityRef(value, rules);
  return (
    problem && {
      path,
      field: formatFieldPath(path),
      message: describeEntityRefProblem(problem),
    }
  );
}
