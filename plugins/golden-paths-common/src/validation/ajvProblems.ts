import type { ErrorObject } from 'ajv';
import { formatFieldPath, parseJsonPointer } from './fieldPath';
import type { EntityProblem } from './types';

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'a map';
  }
  return JSON.stringify(value);
}

function typeName(type: string): string {
  if (type === 'array') {
    return 'a list';
  }
  if (type === 'object') {
    return 'a map';
  }
  return `a ${type}`;
}

function valueAt(data: unknown, path: ReadonlyArray<string | number>) {
  let current: any = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = current[segment];
  }
  return current;
}

/**
 * Turns ajv's errors into problems a person can act on, one per node.
 * `if` errors are dropped: the `then` branch that failed says what is wrong.
 */
export function ajvErrorsToProblems(
  errors: ReadonlyArray<ErrorObject>,
  data: unknown,
): EntityProblem[] {
  const problems: EntityProblem[] = [];
  const seen = new Set<string>();
  const push = (problem: EntityProblem) => {
    const key = `${problem.field}\u0000${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  };

  for (const error of errors) {
    const path = parseJsonPointer(error.instancePath);
    const value = valueAt(data, path);
    switch (error.keyword) {
      case 'if':
        break;
      case 'required': {
        const missing = (error.params as { missingProperty: string })
          .missingProperty;
        const field = formatFieldPath([...path, missing]);
        const conditional = error.schemaPath.includes('/then/');
        push({
          path,
          field,
          message: conditional
            ? `${field} is required when ${formatFieldPath([
                ...path,
                'lifecycle',
              ])} is deprecated`
            : `${field} is required`,
          atKey: true,
        });
        break;
      }
      case 'additionalProperties': {
        const extra = (error.params as { additionalProperty: string })
          .additionalProperty;
        const parent = formatFieldPath(path) || 'the document';
        push({
          path: [...path, extra],
          field: formatFieldPath([...path, extra]),
          message: `unknown field "${extra}" in ${parent}`,
          atKey: true,
        });
        break;
      }
      case 'enum': {
        const allowed = (error.params as { allowedValues: unknown[] })
          .allowedValues;
        push({
          path,
          field: formatFieldPath(path),
          message: `must be one of ${allowed
            .map(a => String(a))
            .join(', ')}; got ${describe(value)}`,
        });
        break;
      }
      case 'pattern': {
        const field = formatFieldPath(path);
        push({
          path,
          field,
          message:
            path[path.length - 1] === 'version'
              ? `must be a semantic version such as 1.4.0; got ${describe(
                  value,
                )}`
              : `must match the pattern ${
                  (error.params as { pattern: string }).pattern
                }; got ${describe(value)}`,
        });
        break;
      }
      case 'type': {
        const expected = (error.params as { type: string }).type;
        push({
          path,
          field: formatFieldPath(path),
          message: `must be ${typeName(expected)}; got ${describe(value)}`,
        });
        break;
      }
      case 'minLength':
        push({
          path,
          field: formatFieldPath(path),
          message: 'must not be empty',
        });
        break;
      case 'uniqueItems': {
        const { i, j } = error.params as { i: number; j: number };
        const itemPath = [...path, Math.max(i, j)];
        push({
          path: itemPath,
          field: formatFieldPath(itemPath),
          message: `duplicate item ${describe(
            valueAt(data, itemPath),
          )}, already listed at index ${Math.min(i, j)}`,
        });
        break;
      }
      default:
        push({
          path,
          field: formatFieldPath(path),
          message: error.message ?? 'is not valid',
        });
    }
  }
  return problems;
}
