import type { LintReport } from '../lint/types';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * One line per problem, `path:line:column: message (field)`, the shape
 * editors and CI problem matchers recognise.
 */
export function formatTextProblems(report: LintReport): string {
  let out = '';
  for (const { file, problems } of report.reports) {
    for (const problem of problems) {
      const field = problem.field ? ` (${problem.field})` : '';
      out += `${file}:${problem.line}:${problem.column}: ${problem.message}${field}\n`;
    }
  }
  return out;
}

/** The closing line, printed on stderr so stdout holds only problems. */
export function formatTextSummary(report: LintReport): string {
  const files = report.reports.filter(r => r.kind === 'file');
  const problemCount = files.reduce((sum, r) => sum + r.problems.length, 0);
  const filesWithProblems = files.filter(r => r.problems.length > 0).length;
  const unmatched = report.reports.length - files.length;
  const checked = `${plural(report.filesChecked, 'file')} checked`;
  const nonCatalog = report.nonCatalogFiles ?? 0;
  const left =
    nonCatalog > 0
      ? `${plural(nonCatalog, 'YAML file')} without catalog entities skipped`
      : '';
  if (problemCount === 0 && unmatched === 0) {
    return `✔ ${checked}, no problems${left ? ` (${left})` : ''}\n`;
  }
  const parts: string[] = [];
  if (problemCount > 0) {
    parts.push(
      `${plural(problemCount, 'problem')} in ${plural(
        filesWithProblems,
        'file',
      )}`,
    );
  }
  if (unmatched > 0) {
    parts.push(
      `${plural(unmatched, 'path')} matched no ${
        unmatched === 1 ? 'file' : 'files'
      }`,
    );
  }
  return `✖ ${parts.join(', ')} (${checked}${left ? `, ${left}` : ''})\n`;
}
