import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  GOLDEN_PATH_GUARANTEES,
  GoldenPathGuaranteeId,
  isGoldenPathEntity,
} from '@golden-paths/golden-paths-common';
import { canonicalEntityRef, parsePathRefInput } from '../lib/entityRefs';
import { parseActionInput } from '../lib/parseActionInput';
import { examples } from './pathCheck.examples';
import {
  type PathChoices,
  pathCheckInputSchema,
  pathCheckOutputSchema,
} from './pathCheckSchema';

const ACTION_ID = 'golden-paths:path:check';

/** CI produces these; turning CI off turns them off too. */
const BUILT_BY_CI: GoldenPathGuaranteeId[] = [
  'sbom',
  'image-signing',
  'vulnerability-scan',
];

function guaranteeTitle(id: GoldenPathGuaranteeId): string {
  return GOLDEN_PATH_GUARANTEES.find(g => g.id === id)?.title ?? id;
}

/** Which choice turns a guarantee off, in words. */
function brokenBy(
  id: GoldenPathGuaranteeId,
  choices: PathChoices,
): string | undefined {
  switch (id) {
    case 'autoscaling':
      return choices.autoscaling === 'none'
        ? "autoscaling is 'none'"
        : undefined;
    case 'observability':
      return choices.observability === 'none'
        ? "observability is 'none'"
        : undefined;
    case 'sbom':
      return choices.sbom === false ? 'sbom is false' : undefined;
    case 'image-signing':
      return choices.imageSigning === false
        ? 'imageSigning is false'
        : undefined;
    case 'vulnerability-scan':
      return choices.vulnerabilityScan === false
        ? 'vulnerabilityScan is false'
        : undefined;
    case 'ci':
      return choices.ci === false ? 'ci is false' : undefined;
    case 'cost-labels':
      return choices.costLabels === false ? 'costLabels is false' : undefined;
    case 'resource-requests':
      return choices.resourceRequests === false
        ? 'resourceRequests is false'
        : undefined;
    default:
      return undefined;
  }
}

function brokenGuarantees(
  guarantees: GoldenPathGuaranteeId[],
  choices: PathChoices,
): string[] {
  const problems: string[] = [];
  for (const id of guarantees) {
    let reason = brokenBy(id, choices);
    if (!reason && BUILT_BY_CI.includes(id) && choices.ci === false) {
      reason = 'ci is false, and CI is what produces it';
    }
    if (reason) {
      problems.push(`${id} (${guaranteeTitle(id)}): ${reason}`);
    }
  }
  return problems;
}

/**
 * Creates the `golden-paths:path:check` action, which reads a golden path
 * from the catalog with the credentials of the user running the template and
 * fails early when the path is deprecated or the form's choices break one of
 * its guarantees.
 *
 * @public
 */
export function createPathCheckAction(options: { catalog: CatalogService }) {
  const { catalog } = options;
  return createTemplateAction({
    id: ACTION_ID,
    description:
      "Reads a golden path from the catalog as the user running the template, fails when it is missing, deprecated (naming its replacement) or when the choices turn off any of its guarantees (all are listed), warns when it is in beta, and outputs the path's contract for later steps.",
    examples,
    supportsDryRun: true,
    schema: {
      input: () => pathCheckInputSchema,
      output: () => pathCheckOutputSchema,
    },
    async handler(ctx) {
      const input = parseActionInput(
        ACTION_ID,
        pathCheckInputSchema,
        ctx.input,
      );
      const ref = parsePathRefInput(input.path);
      const entityRef = canonicalEntityRef(ref);
      const credentials = await ctx.getInitiatorCredentials();

      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) {
        throw new InputError(
          `golden path ${entityRef} was not found in the catalog, or you cannot see it`,
        );
      }
      if (!isGoldenPathEntity(entity)) {
        throw new InputError(
          `${entityRef} is not a GoldenPath (it is ${entity.apiVersion} ${entity.kind})`,
        );
      }
      const { spec } = entity;
      const title = entity.metadata.title ?? entity.metadata.name;

      if (spec.lifecycle === 'deprecated') {
        if (!spec.replacedBy) {
          throw new InputError(
            `golden path ${entityRef} is deprecated and names no replacement; ask its owner ${spec.owner} which path to start from`,
          );
        }
        let replacement = spec.replacedBy;
        try {
          const replacedByRef = parsePathRefInput(
            spec.replacedBy,
            'spec.replacedBy',
          );
          replacement = canonicalEntityRef(replacedByRef);
          const next = await catalog.getEntityByRef(replacement, {
            credentials,
          });
          if (next?.metadata.title) {
            replacement = `${replacement} (${next.metadata.title})`;
          }
        } catch {
          // The replacement is named even when it cannot be read.
        }
        throw new InputError(
          `golden path ${entityRef} is deprecated; start from ${replacement} instead`,
        );
      }

      const guarantees = spec.guarantees ?? [];
      const problems = brokenGuarantees(guarantees, input.choices ?? {});
      if (problems.length > 0) {
        throw new InputError(
          `the choices break ${
            problems.length === 1
              ? 'a guarantee'
              : `${problems.length} guarantees`
          } of golden path ${entityRef} (${title}) ${
            spec.version
          }: ${problems.join(
            '; ',
          )}. Keep them on to stay on the path, or pick another path.`,
        );
      }

      if (spec.lifecycle === 'beta') {
        ctx.logger.warn(
          'This golden path is in beta: its contract may still change before it is supported.',
        );
      }

      ctx.output('entityRef', stringifyEntityRef(entity));
      ctx.output('title', title);
      ctx.output('version', spec.version);
      ctx.output('lifecycle', spec.lifecycle);
      ctx.output('category', spec.category);
      ctx.output('guarantees', [...guarantees]);
      ctx.output('owner', spec.owner);
    },
  });
}
