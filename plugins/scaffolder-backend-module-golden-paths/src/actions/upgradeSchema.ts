import { z } from 'zod/v3';

/** The input of `golden-paths:upgrade`. */
export const upgradeInputSchema = z.object({
  component: z
    .string()
    .describe(
      'Entity reference of the component to upgrade, e.g. component:default/orders-api',
    ),
  planOnly: z.boolean().optional().describe('Only plan: write nothing'),
});

/** The output of `golden-paths:upgrade`. */
export const upgradeOutputSchema = z.object({
  fromVersion: z.string(),
  toVersion: z.string(),
  mode: z.string().describe('merge, or recopy'),
  branch: z.string(),
  repository: z.string(),
  commit: z.string().optional().describe('The commit on the branch, when run'),
  pullRequestUrl: z
    .string()
    .optional()
    .describe('The pull request, when the repository is on GitHub'),
  conflicts: z.number(),
  files: z.array(
    z.object({
      path: z.string(),
      previousPath: z.string().optional(),
      outcome: z.string(),
      flagged: z.boolean(),
      detail: z.string(),
    }),
  ),
});
