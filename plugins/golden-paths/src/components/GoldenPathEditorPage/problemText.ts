import type { YamlProblem } from '@golden-paths/golden-paths-common';

/** A problem's message with the field it is about, e.g. `... (spec.lifecycle)`. */
export function problemMessage(problem: YamlProblem): string {
  return problem.field
    ? `${problem.message} (${problem.field})`
    : problem.message;
}

/** A problem as one line: `line 7, column 14: message (field)`. */
export function problemText(problem: YamlProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problemMessage(
    problem,
  )}`;
}
