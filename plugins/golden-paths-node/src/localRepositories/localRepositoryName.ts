import { relative, sep } from 'node:path';

/**
 * What users call a local repository: its folder relative to the
 * configured directory that holds it most closely (`orders-api`), with `/`
 * between folders. API answers and errors name local repositories this way,
 * never by the host's absolute path. Undefined outside every directory.
 */
export function localRepositoryName(
  path: string,
  directories: ReadonlyArray<string>,
): string | undefined {
  let best: string | undefined;
  for (const directory of directories) {
    const rel = relative(directory, path);
    if (
      rel !== '' &&
      rel !== '..' &&
      !rel.startsWith(`..${sep}`) &&
      !rel.startsWith(sep) &&
      (best === undefined || rel.length < best.length)
    ) {
      best = rel;
    }
  }
  return best?.split(sep).join('/');
}
