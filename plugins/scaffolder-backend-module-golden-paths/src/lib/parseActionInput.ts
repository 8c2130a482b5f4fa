import { InputError } from '@backstage/errors';
import type { z } from 'zod/v3';

/**
 * Parses an action's input with the zod schema the action declared.
 *
 * The scaffolder checks input against the JSON Schema it generates from that
 * schema, which neither applies defaults nor runs refinements; the handler
 * parses again with the same schema, so the action's fields, defaults and
 * rules are written once. Every problem is reported, each with its field.
 */
export function parseActionInput<T extends z.ZodTypeAny>(
  actionId: string,
  schema: T,
  input: unknown,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new InputError(
      `Invalid input to ${actionId}: ${parsed.error.issues
        .map(i => `${i.path.join('.') || 'input'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
