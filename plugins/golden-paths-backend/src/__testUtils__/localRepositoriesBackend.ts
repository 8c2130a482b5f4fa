import { execFileSync } from 'node:child_process';
import type { MockDirectory } from '@backstage/backend-test-utils';
import { testPermissionsFactory } from './testPolicy';
import { type RunningBackend, startGoldenPathsBackend } from './testBackend';

/**
 * Commits everything in `directory` as a new git repository on `main`, as
 * a developer (or an attacker) who owns it would.
 */
export function commitAll(directory: string, author: string): void {
  const email = `${author.toLocaleLowerCase('en-US')}@example.com`;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: directory,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: author,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: author,
        GIT_COMMITTER_EMAIL: email,
      },
    });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', author);
}

/**
 * The real catalog and Golden Paths backend over catalog files and local
 * repositories in `mockDir` (repositories in `repos`), with the test
 * permission policy and an evaluation that runs only when asked.
 */
export function startLocalRepositoriesBackend(
  mockDir: MockDirectory,
  /** Catalog files, relative to `mockDir`. */
  locations: string[],
): Promise<RunningBackend> {
  return startGoldenPathsBackend({
    features: [testPermissionsFactory],
    repositories: mockDir.resolve('repos'),
    locations: locations.map(file => mockDir.resolve(file)),
  });
}
