import { formatJson } from '../format/json';
import { formatTextProblems, formatTextSummary } from '../format/text';
import { lintPaths } from '../lint/lintPaths';
import { CommandIo, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, processIo } from './io';

/** Options of `golden-paths lint`, as commander parses them. */
export interface LintCommandOptions {
  allowKind?: string[];
  format?: string;
}

/**
 * `golden-paths lint <paths...>`. Resolves to the exit code: 0 when every
 * file is clean, 1 when there is any problem, 2 on a usage error.
 */
export async function lint(
  paths: ReadonlyArray<string>,
  options: LintCommandOptions,
  io: CommandIo = processIo(),
): Promise<number> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(
      `golden-paths lint: unknown format "${format}"; use text or json\n`,
    );
    return EXIT_USAGE;
  }
  if (paths.length === 0) {
    io.stderr('golden-paths lint: name at least one file, directory or glob\n');
    return EXIT_USAGE;
  }
  // `--allow-kind A,B` and `--allow-kind A B` both work.
  const allowKinds = (options.allowKind ?? [])
    .flatMap(kind => kind.split(','))
    .map(kind => kind.trim())
    .filter(Boolean);

  const report = await lintPaths(paths, { cwd: io.cwd, allowKinds });

  if (format === 'json') {
    io.stdout(formatJson(report));
  } else {
    for (const file of report.skipped) {
      io.stderr(`${file}: skipped, not a .yaml or .yml file\n`);
    }
    io.stdout(formatTextProblems(report));
    io.stderr(formatTextSummary(report));
  }
  return report.reports.some(r => r.problems.length > 0)
    ? EXIT_PROBLEMS
    : EXIT_OK;
}
