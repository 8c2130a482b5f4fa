import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

const YAML_EXTENSIONS = ['.yaml', '.yml'];

// Software template skeletons hold nunjucks templates of files (mkdocs.yml,
// workflows), not catalog entities; walking a directory or a glob skips them.
// A skeleton file named directly on the command line is still linted.
const IGNORED = ['**/node_modules/**', '**/skeleton/**'];

/** A command-line argument that named nothing to lint. */
export interface UnmatchedArgument {
  /** The argument as given. */
  argument: string;
  message: string;
}

/** The YAML files one directory or glob argument found. */
export interface FoundFiles {
  /** The argument as given. */
  argument: string;
  kind: 'directory' | 'glob';
  /** Absolute paths. */
  files: string[];
}

/** The files to lint, found from the command-line arguments. */
export interface CollectedFiles {
  /** Absolute paths, each once, in argument order (sorted within each). */
  files: string[];
  /**
   * The files named directly on the command line (absolute paths). They are
   * linted in full; files only found by a directory walk or a glob are
   * linted for their catalog documents.
   */
  named: string[];
  /** What each directory and glob argument found, to tell which found no catalog file. */
  found: FoundFiles[];
  /** Arguments that matched nothing; each is an error. */
  unmatched: UnmatchedArgument[];
  /** Files named explicitly that are not YAML, so were not linted. */
  skipped: string[];
}

/**
 * Whether a file is YAML by its name.
 */
export function isYamlFile(path: string): boolean {
  return YAML_EXTENSIONS.includes(extname(path).toLocaleLowerCase('en-US'));
}

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

async function yamlFilesUnder(dir: string): Promise<string[]> {
  // dot: false keeps dot folders (.git, .github) and dotfiles out, so CI
  // configuration is not mistaken for catalog files. Symbolic links are not
  // followed, so a link cycle cannot make the walk endless.
  return glob(['**/*.yaml', '**/*.yml'], {
    cwd: dir,
    absolute: true,
    caseSensitiveMatch: false,
    dot: false,
    followSymbolicLinks: false,
    expandDirectories: false,
    ignore: IGNORED,
  });
}

/**
 * Expands the arguments of `golden-paths lint`: a directory becomes every
 * YAML file under it, a glob its YAML matches, a file itself. Shell expansion
 * of `dir/*` hands us whatever lies in the directory (a README, say), so a
 * non-YAML file named directly is reported as skipped rather than linted as
 * YAML, the way ESLint treats files its configuration does not cover.
 */
export async function collectFiles(
  args: ReadonlyArray<string>,
  cwd: string,
): Promise<CollectedFiles> {
  const seen = new Set<string>();
  const result: CollectedFiles = {
    files: [],
    named: [],
    found: [],
    unmatched: [],
    skipped: [],
  };
  const add = (files: string[]) => {
    for (const file of files.sort()) {
      if (!seen.has(file)) {
        seen.add(file);
        result.files.push(file);
      }
    }
  };

  // A directory or glob argument: its files, or the argument as unmatched.
  const addFound = (
    argument: string,
    kind: FoundFiles['kind'],
    files: string[],
    emptyMessage: string,
  ) => {
    if (files.length === 0) {
      result.unmatched.push({ argument, message: emptyMessage });
      return;
    }
    const resolved = files.map(file => resolve(file));
    result.found.push({ argument, kind, files: resolved });
    add(resolved);
  };

  for (const argument of args) {
    const absolute = resolve(cwd, argument);
    const stats = await statOrUndefined(absolute);
    if (stats?.isDirectory()) {
      addFound(
        argument,
        'directory',
        await yamlFilesUnder(absolute),
        'directory has no .yaml or .yml files',
      );
    } else if (stats) {
      if (isYamlFile(absolute)) {
        if (!result.named.includes(absolute)) {
          result.named.push(absolute);
        }
        add([absolute]);
      } else {
        result.skipped.push(absolute);
      }
    } else if (isDynamicPattern(argument)) {
      const matches = await glob(argument, {
        cwd,
        absolute: true,
        dot: false,
        followSymbolicLinks: false,
        expandDirectories: false,
        ignore: IGNORED,
      });
      addFound(
        argument,
        'glob',
        matches.filter(isYamlFile),
        'no .yaml or .yml files match the glob',
      );
    } else {
      result.unmatched.push({ argument, message: 'no such file or directory' });
    }
  }
  return result;
}
