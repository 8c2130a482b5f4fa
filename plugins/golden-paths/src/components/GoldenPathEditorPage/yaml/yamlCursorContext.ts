/**
 * Where the cursor is in a YAML document, found by scanning the indentation
 * of the lines before it. A parser is no help here: the text being typed is
 * usually invalid YAML ("lifecy" with no colon yet), and completion has to
 * work on exactly that text.
 */

/** Keys and sequence indexes from the document's root to a node. */
export type YamlPath = Array<string | number>;

/**
 * What is being typed at the cursor:
 * - `key`: a key of the mapping at `path`;
 * - `value`: the scalar value of the node at `path` (after `key: `);
 * - `item`: the start of the sequence item at `path` (after `- ` or inside
 *   `[a, b, ...]`); a scalar or the first key of a mapping item.
 */
export type YamlCursorContext =
  | {
      kind: 'key';
      path: YamlPath;
      /** Offset where the partly typed key starts. */
      from: number;
      /** What is typed of the key so far. */
      prefix: string;
      /** Keys the mapping already has, before and after the cursor. */
      siblings: string[];
    }
  | { kind: 'value'; path: YamlPath; from: number; prefix: string }
  | {
      kind: 'item';
      path: YamlPath;
      from: number;
      prefix: string;
      /** Inside a flow sequence (`[a, b]`), where only scalars fit. */
      flow: boolean;
    };

type Frame =
  | { type: 'map'; column: number; key?: string; keys: string[] }
  | { type: 'seq'; column: number; index: number };

type LineToken =
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

function stripQuotes(key: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(key);
  return quoted ? quoted[2] : key;
}

function stripComment(value: string): string {
  const comment = value.search(/(^|\s)#/);
  return (comment === -1 ? value : value.slice(0, comment)).trimEnd();
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Whether a line holds no node: blank, a comment, a directive. */
function isEmptyLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#') || line.startsWith('%');
}

function isDocumentMarker(line: string): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(line);
}

/**
 * Splits a line into its sequence dashes and then a key (with its inline
 * value) or a scalar.
 */
function tokenize(line: string): LineToken[] {
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
function opensChildren(value: string): boolean {
  const bare = stripComment(value);
  // An anchor or a tag alone still lets the node's content follow.
  return bare === '' || /^([&!]\S*\s*)+$/.test(bare);
}

class Scanner {
  frames: Frame[] = [];
  /** Lines indented deeper than this belong to a scalar, not to the tree. */
  scalarColumn: number | undefined = undefined;

  reset() {
    this.frames = [];
    this.scalarColumn = undefined;
  }

  top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private popTo(column: number, forKey: boolean) {
    for (;;) {
      const top = this.top();
      if (
        !top ||
        !(
          top.column > column ||
          (forKey && top.column === column && top.type === 'seq')
        )
      ) {
        return;
      }
      this.frames.pop();
    }
  }

  dash(column: number) {
    this.popTo(column, false);
    const top = this.top();
    if (top?.type === 'seq' && top.column === column) {
      top.index += 1;
    } else {
      this.frames.push({ type: 'seq', column, index: 0 });
    }
  }

  key(column: number, key: string) {
    this.popTo(column, true);
    const top = this.top();
    if (top?.type === 'map' && top.column === column) {
      top.key = key;
      top.keys.push(key);
    } else {
      this.frames.push({ type: 'map', column, key, keys: [key] });
    }
  }

  /** Makes `column` the current mapping level without naming a key yet. */
  keyLevel(column: number) {
    this.popTo(column, true);
  }

  path(): YamlPath {
    const path: YamlPath = [];
    for (const frame of this.frames) {
      if (frame.type === 'seq') {
        path.push(frame.index);
      } else if (frame.key !== undefined) {
        path.push(frame.key);
      }
    }
    return path;
  }

  line(line: string) {
    if (isDocumentMarker(line)) {
      this.reset();
      return;
    }
    if (isEmptyLine(line)) {
      return;
    }
    if (this.scalarColumn !== undefined) {
      if (indentOf(line) > this.scalarColumn) {
        return;
      }
      this.scalarColumn = undefined;
    }
    let dashColumn = 0;
    for (const token of tokenize(line)) {
      if (token.type === 'dash') {
        this.dash(token.column);
        dashColumn = token.column;
      } else if (token.type === 'key') {
        this.key(token.column, token.key);
        if (!opensChildren(token.value)) {
          this.scalarColumn = token.column;
        }
      } else {
        // A scalar item: lines below it, deeper than its dash, continue it.
        this.scalarColumn = dashColumn;
      }
    }
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      starts.push(i + 1);
    }
  }
  return starts;
}

function lineAt(text: string, starts: number[], index: number): string {
  const end = index + 1 < starts.length ? starts[index + 1] - 1 : text.length;
  return text.slice(starts[index], end).replace(/\r$/, '');
}

/** Keys on the lines after the cursor that belong to the same mapping. */
function followingSiblings(
  text: string,
  starts: number[],
  lineIndex: number,
  column: number,
): string[] {
  const keys: string[] = [];
  for (let i = lineIndex + 1; i < starts.length; i++) {
    const line = lineAt(text, starts, i);
    if (isDocumentMarker(line)) {
      break;
    }
    if (isEmptyLine(line)) {
      continue;
    }
    const indent = indentOf(line);
    if (indent < column) {
      break;
    }
    if (indent === column) {
      const [token] = tokenize(line);
      if (token?.type !== 'key') {
        break;
      }
      keys.push(token.key);
    }
  }
  return keys;
}

function valueContext(
  path: YamlPath,
  value: string,
  valueOffset: number,
): YamlCursorContext | undefined {
  if (value.startsWith('[')) {
    const inner = value.slice(1);
    if (/[\]{}[]/.test(inner)) {
      return undefined;
    }
    const parts = inner.split(',');
    const last = parts[parts.length - 1];
    const prefix = last.trimStart();
    return {
      kind: 'item',
      path: [...path, parts.length - 1],
      from: valueOffset + value.length - prefix.length,
      prefix,
      flow: true,
    };
  }
  if (/^[{|>&!*]/.test(value) || /(^|\s)#/.test(value)) {
    return undefined;
  }
  const quote = /^["']/.test(value) ? 1 : 0;
  return {
    kind: 'value',
    path,
    from: valueOffset + quote,
    prefix: value.slice(quote),
  };
}

/**
 * The YAML context at an offset of a text: which node's key, value or item
 * is being typed, and what is typed of it so far. Undefined inside a
 * comment, a block scalar, a flow mapping or a multi-line value, where
 * nothing sensible can be suggested.
 */
export function yamlCursorContext(
  text: string,
  offset: number,
): YamlCursorContext | undefined {
  const starts = lineStarts(text);
  let lineIndex = starts.length - 1;
  while (starts[lineIndex] > offset) {
    lineIndex -= 1;
  }
  const lineStart = starts[lineIndex];
  const scanner = new Scanner();
  for (let i = 0; i < lineIndex; i++) {
    scanner.line(lineAt(text, starts, i));
  }

  const prefixText = text.slice(lineStart, offset);
  if (isDocumentMarker(prefixText) || prefixText.trimStart().startsWith('#')) {
    return undefined;
  }
  const indent = indentOf(prefixText);
  if (scanner.scalarColumn !== undefined && indent > scanner.scalarColumn) {
    return undefined;
  }

  const tokens = tokenize(prefixText);
  const dashes = tokens.filter(token => token.type === 'dash');
  for (const dash of dashes) {
    scanner.dash(dash.column);
  }
  const last = tokens[tokens.length - 1];
  const afterDashes = dashes.length > 0 && (!last || last.type === 'dash');

  if (last?.type === 'key') {
    if (!prefixText.slice(last.column, last.valueColumn).endsWith(' ')) {
      // "key:" with no space yet: a value typed here would not parse.
      return undefined;
    }
    scanner.key(last.column, last.key);
    return valueContext(
      scanner.path(),
      last.value,
      lineStart + last.valueColumn,
    );
  }
  if (prefixText.endsWith('-') && last?.type === 'dash') {
    // "-" with no space yet: not an item until the space is typed.
    return undefined;
  }
  const column = afterDashes || !last ? prefixText.length : last.column;
  const prefix = prefixText.slice(column);
  if (!/^[\w.-]*$/.test(prefix)) {
    return undefined;
  }
  if (afterDashes || (last?.type === 'scalar' && dashes.length > 0)) {
    return {
      kind: 'item',
      path: scanner.path(),
      from: lineStart + column,
      prefix,
      flow: false,
    };
  }
  scanner.keyLevel(column);
  const top = scanner.top();
  const sameLevel = top?.type === 'map' && top.column === column;
  const path = scanner.path();
  const before = sameLevel ? top.keys : [];
  return {
    kind: 'key',
    path: sameLevel ? path.slice(0, -1) : path,
    from: lineStart + column,
    prefix,
    siblings: [
      ...before,
      ...followingSiblings(text, starts, lineIndex, column),
    ],
  };
}

/**
 * The `kind` of the YAML document that holds an offset, when its top level
 * names one.
 */
export function documentKindAt(
  text: string,
  offset: number,
): string | undefined {
  const before = text.slice(0, offset);
  const markers = [...before.matchAll(/^---.*$/gm)];
  const start = markers.length
    ? (markers[markers.length - 1].index ?? 0) +
      markers[markers.length - 1][0].length
    : 0;
  const nextMarker = /^---/m.exec(text.slice(offset));
  const end = nextMarker ? offset + nextMarker.index : text.length;
  const kind = /^kind:[ \t]*["']?([^\s"'#]+)/m.exec(text.slice(start, end));
  return kind?.[1];
}
