import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import { errorCode } from '@golden-paths/golden-paths-node';
import git from 'isomorphic-git';
import { type SourceTreeEntry, copySourceTree } from './sourceTree';

const fs = nodeFs.promises;

/**
 * Refuses a repository name that is taken in the local repositories
 * directory, by a repository or by anything else (a symbolic link there
 * would lead the publication elsewhere). `repoName` is a single path
 * segment, so this is its own entry of the directory, whatever it is.
 */
export async function assertRepositoryNameFree(
  directory: string,
  repoName: string,
): Promise<void> {
  const existing = await fs.lstat(join(directory, repoName)).catch(error => {
    if (errorCode(error) === 'ENOENT') {
      return undefined;
    }
    throw error;
  });
  if (existing) {
    throw new ConflictError(
      existing.isSymbolicLink()
        ? `a symbolic link named ${repoName} is in the way in the local repositories directory; refusing to publish through it`
        : `a repository named ${repoName} already exists in the local repositories directory; choose another name`,
    );
  }
}

/** What {@link createLocalRepository} publishes, and where. */
export interface LocalRepositoryOptions {
  /** The local repositories directory. */
  directory: string;
  /** The repository's name: one path segment, not starting with a dot. */
  repoName: string;
  /** Where the repository goes: `repoName` inside `directory`. */
  target: string;
  /** The directory to publish, and its entries as collectSourceTree listed them. */
  source: string;
  entries: SourceTreeEntry[];
  defaultBranch: string;
  message: string;
  author: { name: string; email: string };
  /** Written to `.git/description` when given. */
  description?: string;
}

/**
 * Publishes a directory as a new git repository with one commit, and returns
 * the commit. The repository is built aside under a name no repository name
 * can take (it starts with a dot), read back, and moved into place in one
 * rename, so a failure leaves nothing behind.
 */
export async function createLocalRepository(
  options: LocalRepositoryOptions,
): Promise<string> {
  const { directory, repoName, target } = options;
  await assertRepositoryNameFree(directory, repoName);
  await fs.mkdir(directory, { recursive: true });
  const temporary = join(
    directory,
    `.${repoName}.tmp-${randomBytes(6).toString('hex')}`,
  );
  try {
    await fs.mkdir(temporary);
    await copySourceTree(options.source, options.entries, temporary);
    await git.init({
      fs: nodeFs,
      dir: temporary,
      defaultBranch: options.defaultBranch,
    });
    await git.add({ fs: nodeFs, dir: temporary, filepath: '.' });
    const commitHash = await git.commit({
      fs: nodeFs,
      dir: temporary,
      message: options.message,
      author: options.author,
    });
    if (options.description) {
      await fs.writeFile(
        join(temporary, '.git', 'description'),
        `${options.description.replace(/[\r\n]+/g, ' ')}\n`,
        'utf8',
      );
    }

    // Read the repository back before handing it over.
    const head = await git.resolveRef({
      fs: nodeFs,
      dir: temporary,
      ref: 'HEAD',
    });
    const committed = await git.listFiles({
      fs: nodeFs,
      dir: temporary,
      ref: 'HEAD',
    });
    if (head !== commitHash) {
      throw new Error(
        'the new repository could not be read back after the commit',
      );
    }
    if (committed.length === 0) {
      throw new InputError(
        'there is nothing to publish: .gitignore leaves out every file',
      );
    }

    if (await fs.lstat(target).catch(() => undefined)) {
      throw new ConflictError(
        `a repository named ${repoName} was created in the local repositories directory while this one was being built; choose another name`,
      );
    }
    await fs.rename(temporary, target);
    return commitHash;
  } catch (error) {
    await fs.rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
