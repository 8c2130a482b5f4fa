import { isAbsolute, relative } from 'node:path';
import type { CatalogKindValidator } from '@golden-paths/golden-paths-common';
import { isCatalogInfoFile } from './catalogDocuments';
import { collectFiles } from './collectFiles';
import {
  FoundFileResult,
  fileProblem,
  lintFile,
  lintFoundFile,
} from './lintFile';
import type { FileReport, LintReport } from './types';
import { catalogValidators } from '@golden-paths/golden-paths-common';

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
 * nothing become a problem of their own, so they fail the run. Files named
 * on the command line, and every `catalog-info.yaml`, are linted in full;
 * other files a directory walk or a glob found are linted for their catalog
 * documents only, and left alone when they hold none (see
 * isCatalogDocument).
 */
export async function lintPaths(
  args: ReadonlyArray<string>,
  options: LintPathsOptions,
): Promise<LintReport & { skipped: string[] }> {
  const { files, named, found, unmatched, skipped } = await collectFiles(
    args,
    options.cwd,
  );
  const lintOptions = {
    validators: options.validators ?? catalogValidators,
    allowKinds: options.allowKinds,
  };
  const lintedInFull = new Set(named);

  const results: FoundFileResult[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      results[index] =
        lintedInFull.has(file) || isCatalogInfoFile(file)
          ? {
              catalogFile: true,
              problems: await lintFile(file, lintOptions),
            }
          : await lintFoundFile(file, lintOptions);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker),
  );

  const nonCatalog = new Set(
    files.filter((_, index) => !results[index].catalogFile),
  );
  const reports: FileReport[] = unmatched.map(({ argument, message }) => ({
    kind: 'argument',
    file: argument,
    problems: [fileProblem(message)],
  }));
  // A directory or glob whose YAML files are all something else than
  // catalog files was most likely meant to hold catalog files of a custom
  // kind, linted without --allow-kind; passing silently would hide that.
  for (const { argument, kind, files: argumentFiles } of found) {
    if (argumentFiles.every(file => nonCatalog.has(file))) {
      reports.push({
        kind: 'argument',
        file: argument,
        problems: [
          fileProblem(
            `${
              kind === 'directory' ? 'directory has' : 'the glob matches'
            } no catalog files: its ${argumentFiles.length} YAML ${
              argumentFiles.length === 1 ? 'file holds' : 'files hold'
            } no backstage.io or golden-paths.dev entities (name custom kinds with --allow-kind)`,
          ),
        ],
      });
    }
  }
  files.forEach((file, index) => {
    const result = results[index];
    if (result.catalogFile) {
      reports.push({
        kind: 'file',
        file: displayPath(options.cwd, file),
        problems: result.problems,
      });
    }
  });

  return {
    reports,
    filesChecked: files.length - nonCatalog.size,
    nonCatalogFiles: nonCatalog.size,
    skipped: skipped.map(file => displayPath(options.cwd, file)),
  };
}
