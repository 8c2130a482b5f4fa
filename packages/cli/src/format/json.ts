import type { LintReport } from '../lint/types';

/** One problem in the output of `golden-paths lint --format json`. */
export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The field the problem is about, e.g. `spec.lifecycle`; null when none. */
  field: string | null;
  severity: 'error' | 'warning';
}

/** Every problem of every file as one JSON array. */
export function formatJson(report: LintReport): string {
  const all: JsonProblem[] = report.reports.flatMap(({ file, problems }) =>
    problems.map(problem => ({
      file,
      line: problem.line,
      column: problem.column,
      endLine: problem.endLine,
      endColumn: problem.endColumn,
      message: problem.message,
      field: problem.field ?? null,
      severity: problem.severity,
    })),
  );
  return `${JSON.stringify(all, null, 2)}\n`;
}
