import { join, resolve } from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  resolveLocalRepositoriesDirectory,
  resolveReadableRepositoryDirectories,
} from './localRepositoriesDirectory';

describe('resolveReadableRepositoryDirectories', () => {
  const cwd = resolve('/srv/portal/packages/backend');

  beforeEach(() => {
    jest.spyOn(process, 'cwd').mockReturnValue(cwd);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('serves the publish directory alone by default', () => {
    const config = new ConfigReader({});
    expect(resolveReadableRepositoryDirectories(config)).toEqual([
      join(cwd, '.data/repositories'),
    ]);
    expect(resolveLocalRepositoriesDirectory(config)).toBe(
      join(cwd, '.data/repositories'),
    );
  });

  it('resolves further directories against the working directory, like the publish directory, each once', () => {
    const config = new ConfigReader({
      goldenPaths: {
        scaffolder: { localPublish: { directory: '../../.data/repositories' } },
        localRepositories: {
          directories: [
            '../../examples/repositories',
            '/var/lib/repositories',
            '../../.data/repositories',
            '../../examples/repositories/',
          ],
        },
      },
    });
    expect(resolveReadableRepositoryDirectories(config)).toEqual([
      resolve('/srv/portal/.data/repositories'),
      resolve('/srv/portal/examples/repositories'),
      resolve('/var/lib/repositories'),
    ]);
  });

  it('leaves the publish directory out when local publishing is off', () => {
    const config = new ConfigReader({
      goldenPaths: {
        scaffolder: { localPublish: { enabled: false } },
        localRepositories: { directories: ['/var/lib/repositories'] },
      },
    });
    expect(resolveReadableRepositoryDirectories(config)).toEqual([
      resolve('/var/lib/repositories'),
    ]);
    expect(
      resolveReadableRepositoryDirectories(
        new ConfigReader({
          goldenPaths: { scaffolder: { localPublish: { enabled: false } } },
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    [['  '], /directories\[0\] is empty/],
    [['repos', '/'], /directories\[1\] is the root of the file system/],
  ])('refuses %j', (directories, message) => {
    const config = new ConfigReader({
      goldenPaths: { localRepositories: { directories } },
    });
    expect(() => resolveReadableRepositoryDirectories(config)).toThrow(message);
  });

  it('refuses a value that is not a list of strings', () => {
    const config = new ConfigReader({
      goldenPaths: { localRepositories: { directories: 'examples' } },
    });
    expect(() => resolveReadableRepositoryDirectories(config)).toThrow(
      /goldenPaths\.localRepositories\.directories/,
    );
  });
});
