import { readFile, stat } from 'node:fs/promises';
import {
  CatalogKindValidator,
  YamlProblem,
  lintCatalogYaml,
  parseYamlDocuments,
} from '@golden-paths/golden-paths-common';
import { isCatalogDocument } from './catalogDocuments';

/** Catalog files larger than this are refused unread. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** How much of the start of a file is searched for a NUL byte. */
const BINARY_SNIFF_BYTES = 8 * 1024;

/** Options of {@link lintFile}. */
export interface LintFileOptions {
  validators: ReadonlyArray<CatalogKindValidator>;
  allowKinds?: ReadonlyArray<string>;
}

/** A problem about the file as a whole, placed at its start. */
export function fileProblem(message: string): YamlProblem {
  return {
    message,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
  };
}

function errorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    return 'no such file or directory';
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return 'permission denied';
  }
  if (code === 'EISDIR') {
    return 'is a directory, not a file';
  }
  // Not the file's fault: a bug in a validator or the linter. Still one
  // problem of this file, so the other files are linted and reported.
  return `could not lint the file: ${
    error instanceof Error ? error.message : String(error)
  }`;
}

async function readText(path: string): Promise<string | YamlProblem> {
  // Checked before reading, so a huge file is never loaded and a FIFO or
  // device is never opened.
  const stats = await stat(path);
  if (!stats.isFile()) {
    return fileProblem('not a regular file');
  }
  if (stats.size > MAX_FILE_BYTES) {
    return fileProblem(
      `file is larger than 1 MiB (${stats.size} bytes); catalog files must be smaller`,
    );
  }
  const bytes = await readFile(path);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return fileProblem('file is binary (it contains NUL bytes), not YAML text');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileProblem('file is not valid UTF-8 text');
  }
}

/**
 * What became of a file found by walking a directory or expanding a glob:
 * linted, or left alone because none of its documents is a catalog entity.
 */
export type FoundFileResult =
  | { catalogFile: true; problems: YamlProblem[] }
  | { catalogFile: false };

/**
 * The indexes of the documents that are not catalog entities, or `all` when
 * the file parses cleanly and holds no catalog entity at all. A document
 * that does not parse is never counted as foreign: its syntax error is
 * reported.
 */
function foreignDocuments(
  text: string,
  options: LintFileOptions,
): Set<number> | 'all' {
  const file = parseYamlDocuments(text, { maxBytes: MAX_FILE_BYTES });
  const foreign = new Set(
    file.documents
      .filter(
        document =>
          document.problems.length === 0 &&
          !isCatalogDocument(document.value, options.allowKinds),
      )
      .map(document => document.index),
  );
  if (
    file.problems.length === 0 &&
    file.documents.length > 0 &&
    foreign.size === file.documents.length
  ) {
    return 'all';
  }
  return foreign;
}

async function lintPath(
  path: string,
  options: LintFileOptions,
  catalogDocumentsOnly: boolean,
): Promise<FoundFileResult> {
  try {
    const text = await readText(path);
    if (typeof text !== 'string') {
      return { catalogFile: true, problems: [text] };
    }
    const foreign = catalogDocumentsOnly
      ? foreignDocuments(text, options)
      : new Set<number>();
    if (foreign === 'all') {
      return { catalogFile: false };
    }
    const problems = await lintCatalogYaml(text, {
      validators: options.validators,
      allowKinds: options.allowKinds,
      maxBytes: MAX_FILE_BYTES,
    });
    return {
      catalogFile: true,
      problems: problems.filter(
        problem =>
          problem.documentIndex === undefined ||
          !foreign.has(problem.documentIndex),
      ),
    };
  } catch (error) {
    return { catalogFile: true, problems: [fileProblem(errorMessage(error))] };
  }
}

/**
 * Lints one catalog file. Never throws: anything that goes wrong, including
 * a failure of the linter itself, comes back as a problem of the file.
 */
export async function lintFile(
  path: string,
  options: LintFileOptions,
): Promise<YamlProblem[]> {
  const result = await lintPath(path, options, false);
  return result.catalogFile ? result.problems : [];
}

/**
 * Lints a file that a directory walk or a glob found, rather than one named
 * on the command line: only its catalog documents (see isCatalogDocument)
 * are linted, and a file without any is not a catalog file. Never throws.
 */
export async function lintFoundFile(
  path: string,
  options: LintFileOptions,
): Promise<FoundFileResult> {
  return lintPath(path, options, true);
}
