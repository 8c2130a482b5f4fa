import { z } from 'zod/v3';

/** The input of `golden-paths:path:check`. */
export const pathCheckInputSchema = z.object({
  path: z
    .string()
    .describe(
      'Entity reference of the golden path; the kind defaults to goldenpath, e.g. node-http-service',
    ),
  choices: z
    .object({
      autoscaling: z.enum(['hpa', 'vpa', 'none']).optional(),
      observability: z.enum(['opentelemetry', 'datadog', 'none']).optional(),
      sbom: z.boolean().optional(),
      imageSigning: z.boolean().optional(),
      vulnerabilityScan: z.boolean().optional(),
      ci: z.boolean().optional(),
      costLabels: z.boolean().optional(),
      resourceRequests: z.boolean().optional(),
    })
    .optional()
    .describe(
      "The form's choices to check against the path's guarantees; a choice left out breaks nothing",
    ),
});

/** The choices a template form offers that a path's guarantees constrain. */
export type PathChoices = NonNullable<
  z.output<typeof pathCheckInputSchema>['choices']
>;

/** The output of `golden-paths:path:check`. */
export const pathCheckOutputSchema = z.object({
  entityRef: z.string().describe('Entity reference of the golden path'),
  title: z.string().describe('Title of the path (or its name)'),
  version: z.string().describe("The path's spec.version"),
  lifecycle: z.string().describe('supported, beta or deprecated'),
  category: z.string().describe("The path's category"),
  guarantees: z.array(z.string()).describe("The path's guarantee ids"),
  owner: z.string().describe('Entity reference of the owner'),
});
