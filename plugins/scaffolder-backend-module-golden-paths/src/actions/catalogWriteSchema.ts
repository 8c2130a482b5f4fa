import { ANNOTATION_SOURCE_LOCATION } from '@backstage/catalog-model';
import {
  GOLDEN_PATH_GUARANTEE_IDS,
  isGoldenPathGuaranteeId,
  isSemver,
} from '@golden-paths/golden-paths-common';
import { z } from 'zod/v3';
import { isValidEntityName } from '../lib/entityRefs';

/** The labels written for the cost-labels guarantee. */
export const LABEL_COST_CENTER = 'cost-center';
export const LABEL_TEAM = 'team';

/** What an input left out stands for. */
export const catalogWriteDefaults = {
  lifecycle: 'experimental',
  type: 'service',
  targetPath: 'catalog-info.yaml',
} as const;

function unknownGuaranteesMessage(values: string[]): string | undefined {
  const unknown = values.filter(id => !isGoldenPathGuaranteeId(id));
  if (unknown.length === 0) {
    return undefined;
  }
  return `unknown guarantee${unknown.length > 1 ? 's' : ''} ${unknown
    .map(id => `"${id}"`)
    .join(', ')}; the known guarantees are ${GOLDEN_PATH_GUARANTEE_IDS.join(
    ', ',
  )}`;
}

/** The input of `golden-paths:catalog:write`. */
export const catalogWriteInputSchema = z.object({
  name: z
    .string()
    .refine(isValidEntityName, value => ({
      message: `"${value}" is not a valid entity name: use letters, digits, "-", "_" and "." (starting and ending with a letter or digit), at most 63 characters`,
    }))
    .describe(
      'metadata.name of the component: letters, digits, -, _ and ., at most 63 characters',
    ),
  title: z.string().optional().describe('metadata.title of the component'),
  description: z
    .string()
    .optional()
    .describe('metadata.description of the component'),
  owner: z
    .string()
    .describe(
      'Entity reference of the owning group or user, such as group:default/platform-team',
    ),
  system: z
    .string()
    .optional()
    .describe('Entity reference of the system the component belongs to'),
  lifecycle: z
    .string()
    .optional()
    .describe(`spec.lifecycle. Default: ${catalogWriteDefaults.lifecycle}`),
  type: z
    .string()
    .optional()
    .describe(`spec.type. Default: ${catalogWriteDefaults.type}`),
  tags: z.array(z.string()).optional().describe('metadata.tags'),
  path: z
    .string()
    .describe(
      'Entity reference of the golden path the component follows, such as goldenpath:default/node-http-service',
    ),
  pathVersion: z
    .string()
    .refine(isSemver, value => ({
      message: `"${value}" is not a semantic version such as 2.1.0`,
    }))
    .describe(
      "The path's spec.version the component is scaffolded at (semver)",
    ),
  sourceTemplate: z
    .string()
    .optional()
    .describe(
      'Entity reference of the template. Default: the template running this task',
    ),
  guarantees: z
    .array(z.string())
    .superRefine((values, ctx) => {
      const message = unknownGuaranteesMessage(values);
      if (message) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      }
    })
    .optional()
    .describe(
      "The path's guarantees (spec.guarantees); they decide the extra annotations and labels",
    ),
  sourceLocation: z
    .string()
    .optional()
    .describe(
      `Where the source lives, written as ${ANNOTATION_SOURCE_LOCATION}; "url:" is prefixed when missing`,
    ),
  costCenter: z
    .string()
    .optional()
    .describe(
      `Value of the ${LABEL_COST_CENTER} label (cost-labels guarantee)`,
    ),
  team: z
    .string()
    .optional()
    .describe(
      `Value of the ${LABEL_TEAM} label (cost-labels guarantee). Default: the owning group's name`,
    ),
  image: z
    .string()
    .optional()
    .describe(
      'Container image repository. Accepted for the templates written for earlier versions of this action, which passed it; nothing is written from it',
    ),
  annotations: z
    .record(z.string())
    .optional()
    .describe('More annotations, merged last'),
  links: z
    .array(
      z.object({
        url: z.string(),
        title: z.string().optional(),
        icon: z.string().optional(),
        type: z.string().optional(),
      }),
    )
    .optional()
    .describe('metadata.links'),
  targetPath: z
    .string()
    .optional()
    .describe(
      `Where to write the file, relative to the workspace. Default: ${catalogWriteDefaults.targetPath}`,
    ),
});

/** The output of `golden-paths:catalog:write`. */
export const catalogWriteOutputSchema = z.object({
  entityRef: z.string().describe('Entity reference of the component'),
  filePath: z.string().describe('The written file, relative to the workspace'),
});
