import { InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import { LineCounter, isNode, parseDocument, stringify } from 'yaml';
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
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const [syntax] = document.errors;
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    throw new InputError(
      `${file} line ${line}, column ${col}: ${syntax.message.split('\n')[0]}`,
    );
  }
  const result = scaffoldRecordSchema.safeParse(document.toJS());
  if (result.success) {
    return { ...result.data, values: result.data.values as JsonObject };
  }
  const issue = result.error.issues[0];
  const field = issue.path.join('.') || '(document)';
  let node: unknown = document.getIn(issue.path, true);
  for (let depth = issue.path.length; !isNode(node) && depth > 0; depth--) {
    node = document.getIn(issue.path.slice(0, depth - 1), true);
  }
  const offset = isNode(node) && node.range ? node.range[0] : 0;
  const { line, col } = lineCounter.linePos(offset);
  throw new InputError(
    `${file} line ${line}, column ${col}: ${field}: ${issue.message}`,
  );
}
