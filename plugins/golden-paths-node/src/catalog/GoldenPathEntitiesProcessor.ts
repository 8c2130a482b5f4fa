import {
  CompoundEntityRef,
  Entity,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_GOLDEN_PATH,
  EntityProblem,
  EntityRefRules,
  checkEntityRef,
  describeEntityRefProblem,
  GOLDEN_PATH_KIND,
  RELATION_FOLLOWS_GOLDEN_PATH,
  RELATION_GOLDEN_PATH_FOLLOWED_BY,
  RELATION_GOLDEN_PATH_TEMPLATE,
  RELATION_REPLACED_BY_GOLDEN_PATH,
  RELATION_REPLACES_GOLDEN_PATH,
  RELATION_TEMPLATE_OF_GOLDEN_PATH,
  isGoldenPathEntity,
  validateGoldenPathEntity,
} from '@golden-paths/golden-paths-common';

function lower(value: string): string {
  return value.toLocaleLowerCase('en-US');
}

// Refs are written in any case (`group:default/x`, `Group:default/x`); the
// catalog compares them case-insensitively, but relations read better with
// the kinds spelled the way the catalog spells them.
const CANONICAL_KINDS = new Map(
  [
    'API',
    'Component',
    'Domain',
    GOLDEN_PATH_KIND,
    'Group',
    'Location',
    'Resource',
    'System',
    'Template',
    'User',
  ].map(kind => [lower(kind), kind]),
);

function canonicalKind(kind: string): string {
  return CANONICAL_KINDS.get(lower(kind)) ?? kind;
}

function canonicalRef(ref: CompoundEntityRef): CompoundEntityRef {
  return {
    kind: canonicalKind(ref.kind),
    namespace: ref.namespace,
    name: ref.name,
  };
}

type RefResult =
  | { ref: CompoundEntityRef; problem?: undefined }
  | { ref?: undefined; problem: string };

/**
 * Reads an entity reference without throwing: a malformed reference or one
 * to a kind other than those allowed comes back as a problem to report.
 */
function resolveRef(
  value: unknown,
  rules: EntityRefRules & { defaultNamespace: string },
): RefResult {
  const { ref, problem } = checkEntityRef(
    typeof value === 'string' ? value.trim() : value,
    rules,
  );
  if (problem) {
    return {
      problem: describeEntityRefProblem(problem, {
        subject: 'it',
        brief: true,
      }),
    };
  }
  return { ref: canonicalRef(ref) };
}

function formatProblem(problem: EntityProblem): string {
  return problem.field
    ? `${problem.field}: ${problem.message}`
    : problem.message;
}

function isComponentEntity(entity: Entity): boolean {
  return (
    typeof entity.apiVersion === 'string' &&
    entity.apiVersion.startsWith('backstage.io/') &&
    lower(entity.kind) === 'component'
  );
}

function isTemplateEntity(entity: Entity): boolean {
  return lower(entity.kind) === 'template';
}

/**
 * Validates `GoldenPath` entities and emits the relations between golden
 * paths, their owners, their templates, their replacements and the
 * components that follow them, always in both directions.
 *
 * @public
 */
export class GoldenPathEntitiesProcessor implements CatalogProcessor {
  /** The name the catalog shows for this processor in logs and errors. */
  getProcessorName(): string {
    return 'GoldenPathEntitiesProcessor';
  }

  /**
   * Claims GoldenPath entities. An invalid one is rejected with an
   * `InputError` that lists every problem, so one round of fixes suffices.
   */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isGoldenPathEntity(entity)) {
      return false;
    }
    const problems = validateGoldenPathEntity(entity);
    if (problems.length > 0) {
      throw new InputError(problems.map(formatProblem).join('; '));
    }
    return true;
  }

  /**
   * Emits the relations of a GoldenPath (owner, templates, replacement) and
   * of a Component or Template that names a path in its
   * `golden-paths.dev/path` annotation, each in both directions. A reference
   * that cannot be resolved is reported as an input error on the location.
   */
  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const self = canonicalRef(getCompoundEntityRef(entity));

    const relate = (
      target: CompoundEntityRef,
      type: string,
      reverseType: string,
    ) => {
      emit(processingResult.relation({ source: self, type, target }));
      emit(
        processingResult.relation({
          source: target,
          type: reverseType,
          target: self,
        }),
      );
    };

    const reference = (
      field: string,
      value: unknown,
      options: { defaultKind: string; allowedKinds: ReadonlyArray<string> },
    ): CompoundEntityRef | undefined => {
      const result = resolveRef(value, {
        ...options,
        defaultNamespace: self.namespace,
      });
      if (result.problem !== undefined) {
        emit(
          processingResult.inputError(
            location,
            `${stringifyEntityRef(
              self,
            )} has an invalid ${field} ${JSON.stringify(value)}: ${
              result.problem
            }`,
          ),
        );
        return undefined;
      }
      return result.ref;
    };

    if (isGoldenPathEntity(entity)) {
      const spec = entity.spec ?? {};
      if (spec.owner !== undefined) {
        const owner = reference('spec.owner', spec.owner, {
          defaultKind: 'Group',
          allowedKinds: ['Group', 'User'],
        });
        if (owner) {
          relate(owner, RELATION_OWNED_BY, RELATION_OWNER_OF);
        }
      }
      if (Array.isArray(spec.templates)) {
        spec.templates.forEach((value, index) => {
          const template = reference(`spec.templates[${index}]`, value, {
            defaultKind: 'Template',
            allowedKinds: ['Template'],
          });
          if (template) {
            relate(
              template,
              RELATION_GOLDEN_PATH_TEMPLATE,
              RELATION_TEMPLATE_OF_GOLDEN_PATH,
            );
          }
        });
      }
      if (spec.replacedBy !== undefined) {
        const replacement = reference('spec.replacedBy', spec.replacedBy, {
          defaultKind: GOLDEN_PATH_KIND,
          allowedKinds: [GOLDEN_PATH_KIND],
        });
        if (replacement) {
          relate(
            replacement,
            RELATION_REPLACED_BY_GOLDEN_PATH,
            RELATION_REPLACES_GOLDEN_PATH,
          );
        }
      }
      return entity;
    }

    const annotation = entity.metadata.annotations?.[ANNOTATION_GOLDEN_PATH];
    if (annotation === undefined) {
      return entity;
    }
    const pathRefOptions = {
      defaultKind: GOLDEN_PATH_KIND,
      allowedKinds: [GOLDEN_PATH_KIND],
    };
    // A component follows the path; a template is one of its templates.
    let relations: [string, string] | undefined;
    if (isComponentEntity(entity)) {
      relations = [
        RELATION_FOLLOWS_GOLDEN_PATH,
        RELATION_GOLDEN_PATH_FOLLOWED_BY,
      ];
    } else if (isTemplateEntity(entity)) {
      relations = [
        RELATION_TEMPLATE_OF_GOLDEN_PATH,
        RELATION_GOLDEN_PATH_TEMPLATE,
      ];
    }
    if (relations) {
      const path = reference(
        `${ANNOTATION_GOLDEN_PATH} annotation`,
        annotation,
        pathRefOptions,
      );
      if (path) {
        relate(path, ...relations);
      }
    }
    return entity;
  }
}
