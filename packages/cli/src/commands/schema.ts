import {
  SCHEMA_KINDS,
  SchemaKind,
  jsonSchemaFor,
} from '../schema/buildSchemas';
import { CommandIo, EXIT_OK, EXIT_USAGE, processIo } from './io';

/** Options of `golden-paths schema`, as commander parses them. */
export interface SchemaCommandOptions {
  kind?: string;
}

/**
 * `golden-paths schema [--kind GoldenPath|Template|all]`: prints a JSON
 * Schema (draft-07) on stdout. Resolves to the exit code.
 */
export async function schema(
  options: SchemaCommandOptions,
  io: CommandIo = processIo(),
): Promise<number> {
  const kind = options.kind ?? 'all';
  if (!(SCHEMA_KINDS as ReadonlyArray<string>).includes(kind)) {
    io.stderr(
      `golden-paths schema: unknown kind "${kind}"; use ${SCHEMA_KINDS.join(
        ', ',
      )}\n`,
    );
    return EXIT_USAGE;
  }
  io.stdout(`${JSON.stringify(jsonSchemaFor(kind as SchemaKind), null, 2)}\n`);
  return EXIT_OK;
}
