/**
 * A YAML text read line by line, as the cursor context needs it: indentation,
 * sequence dashes, keys and scalars, without parsing the document (the text
 * being typed is usually invalid YAML).
 */

/** A sequence dash, a key with its inline value, or a scalar on a line. */
export type LineToken =
  | { type: 'dash'; column: number }
  | {
      type: 'key';
      column: number;
      key: string;
      value: string;
      valueColumn: number;
    }
  | { type: 'scalar'; column: number; text: string };

const KEY =
  /^("[^"]*"|'[^']*'|[^\s#'"\-?:,[\]{}][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/;

/** A key without the quotes around it. */
export function stripQuotes(key: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(key);
  return quoted ? quoted[2] : key;
}

/** An inline value without its trailing comment. */
export function stripComment(value: string): string {
  const comment = value.search(/(^|\s)#/);
  return (comment === -1 ? value : value.slice(0, comment)).trimEnd();
}

/** The number of spaces a line starts with. */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Whether a line holds no node: blank, a comment, a directive. */
export function isEmptyLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#') || line.startsWith('%');
}

/** Whether a line starts or ends a document (`---`, `...`). */
export function isDocumentMarker(line: string): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(line);
}

/**
 * Splits a line into its sequence dashes and then a key (with its inline
 * value) or a scalar.
 */
export function tokenize(line: string): LineToken[] {
  const tokens: LineToken[] = [];
  let pos = indentOf(line);
  while (
    line[pos] === '-' &&
    (pos + 1 === line.length || line[pos + 1] === ' ')
  ) {
    tokens.push({ type: 'dash', column: pos });
    pos += 1;
    while (line[pos] === ' ') {
      pos += 1;
    }
  }
  const rest = line.slice(pos);
  if (rest === '') {
    return tokens;
  }
  const key = KEY.exec(rest);
  if (key) {
    let valueColumn = pos + key[0].length;
    while (line[valueColumn] === ' ') {
      valueColumn += 1;
    }
    tokens.push({
      type: 'key',
      column: pos,
      key: stripQuotes(key[1].trim()),
      value: line.slice(valueColumn),
      valueColumn,
    });
  } else {
    tokens.push({ type: 'scalar', column: pos, text: rest });
  }
  return tokens;
}

/** Whether an inline value leaves room for child nodes on the next lines. */
export function opensChildren(value: string): boolean {
  const bare = stripComment(value);
  // An anchor or a tag alone still lets the node's content follow.
  return bare === '' || /^([&!]\S*\s*)+$/.test(bare);
}

/** The offset where each line of a text starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The line at an index, without its line break. */
export function lineAt(text: string, starts: number[], index: number): string {
  const end = index + 1 < starts.length ? starts[index + 1] - 1 : text.length;
  return text.slice(starts[index], end).replace(/\r$/, '');
}
