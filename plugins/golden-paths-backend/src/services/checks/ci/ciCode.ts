import type { RepositoryFile } from '@golden-paths/golden-paths-node';
import { parseYamlDocuments } from '@golden-paths/golden-paths-common';

/** Removes a `#` comment that starts the line or follows whitespace, outside quotes. */
function withoutHashComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === quote) {
        quote = undefined;
      }
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return line.slice(0, i);
    }
  }
  return line;
}

function withoutHashComments(text: string): string {
  return text.split('\n').map(withoutHashComment).join('\n');
}

/** Groovy (Jenkinsfile) comments: block comments and `//` after whitespace. */
function withoutGroovyComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map(line => line.replace(/(^|\s)\/\/.*$/, '$1'))
    .join('\n');
}

/**
 * Writes parsed YAML back as `key: value` lines. The parser has dropped the
 * YAML comments, resolved anchors and joined folded scalars, so a command
 * split over lines reads as one.
 */
function yamlLines(value: unknown, key: string): string[] {
  if (Array.isArray(value)) {
    return [`${key}:`, ...value.flatMap(item => yamlLines(item, '-'))];
  }
  if (typeof value === 'object' && value !== null) {
    return [
      `${key}:`,
      ...Object.entries(value).flatMap(([k, v]) => yamlLines(v, k)),
    ];
  }
  if (value === null || value === undefined) {
    return [`${key}:`];
  }
  const [first, ...rest] = String(value).split('\n');
  return [`${key}: ${first}`, ...rest];
}

/** The YAML documents of a file as lines, or undefined when it does not parse. */
function yamlCode(content: string): string | undefined {
  // Repository files are untrusted: the limited reader, with merge keys
  // (CI files use them).
  const file = parseYamlDocuments(content, { merge: true });
  if (file.problems.length > 0) {
    return undefined;
  }
  const lines: string[] = [];
  for (const document of file.documents) {
    if (document.problems.length > 0) {
      // Too many aliases, for one: read the file as text instead.
      return undefined;
    }
    lines.push(...yamlLines(document.value, '---'));
  }
  return lines.join('\n');
}

/**
 * What a CI file runs and sets, without comments: YAML comments, shell
 * comment lines inside scripts and Groovy comments are removed, and shell
 * line continuations (`\` at the end of a line) are joined. A mention of a
 * tool in a comment therefore never counts as using it.
 */
export function ciCode(file: RepositoryFile): string {
  const isGroovy = /(^|\/)Jenkinsfile$/.test(file.path);
  const code = isGroovy
    ? withoutGroovyComments(file.content)
    : withoutHashComments(yamlCode(file.content) ?? file.content);
  return code.replace(/[ \t]*\\\r?\n\s*/g, ' ');
}
