/**
 * Where the cursor is in a YAML document, found by scanning the indentation
 * of the lines before it. A parser is no help here: the text being typed is
 * usually invalid YAML ("lifecy" with no colon yet), and completion has to
 * work on exactly that text.
 */

import {
  indentOf,
  isDocumentMarker,
  isEmptyLine,
  lineAt,
  lineStarts,
  tokenize,
} from './yamlLines';
import { YamlScanner } from './YamlScanner';

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
  const scanner = new YamlScanner();
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
