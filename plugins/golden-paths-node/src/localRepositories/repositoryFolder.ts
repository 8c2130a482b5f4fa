import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * The repository a path of a local repositories directory belongs to.
 *
 * @public
 */
export interface LocalRepositoryFolder {
  /** The served directory that holds the path most closely, as configured. */
  directory: string;
  /** The repository: the first folder below `directory`, as written. */
  folder: string;
  /**
   * Where every read of the repository must stay once symbolic links are
   * resolved: the served directory's real path joined with the folder's
   * name. A folder that is itself a link to elsewhere resolves outside it.
   */
  realFolder: string;
}

function segmentsBelow(base: string, path: string): string[] | undefined {
  const rel = relative(base, path);
  if (
    rel === '' ||
    rel === '..' ||
    rel.startsWith(`..${sep}`) ||
    isAbsolute(rel)
  ) {
    return undefined;
  }
  return rel.split(sep);
}

/**
 * The repository folder that holds an absolute `path` (the path itself when
 * it is a repository folder), by the text of the path: the first folder
 * below the innermost of `directories` that holds it. Undefined when no
 * directory holds it. Resolves the directory's real path.
 *
 * @public
 */
export async function findLocalRepositoryFolder(
  path: string,
  directories: ReadonlyArray<string>,
): Promise<LocalRepositoryFolder | undefined> {
  let best: { directory: string; name: string } | undefined;
  for (const directory of directories) {
    const segments = segmentsBelow(directory, path);
    if (segments && (!best || directory.length > best.directory.length)) {
      best = { directory, name: segments[0] };
    }
  }
  if (!best) {
    return undefined;
  }
  return {
    directory: best.directory,
    folder: join(best.directory, best.name),
    realFolder: join(await realpath(best.directory), best.name),
  };
}

/**
 * `path` with every symbolic link resolved, when that stays inside the
 * repository's `realFolder` (or is it); undefined when it leads anywhere
 * else: another repository of the same directory, another directory, the
 * host. Rejects like `realpath` when the path does not exist.
 *
 * @public
 */
export async function realPathInRepository(
  path: string,
  repository: Pick<LocalRepositoryFolder, 'realFolder'>,
): Promise<string | undefined> {
  const real = await realpath(path);
  return real === repository.realFolder ||
    segmentsBelow(repository.realFolder, real)
    ? real
    : undefined;
}
