import {
  Entity,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  entityEnvelopeSchemaValidator,
  entitySchemaValidator,
} from '@backstage/catalog-model';
import { backstageErrorProblem } from './backstageErrorProblem';
import type { CatalogKindValidator } from './kindValidators';
import { ParsedYamlDocument, parseYamlDocuments } from './parseYamlDocuments';
import type { YamlLimits } from './yamlLimits';
import type { EntityProblem, YamlProblem } from './types';

/**
 * Options of {@link lintCatalogYaml}.
 *
 * @public
 */
export interface LintCatalogYamlOptions extends YamlLimits {
  /** The kinds the linter knows, each with its validator. */
  validators: ReadonlyArray<CatalogKindValidator>;
  /**
   * Kinds accepted without a validator of their own (only the envelope and
   * metadata are checked). Any other kind is an error.
   */
  allowKinds?: ReadonlyArray<string>;
}

const checkEnvelope = entityEnvelopeSchemaValidator();
const checkEntity = entitySchemaValidator();
const fieldFormat = new FieldFormatEntityPolicy();
const noForeignRootFields = new NoForeignRootFieldsEntityPolicy();

function lower(value: string): string {
  return value.toLocaleLowerCase('en-US');
}

async function firstProblem(
  check: () => unknown,
): Promise<EntityProblem | undefined> {
  try {
    await check();
    return undefined;
  } catch (error) {
    return backstageErrorProblem(error);
  }
}

async function entityProblems(
  value: unknown,
  options: LintCatalogYamlOptions,
): Promise<EntityProblem[]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [
      {
        path: [],
        field: '',
        message:
          'a catalog document must be a map with apiVersion, kind, metadata and spec',
      },
    ];
  }
  const envelope = await firstProblem(() => checkEnvelope(value));
  if (envelope) {
    return [envelope];
  }
  const entity = value as Entity;
  const problems: EntityProblem[] = [];
  const validator = options.validators.find(
    v => lower(v.kind) === lower(entity.kind),
  );
  if (validator) {
    problems.push(...(await validator.validate(entity)));
  } else if (
    !(options.allowKinds ?? []).some(kind => lower(kind) === lower(entity.kind))
  ) {
    problems.push({
      path: ['kind'],
      field: 'kind',
      message: `unknown kind "${
        entity.kind
      }"; known kinds are ${options.validators
        .map(v => v.kind)
        .join(', ')} (allow others with --allow-kind)`,
    });
  }
  for (const check of [
    () => checkEntity(entity),
    () => noForeignRootFields.enforce(entity),
    () => fieldFormat.enforce(entity),
  ]) {
    const problem = await firstProblem(check);
    if (problem) {
      problems.push(problem);
    }
  }
  const seen = new Set<string>();
  return problems.filter(problem => {
    const key = problem.field || problem.message;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

function toYamlProblem(
  document: ParsedYamlDocument,
  problem: EntityProblem,
): YamlProblem {
  return {
    message: problem.message,
    field: problem.field || undefined,
    ...document.locate(problem.path, { atKey: problem.atKey }),
    documentIndex: document.index,
    severity: 'error',
  };
}

/**
 * Lints a catalog YAML text: every document, every problem, each with the
 * line and column of the node it is about. Never throws on bad input.
 *
 * @public
 */
export async function lintCatalogYaml(
  text: string,
  options: LintCatalogYamlOptions,
): Promise<YamlProblem[]> {
  const file = parseYamlDocuments(text, options);
  const problems: YamlProblem[] = [...file.problems];
  for (const document of file.documents) {
    if (document.problems.length > 0) {
      problems.push(...document.problems);
      continue;
    }
    for (const problem of await entityProblems(document.value, options)) {
      problems.push(toYamlProblem(document, problem));
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
