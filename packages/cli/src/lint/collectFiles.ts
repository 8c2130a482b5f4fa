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

/** The files to lint, found from the command-line arguments. */
export interface CollectedFiles {
  /** Absolute paths, each once, in argument order (sorted within each). */
  files: string[];
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
  const result: CollectedFiles = { files: [], unmatched: [], skipped: [] };
  const add = (files: string[]) => {
    for (const file of files.sort()) {
      if (!seen.has(file)) {
        seen.add(file);
        result.files.push(file);
      }
    }
  };

  for (const argument of args) {
    const absolute = resolve(cwd, argument);
    const stats = await statOrUndefined(absolute);
    if (stats?.isDirectory()) {
      const files = await yamlFilesUnder(absolute);
      if (files.length === 0) {
        result.unmatched.push({
          argument,
          message: 'directory has no .yaml or .yml files',
        });
      }
      add(files.map(file => resolve(file)));
    } else if (stats) {
      if (isYamlFile(absolute)) {
        add([absolute]);
      } else {
        result.skipped.push(absolute);
      }
    } else if (isDynamicPattern(argument)) {
      const files = await glob(argument, {
        cwd,
        absolute: true,
        dot: false,
        followSymbolicLinks: false,
        expandDirectories: false,
        ignore: IGNORED,
      }).then(matches => matches.filter(isYamlFile));
      if (files.length === 0) {
        result.unmatched.push({
          argument,
          message: 'no .yaml or .yml files match the glob',
        });
      }
      add(files.map(file => resolve(file)));
    } else {
      result.unmatched.push({ argument, message: 'no such file or directory' });
    }
  }
  return result;
}
