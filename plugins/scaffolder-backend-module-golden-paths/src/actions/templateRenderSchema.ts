import { z } from 'zod/v3';
import { jsonObjectInput } from '../lib/jsonObjectInput';

/** The input of `golden-paths:template:render`. */
export const templateRenderInputSchema = z.object({
  path: z.string().describe('Entity reference of the golden path'),
  version: z
    .string()
    .describe(
      "The path version to render, normally the path's spec.version from golden-paths:path:check",
    ),
  values: jsonObjectInput(
    z,
    "The form's values, normally ${{ parameters }}; secrets and undeclared keys are neither rendered nor stored",
  ),
});

/** The output of `golden-paths:template:render`. */
export const templateRenderOutputSchema = z.object({
  recordPath: z.string().describe('Where the scaffold record was written'),
  revision: z.string().describe('Where the rendered revision was read'),
  files: z.number().describe('How many files were rendered'),
});
