/**
 * Node properties (`&anchor`, `!tag`) and the indicators that open a
 * nested block node on the same line: `- ` (list item), `? ` (explicit
 * key) and `: ` (its value).
 */
const LEADING_PROPERTY = /[&!][^\s]*[ \t]+/y;
const NESTING_INDICATOR = /[-?:](?:[ \t]+|$)/y;

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex - at : 0;
}

/**
 * An upper bound of the nesting of a YAML text, without parsing it: block
 * levels from indentation and from every `- `, `? ` or `: ` that opens a
 * node on the same line, flow levels from brackets (counted even inside
 * strings, so this overestimates). The yaml library composes nodes
 * recursively, and a few hundred levels exhaust the stack or make its
 * conversion super-linear, so this runs before it. Returns the 1-based
 * line where `limit` is first exceeded, or 0.
 */
export function lineExceedingDepth(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  for (let lineNumber = 1; lineStart <= text.length; lineNumber++) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#')) {
      const column = line.length - content.length;
      if (column === 0 && /^(---|\.\.\.)(\s|$)/.test(content)) {
        flow = 0;
      }
      while (indents.length > 0 && indents[indents.length - 1] >= column) {
        indents.pop();
      }
      indents.push(column);
      for (let at = column; at < line.length; ) {
        const indicator = matchAt(NESTING_INDICATOR, line, at);
        const length = indicator || matchAt(LEADING_PROPERTY, line, at);
        if (length === 0) {
          break;
        }
        at += length;
        if (indicator) {
          indents.push(at);
          if (indents.length > limit) {
            return lineNumber;
          }
        }
      }
    }
    for (let c = 0; c < line.length; c++) {
      const ch = line.charCodeAt(c);
      if (ch === 0x5b || ch === 0x7b) {
        flow++;
        if (flow > limit) {
          return lineNumber;
        }
      } else if ((ch === 0x5d || ch === 0x7d) && flow > 0) {
        flow--;
      }
    }
    if (indents.length > limit) {
      return lineNumber;
    }
    if (newline === -1) {
      break;
    }
  }
  return 0;
}
