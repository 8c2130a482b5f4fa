import { isAbsolute, relative, sep } from 'node:path';

/** Inside `base` by the text of the path alone, without touching the disk. */
export function isBelow(base: string, path: string): boolean {
  const rel = relative(base, path);
  return (
    rel !== '' &&
    rel !== '..' &&
    !rel.startsWith(`..${sep}`) &&
    !isAbsolute(rel)
  );
}

/** Below `directory` and not inside a `.git` directory there. */
export function isServedBy(directory: string, path: string): boolean {
  return (
    isBelow(directory, path) &&
    !relative(directory, path).split(sep).includes('.git')
  );
}

/** Whether a path holds a glob (`*` or `?`). */
export function hasGlob(path: string): boolean {
  return /[*?]/.test(path);
}
