import { InputError } from '@backstage/errors';

// Names git itself refuses in a tree (fsck's hasDotgit, including the
// spellings NTFS and HFS+ treat as `.git`).
function isDotGit(component: string): boolean {
  const name = component
    .toLowerCase()
    .replace(/[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g, '')
    .replace(/[ .]+$/, '');
  return name === '.git' || name === 'git~1' || name.startsWith('.git:');
}

/**
 * Throws an `InputError` unless `path` is a relative path git can store:
 * `/` separators, no empty, `.` or `..` components, no `.git`.
 */
export function assertTreePath(path: string, side: string): void {
  const problem =
    (path.length === 0 && 'is empty') ||
    (path.includes('\0') && 'holds a NUL character') ||
    (path.includes('\\') && 'holds a backslash (use / between folders)') ||
    (path.split('/').some(c => c === '' || c === '.' || c === '..') &&
      'is not a plain relative path') ||
    (path.split('/').some(isDotGit) && 'names a .git folder');
  if (problem) {
    throw new InputError(`The ${side} file path "${path}" ${problem}.`);
  }
}

/** Throws an `InputError` when two files share a path. */
export function assertUniquePaths(paths: Iterable<string>, side: string) {
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) {
      throw new InputError(`The ${side} files hold "${path}" twice.`);
    }
    seen.add(path);
  }
}

/**
 * A test for paths left out of a merge: an entry names a file, or a folder
 * and everything under it.
 */
export function exclusionMatcher(
  exclude: string[] = [],
): (path: string) => boolean {
  const names = exclude.map(e => e.replace(/\/+$/, '')).filter(Boolean);
  return path => names.some(n => path === n || path.startsWith(`${n}/`));
}
