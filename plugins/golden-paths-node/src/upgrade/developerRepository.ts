import { InputError, NotFoundError } from '@backstage/errors';
import { GitCommandError, gitText, runGit } from './git';
import type { ObjectFormat } from './objectId';

/** What we need to know of a developer's repository, read without writing to it. */
export interface DeveloperRepository {
  gitDir: string;
  /** Absolute path of its object folder (the common one, for a linked worktree). */
  objectsDir: string;
  format: ObjectFormat;
}

/** Reads where a repository keeps its objects and how it names them. */
export async function inspectRepository(
  gitDir: string,
): Promise<DeveloperRepository> {
  let lines: string[];
  try {
    lines = (
      await gitText({
        gitDir,
        args: [
          'rev-parse',
          '--path-format=absolute',
          '--git-path',
          'objects',
          '--show-object-format',
        ],
      })
    ).split('\n');
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new InputError(`"${gitDir}" is not a git repository.`, error);
    }
    throw error;
  }
  return {
    gitDir,
    objectsDir: lines[0],
    format: lines[1] === 'sha256' ? 'sha256' : 'sha1',
  };
}

/** Resolves a revision of the repository to a commit id. */
export async function resolveCommit(
  gitDir: string,
  revision: string,
): Promise<string> {
  if (!revision || revision.startsWith('-')) {
    throw new InputError(`"${revision}" is not a commit.`);
  }
  const { stdout, code } = await runGit({
    gitDir,
    args: ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`],
    okCodes: c => c === 0 || c === 1,
  });
  if (code !== 0) {
    throw new NotFoundError(`The repository has no commit "${revision}".`);
  }
  return stdout.toString('utf8').trim();
}
