import { promises as fs } from 'node:fs';
import YAML from 'yaml';

/**
 * Reads a YAML file an action wrote, expecting exactly one document that
 * parses without errors: its text, and its value as plain JavaScript.
 */
export async function readYamlFile(
  path: string,
): Promise<{ text: string; value: any }> {
  const text = await fs.readFile(path, 'utf8');
  const documents = YAML.parseAllDocuments(text) as YAML.Document[];
  expect(documents).toHaveLength(1);
  expect(documents[0].errors).toEqual([]);
  return { text, value: documents[0].toJS() };
}
