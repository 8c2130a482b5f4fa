import { pathToFileURL } from 'node:url';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ServiceFactoryTester,
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import { goldenPathsLocalUrlReaderServiceFactory } from './localRepositoryUrlReaderFactory';

/*
 * Whoever writes one local repository (a developer pushing to it, a template
 * publishing it) must not be able to serve, through a symbolic link, a file
 * of another repository of the same directory or of the host.
 */
describe('LocalRepositoryUrlReader and symbolic links', () => {
  const mockDir = createMockDirectory();
  const url = (path: string) => pathToFileURL(mockDir.resolve(path)).href;
  let reader: UrlReaderService;

  beforeAll(async () => {
    const tester = ServiceFactoryTester.from(urlReaderServiceFactory, {
      dependencies: [
        goldenPathsLocalUrlReaderServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            goldenPaths: {
              scaffolder: {
                localPublish: { directory: mockDir.resolve('repos') },
              },
            },
          },
        }),
      ],
    });
    reader = await tester.getSubject('catalog');
  });

  beforeEach(() => {
    mockDir.setContent({
      repos: {
        attacker: {
          'catalog-info.yaml': 'kind: Component\nname: attacker\n',
          'own-link': ({ symlink }) => symlink('catalog-info.yaml'),
          'to-victim': ({ symlink }) => symlink('../victim/secret.yaml'),
          'victim-folder': ({ symlink }) => symlink('../victim'),
          'to-host': ({ symlink }) => symlink('/etc/hostname'),
        },
        victim: { 'secret.yaml': 'token: victim-secret\n' },
        'victim-alias': ({ symlink }) => symlink('victim'),
      },
    });
  });

  it.each([
    ['a file of another repository', 'repos/attacker/to-victim'],
    [
      'a file through a link to another repository’s folder',
      'repos/attacker/victim-folder/secret.yaml',
    ],
    [
      'a repository folder that is a link to another repository',
      'repos/victim-alias/secret.yaml',
    ],
    ['a file of the host', 'repos/attacker/to-host'],
  ])('refuses to read %s', async (_what, path) => {
    await expect(reader.readUrl(url(path))).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
  });

  it('still reads a link that stays inside its own repository', async () => {
    const response = await reader.readUrl(url('repos/attacker/own-link'));
    expect((await response.buffer()).toString()).toContain('name: attacker');
  });

  it('leaves links to other repositories and to the host out of a tree', async () => {
    const tree = await reader.readTree(url('repos/attacker'));
    const files = await tree.files();
    expect(files.map(f => f.path).sort()).toEqual([
      'catalog-info.yaml',
      'own-link',
    ]);
    const contents = await Promise.all(files.map(f => f.content()));
    expect(contents.join('')).not.toContain('victim-secret');
  });

  it('leaves them out of a search across repositories', async () => {
    const result = await reader.search(`${url('repos')}/**/*`);
    expect(result.files.map(f => f.url).sort()).toEqual([
      url('repos/attacker/catalog-info.yaml'),
      url('repos/attacker/own-link'),
      url('repos/victim/secret.yaml'),
    ]);
    await expect(
      reader.search(`${url('repos/victim-alias')}/*.yaml`),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});
