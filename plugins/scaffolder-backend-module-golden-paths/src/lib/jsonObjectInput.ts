import type { JsonObject } from '@backstage/types';
import type { z as zod } from 'zod/v3';

/**
 * An action input that holds a JSON object, such as the form's values.
 *
 * The scaffolder hands actions JSON (the task's rendered input) and a
 * TemplateAction's input type must be JSON, but `z.record(z.unknown())`
 * infers `Record<string, unknown>`: the action's published declaration then
 * fails adopters' `tsc --skipLibCheck false` (TS2344). The JSON Schema the
 * scaffolder validates the input with stays that of an object.
 */
export function jsonObjectInput(
  z: typeof zod,
  description: string,
): zod.ZodType<JsonObject> {
  return z
    .record(z.string(), z.unknown())
    .describe(description) as zod.ZodType<JsonObject>;
}
