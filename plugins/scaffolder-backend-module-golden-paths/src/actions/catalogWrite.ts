import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname } from 'node:path';
import {
  ANNOTATION_SOURCE_LOCATION,
  ComponentEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_GOLDEN_PATH_VERSION,
  ANNOTATION_SOURCE_TEMPLATE,
  GoldenPathGuaranteeId,
  YamlProblem,
  coreKindValidators,
  lintCatalogYaml,
} from '@golden-paths/golden-paths-common';
import { stringify } from 'yaml';
import {
  assertNoEscapingLinks,
  resolveWorkspacePath,
  toPosixRelative,
} from '@golden-paths/golden-paths-node';
import {
  canonicalEntityRef,
  parseEntityRefInput,
  parsePathRefInput,
} from '../lib/entityRefs';
import { parseActionInput } from '../lib/parseActionInput';
import { examples } from './catalogWrite.examples';
import {
  LABEL_COST_CENTER,
  LABEL_TEAM,
  catalogWriteDefaults as defaults,
  catalogWriteInputSchema,
  catalogWriteOutputSchema,
} from './catalogWriteSchema';

const ACTION_ID = 'golden-paths:catalog:write';

/** Annotations and labels written for the guarantees of the path. */
const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';

const KUBERNETES_GUARANTEES: GoldenPathGuaranteeId[] = [
  'resource-requests',
  'autoscaling',
];

function formatProblem(file: string, problem: YamlProblem): string {
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${file}:${problem.line}:${problem.column}${field} ${problem.message}`;
}

function toSourceLocation(value: string): string {
  const trimmed = value.trim();
  // Already a location reference (`url:…`, or `file:<path>` which is not a
  // file URL); anything else is taken to be a URL.
  if (/^url:/.test(trimmed) || /^file:(?!\/\/)/.test(trimmed)) {
    return trimmed;
  }
  return `url:${trimmed}`;
}

/**
 * Creates the `golden-paths:catalog:write` action, which writes the
 * `catalog-info.yaml` of a component that follows a golden path.
 *
 * @public
 */
export function createCatalogWriteAction() {
  return createTemplateAction({
    id: ACTION_ID,
    description: [
      'Writes the catalog-info.yaml of a Component that follows a golden path, and checks it by parsing it back before returning.',
      `Always written: spec.owner, spec.lifecycle, spec.type, and the annotations ${ANNOTATION_GOLDEN_PATH} (the path), ${ANNOTATION_GOLDEN_PATH_VERSION} (the version scaffolded at) and ${ANNOTATION_SOURCE_TEMPLATE} (the template).`,
      'Written for the guarantees given in `guarantees`:',
      `resource-requests or autoscaling: ${ANNOTATION_KUBERNETES_ID}: <name> and ${ANNOTATION_KUBERNETES_LABEL_SELECTOR}: app.kubernetes.io/name=<name>, so the Kubernetes plugin and the checks find the workloads;`,
      `cost-labels: metadata.labels ${LABEL_COST_CENTER} (from costCenter) and ${LABEL_TEAM} (from team, or the owning group's name).`,
      'annotations given as input are merged last.',
    ].join(' '),
    examples,
    supportsDryRun: true,
    schema: {
      input: () => catalogWriteInputSchema,
      output: () => catalogWriteOutputSchema,
    },
    async handler(ctx) {
      const input = parseActionInput(
        ACTION_ID,
        catalogWriteInputSchema,
        ctx.input,
      );
      const owner = parseEntityRefInput(input.owner, {
        inputName: 'owner',
        defaultKind: 'group',
        allowedKinds: ['group', 'user'],
        example: 'group:default/platform-team',
      });
      const system = input.system
        ? parseEntityRefInput(input.system, {
            inputName: 'system',
            defaultKind: 'system',
            allowedKinds: ['system'],
            example: 'system:default/payments',
          })
        : undefined;
      const path = parsePathRefInput(input.path);
      const sourceTemplateValue =
        input.sourceTemplate ?? ctx.templateInfo?.entityRef;
      const sourceTemplate = sourceTemplateValue
        ? parseEntityRefInput(sourceTemplateValue, {
            inputName: 'sourceTemplate',
            defaultKind: 'template',
            allowedKinds: ['template'],
            example: 'template:default/node-http-service',
          })
        : undefined;
      const guarantees = [
        ...new Set(input.guarantees ?? []),
      ] as GoldenPathGuaranteeId[];
      const has = (id: GoldenPathGuaranteeId) => guarantees.includes(id);

      const targetPath = input.targetPath ?? defaults.targetPath;
      const target = resolveWorkspacePath(
        ctx.workspacePath,
        targetPath,
        'targetPath',
      );
      if (target === ctx.workspacePath) {
        throw new InputError('targetPath must name a file, not the workspace');
      }
      const filePath = toPosixRelative(ctx.workspacePath, target);

      const annotations: Record<string, string> = {
        [ANNOTATION_GOLDEN_PATH]: canonicalEntityRef(path),
        [ANNOTATION_GOLDEN_PATH_VERSION]: input.pathVersion,
      };
      if (sourceTemplate) {
        annotations[ANNOTATION_SOURCE_TEMPLATE] =
          canonicalEntityRef(sourceTemplate);
      }
      if (input.sourceLocation) {
        annotations[ANNOTATION_SOURCE_LOCATION] = toSourceLocation(
          input.sourceLocation,
        );
      }
      if (KUBERNETES_GUARANTEES.some(has)) {
        annotations[ANNOTATION_KUBERNETES_ID] = input.name;
        annotations[
          ANNOTATION_KUBERNETES_LABEL_SELECTOR
        ] = `app.kubernetes.io/name=${input.name}`;
      }
      Object.assign(annotations, input.annotations ?? {});

      const labels: Record<string, string> = {};
      if (has('cost-labels')) {
        if (input.costCenter) {
          labels[LABEL_COST_CENTER] = input.costCenter;
        }
        const team =
          input.team ?? (owner.kind === 'group' ? owner.name : undefined);
        if (team) {
          labels[LABEL_TEAM] = team;
        }
      }

      const entity: ComponentEntity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: input.name,
          ...(input.title ? { title: input.title } : {}),
          ...(input.description ? { description: input.description } : {}),
          ...(Object.keys(labels).length > 0 ? { labels } : {}),
          annotations,
          ...(input.tags?.length ? { tags: input.tags } : {}),
          ...(input.links?.length ? { links: input.links } : {}),
        },
        spec: {
          type: input.type ?? defaults.type,
          lifecycle: input.lifecycle ?? defaults.lifecycle,
          owner: canonicalEntityRef(owner),
          ...(system ? { system: canonicalEntityRef(system) } : {}),
        },
      };
      const text = stringify(entity, { lineWidth: 0 });

      await assertNoEscapingLinks(ctx.workspacePath, target, 'targetPath');
      const existing = await fs.lstat(target).catch(() => undefined);
      if (existing?.isDirectory()) {
        throw new InputError(
          `targetPath "${filePath}" is a directory; give the path of a file`,
        );
      }
      await fs.mkdir(dirname(target), { recursive: true });

      // Written next to the target and renamed over it only once it has been
      // read back and validated, so a bad entity never replaces a good file.
      const temporary = `${dirname(target)}/.${basename(
        target,
      )}.tmp-${randomBytes(6).toString('hex')}`;
      try {
        await fs.writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
        const written = await fs.readFile(temporary, 'utf8');
        const problems = await lintCatalogYaml(written, {
          validators: coreKindValidators,
        });
        if (problems.length > 0) {
          throw new InputError(
            `the catalog entity is not valid, so ${filePath} was not written:\n${problems
              .map(problem => formatProblem(filePath, problem))
              .join('\n')}`,
          );
        }
        await fs.rename(temporary, target);
      } finally {
        await fs.rm(temporary, { force: true });
      }

      ctx.output(
        'entityRef',
        stringifyEntityRef({
          kind: 'Component',
          namespace: 'default',
          name: input.name,
        }),
      );
      ctx.output('filePath', filePath);
    },
  });
}
