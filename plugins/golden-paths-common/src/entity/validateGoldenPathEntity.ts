import Ajv from 'ajv';
import { GOLDEN_PATH_KIND } from '../constants';
import { entityRefKey, normalizeEntityRef } from '../entityRefs';
import schema from './GoldenPath.v1alpha1.schema.json';
import { ajvErrorsToProblems } from '../validation/ajvProblems';
import type { EntityProblem } from '../validation/types';
import { entityRefProblem } from './entityRefProblem';
import { linkProblems } from './linkProblems';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateSchema = ajv.compile(schema);

/**
 * The JSON Schema (draft 7) of the GoldenPath kind.
 *
 * @public
 */
export const goldenPathEntityV1alpha1Schema: object = schema;

function referenceProblems(data: any): EntityProblem[] {
  const spec = data?.spec;
  if (!spec || typeof spec !== 'object') {
    return [];
  }
  const problems: Array<EntityProblem | undefined> = [];
  problems.push(
    entityRefProblem(spec.owner, ['spec', 'owner'], {
      defaultKind: 'group',
      allowedKinds: ['Group', 'User'],
    }),
  );
  if (Array.isArray(spec.templates)) {
    spec.templates.forEach((template: unknown, index: number) =>
      problems.push(
        entityRefProblem(template, ['spec', 'templates', index], {
          defaultKind: 'template',
          allowedKinds: ['Template'],
        }),
      ),
    );
  }
  const replacedByProblem = entityRefProblem(
    spec.replacedBy,
    ['spec', 'replacedBy'],
    { defaultKind: GOLDEN_PATH_KIND, allowedKinds: [GOLDEN_PATH_KIND] },
  );
  problems.push(replacedByProblem);
  if (
    !replacedByProblem &&
    typeof spec.replacedBy === 'string' &&
    typeof data.metadata?.name === 'string'
  ) {
    // Short refs resolve in the path's own namespace, as the catalog does.
    const namespace =
      typeof data.metadata.namespace === 'string' && data.metadata.namespace
        ? data.metadata.namespace
        : 'default';
    const self = entityRefKey({
      kind: GOLDEN_PATH_KIND,
      namespace,
      name: data.metadata.name,
    });
    const replacement = normalizeEntityRef(spec.replacedBy, {
      defaultKind: GOLDEN_PATH_KIND,
      defaultNamespace: namespace,
    });
    if (replacement === self) {
      problems.push({
        path: ['spec', 'replacedBy'],
        field: 'spec.replacedBy',
        message: 'a golden path cannot be replaced by itself',
      });
    }
  }
  return problems.filter((p): p is EntityProblem => p !== undefined);
}

/**
 * Validates a GoldenPath entity against the kind's schema and its rules
 * beyond shape (entity references, deprecation). Returns every problem
 * found, not only the first; an empty list means the entity is valid.
 *
 * @public
 */
export function validateGoldenPathEntity(data: unknown): EntityProblem[] {
  const problems: EntityProblem[] = [];
  if (!validateSchema(data)) {
    problems.push(...ajvErrorsToProblems(validateSchema.errors ?? [], data));
  }
  const reported = new Set(problems.map(p => p.field));
  for (const problem of [...referenceProblems(data), ...linkProblems(data)]) {
    if (!reported.has(problem.field)) {
      problems.push(problem);
    }
  }
  return problems;
}
