import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import {
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleGoldenPaths from '@golden-paths/catalog-backend-module-golden-paths';
import { goldenPathsLocalUrlReaderServiceFactory } from '@golden-paths/scaffolder-backend-module-golden-paths';
import { testPermissionsFactory } from './testPolicy';
import goldenPathsPlugin from '../index';

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
 * repositories in `root` (repositories in `root/repos`), with the test
 * permission policy and an evaluation that runs only when asked.
 */
export async function startLocalRepositoriesBackend(options: {
  /** Absolute path of a catalog file or folder, given a relative one. */
  resolve: (path: string) => string;
  /** Catalog files, relative to the root. */
  locations: string[];
}): Promise<{ backend: TestBackend; baseUrl: string }> {
  const { resolve, locations } = options;
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleGoldenPaths,
      testPermissionsFactory,
      goldenPathsPlugin,
      urlReaderServiceFactory,
      goldenPathsLocalUrlReaderServiceFactory,
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          goldenPaths: {
            scaffolder: { localPublish: { directory: resolve('repos') } },
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Group', 'User', 'GoldenPath'] }],
            locations: locations.map(file => ({
              type: 'file',
              target: resolve(file),
            })),
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return { backend, baseUrl: `http://localhost:${port}` };
}
