import { InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import { parseSingleYamlDocument } from '@golden-paths/golden-paths-common';
import { stringify } from 'yaml';
import { SCAFFOLD_RECORD_PATH, type ScaffoldRecord } from './scaffoldRecord';
import { scaffoldRecordSchema } from './scaffoldRecordSchema';

/**
 * Writes a scaffold record as YAML, with a header saying what it is for.
 *
 * @public
 */
export function stringifyScaffoldRecord(record: ScaffoldRecord): string {
  return `# How this repository was made from its golden path's template. Golden
# Paths reads it to upgrade the repository when the path moves on: keep it,
# and do not edit it by hand. It holds no secrets.
${stringify(record, { lineWidth: 0 })}`;
}

/**
 * Reads a scaffold record, with an error naming the file, line, column and
 * field of the first problem.
 *
 * @public
 */
export function parseScaffoldRecord(
  text: string,
  file: string = SCAFFOLD_RECORD_PATH,
): ScaffoldRecord {
  // The record is committed in the repository: read it as any text its
  // owners wrote, with the limited reader.
  const document = parseSingleYamlDocument(text, { file });
  const result = scaffoldRecordSchema.safeParse(document.value);
  if (result.success) {
    return { ...result.data, values: result.data.values as JsonObject };
  }
  const issue = result.error.issues[0];
  const field = issue.path.join('.') || '(document)';
  const { line, column } = document.locate(
    issue.path.filter(
      (p): p is string | number =>
        typeof p === 'string' || typeof p === 'number',
    ),
  );
  throw new InputError(
    `${file} line ${line}, column ${column}: ${field}: ${issue.message}`,
  );
}
