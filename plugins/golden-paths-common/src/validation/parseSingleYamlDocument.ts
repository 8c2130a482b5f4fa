import { InputError } from '@backstage/errors';
import {
  type ParsedYamlDocument,
  parseYamlDocuments,
} from './parseYamlDocuments';
import type { YamlLimits } from './yamlLimits';

/**
 * Reads a file that must hold exactly one YAML document (a scaffold record,
 * a template revision's `template.yaml`) through the limited reader.
 * Throws `InputError` naming the file, line and column of the first
 * problem.
 *
 * @public
 */
export function parseSingleYamlDocument(
  text: string,
  options: { file: string; limits?: YamlLimits },
): ParsedYamlDocument {
  const { file } = options;
  const parsed = parseYamlDocuments(text, options.limits);
  const problem =
    parsed.problems[0] ?? parsed.documents.flatMap(d => d.problems)[0];
  if (problem) {
    throw new InputError(
      `${file} line ${problem.line}, column ${problem.column}: ${problem.message}`,
    );
  }
  if (parsed.documents.length > 1) {
    const { line, column } = parsed.documents[1].locate([]);
    throw new InputError(
      `${file} line ${line}, column ${column}: expected one YAML document, found ${parsed.documents.length}`,
    );
  }
  return parsed.documents[0];
}
