import type { Text } from '@codemirror/state';

/** A range in a document, as 1-based lines and columns. */
export interface LineColumnRange {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * The document offset of a 1-based line and column. Positions outside the
 * document are clamped to it: problems can outlive the text they were found
 * in by a keystroke, and CodeMirror throws on offsets past the end.
 */
export function lineColumnToOffset(
  doc: Text,
  line: number,
  column: number,
): number {
  const safeLine = Number.isFinite(line) ? Math.trunc(line) : 1;
  const safeColumn = Number.isFinite(column) ? Math.trunc(column) : 1;
  if (safeLine > doc.lines) {
    return doc.length;
  }
  const docLine = doc.line(clamp(safeLine, 1, doc.lines));
  return docLine.from + clamp(safeColumn, 1, docLine.length + 1) - 1;
}

/**
 * The document range of a problem. An empty or inverted end becomes the
 * start, so CodeMirror shows a point marker instead of throwing.
 */
export function problemRange(
  doc: Text,
  range: LineColumnRange,
): { from: number; to: number } {
  const from = lineColumnToOffset(doc, range.line, range.column);
  const to =
    range.endLine === undefined || range.endColumn === undefined
      ? from
      : lineColumnToOffset(doc, range.endLine, range.endColumn);
  return { from, to: Math.max(from, to) };
}
