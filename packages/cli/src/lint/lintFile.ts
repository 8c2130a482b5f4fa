import { readFile, stat } from 'node:fs/promises';
import {
  CatalogKindValidator,
  YamlProblem,
  lintCatalogYaml,
} from '@golden-paths/golden-paths-common';

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
 * Lints one catalog file. Never throws: anything that goes wrong, including
 * a failure of the linter itself, comes back as a problem of the file.
 */
export async function lintFile(
  path: string,
  options: LintFileOptions,
): Promise<YamlProblem[]> {
  try {
    const text = await readText(path);
    if (typeof text !== 'string') {
      return [text];
    }
    return await lintCatalogYaml(text, {
      validators: options.validators,
      allowKinds: options.allowKinds,
      maxBytes: MAX_FILE_BYTES,
    });
  } catch (error) {
    return [fileProblem(errorMessage(error))];
  }
}
