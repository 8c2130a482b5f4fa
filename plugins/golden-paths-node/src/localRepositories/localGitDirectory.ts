import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { NotAllowedError } from '@backstage/errors';
import {
  findLocalRepositoryFolder,
  realPathInRepository,
} from './repositoryFolder';

/**
 * Refuses a local repository whose folder or `.git` is a symbolic link that
 * leads out of its own repository folder (into another repository of the
 * same directory, or anywhere else), so that git reads, and an upgrade
 * writes its branch into, only the repository the component names. The
 * `.git` must be a real folder, not a link or a `gitdir:` file.
 *
 * @public
 */
export async function assertOwnGitDirectory(
  directory: string,
  directories: ReadonlyArray<string>,
): Promise<void> {
  const refuse = () =>
    new NotAllowedError(
      `The component's repository leads outside its own folder through a symbolic link, or its .git is not a folder of its own`,
    );
  const repository = await findLocalRepositoryFolder(directory, directories);
  if (!repository) {
    throw refuse();
  }
  const real = await realPathInRepository(directory, repository);
  const realGit = await realPathInRepository(
    join(directory, '.git'),
    repository,
  );
  const gitStats = await lstat(join(directory, '.git'));
  if (
    !real ||
    !realGit ||
    realGit !== join(real, '.git') ||
    !gitStats.isDirectory()
  ) {
    throw refuse();
  }
}
