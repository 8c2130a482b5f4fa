import { Text } from '@codemirror/state';
import { lineColumnToOffset, problemRange } from './offsets';

const doc = Text.of(['apiVersion: x', 'kind: GoldenPath', '', 'spec:']);

describe('lineColumnToOffset', () => {
  it('converts 1-based lines and columns to offsets', () => {
    expect(lineColumnToOffset(doc, 1, 1)).toBe(0);
    expect(lineColumnToOffset(doc, 1, 13)).toBe(12);
    // 'apiVersion: x\n' is 14 characters long.
    expect(lineColumnToOffset(doc, 2, 1)).toBe(14);
    expect(lineColumnToOffset(doc, 2, 7)).toBe(20);
    expect(doc.sliceString(20, 30)).toBe('GoldenPath');
  });

  it('allows the position just after the last character of a line', () => {
    expect(lineColumnToOffset(doc, 1, 14)).toBe(13);
  });

  it('clamps columns past the end of a line to its end', () => {
    expect(lineColumnToOffset(doc, 1, 99)).toBe(13);
    expect(lineColumnToOffset(doc, 3, 5)).toBe(doc.line(3).from);
  });

  it('clamps lines and columns before the start', () => {
    expect(lineColumnToOffset(doc, 0, 0)).toBe(0);
    expect(lineColumnToOffset(doc, -3, 4)).toBe(3);
    expect(lineColumnToOffset(doc, 2, -1)).toBe(14);
  });

  it('clamps lines past the end to the end of the document', () => {
    expect(lineColumnToOffset(doc, 9, 1)).toBe(doc.length);
  });

  it('treats non-numbers as the start', () => {
    expect(lineColumnToOffset(doc, NaN, NaN)).toBe(0);
  });

  it('works on an empty document', () => {
    expect(lineColumnToOffset(Text.empty, 3, 3)).toBe(0);
    expect(lineColumnToOffset(Text.empty, 1, 1)).toBe(0);
  });
});

describe('problemRange', () => {
  it('returns the range between start and end', () => {
    expect(
      problemRange(doc, { line: 2, column: 7, endLine: 2, endColumn: 17 }),
    ).toEqual({ from: 20, to: 30 });
  });

  it('collapses a missing or inverted end onto the start', () => {
    expect(problemRange(doc, { line: 2, column: 7 })).toEqual({
      from: 20,
      to: 20,
    });
    expect(
      problemRange(doc, { line: 2, column: 7, endLine: 1, endColumn: 1 }),
    ).toEqual({ from: 20, to: 20 });
  });
});
