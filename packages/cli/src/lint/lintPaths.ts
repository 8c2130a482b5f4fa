import { isAbsolute, relative } from 'node:path';
import type { CatalogKindValidator } from '@golden-paths/golden-paths-common';
import { collectFiles } from './collectFiles';
import { fileProblem, lintFile } from './lintFile';
import type { FileReport, LintReport } from './types';
import { catalogValidators } from './validators';

/** Options of {@link lintPaths}. */
export interface LintPathsOptions {
  /** The directory relative paths and globs are resolved from. */
  cwd: string;
  /** Kinds accepted with only the envelope and metadata checked. */
  allowKinds?: ReadonlyArray<string>;
  validators?: ReadonlyArray<CatalogKindValidator>;
}

/** Files read at the same time; linting itself is synchronous CPU work. */
const CONCURRENCY = 8;

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/**
 * Finds the files named by `args` and lints each. Arguments that match
 * nothing become a problem of their own, so they fail the run.
 */
export async function lintPaths(
  args: ReadonlyArray<string>,
  options: LintPathsOptions,
): Promise<LintReport & { skipped: string[] }> {
  const { files, unmatched, skipped } = await collectFiles(args, options.cwd);
  const lintOptions = {
    validators: options.validators ?? catalogValidators,
    allowKinds: options.allowKinds,
  };

  const reports: FileReport[] = unmatched.map(({ argument, message }) => ({
    kind: 'argument',
    file: argument,
    problems: [fileProblem(message)],
  }));
  const fileReports: FileReport[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      fileReports[index] = {
        kind: 'file',
        file: displayPath(options.cwd, files[index]),
        problems: await lintFile(files[index], lintOptions),
      };
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker),
  );
  reports.push(...fileReports);

  return {
    reports,
    filesChecked: files.length,
    skipped: skipped.map(file => displayPath(options.cwd, file)),
  };
}
