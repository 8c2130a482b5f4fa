/* Number formats and tables of the Markdown report. */
export const s = (ms: number) => (ms / 1000).toFixed(1);
export const ms = (value: number) => value.toFixed(0);
export const mb = (value: number) => value.toFixed(0);
export const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** A Markdown table, padded the way Prettier formats it. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) =>
    Math.max(3, cell.length, ...rows.map(row => row[i].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    line(widths.map(width => '-'.repeat(width))),
    ...rows.map(line),
  ].join('\n');
}
