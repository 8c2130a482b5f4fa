import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  ServiceFactoryTester,
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  UrlReaders,
  urlReaderServiceFactory,
} from '@backstage/backend-defaults/urlReader';
import { ConfigReader } from '@backstage/config';
import {
  goldenPathsLocalUrlReaderServiceFactory,
  localRepositoryUrlReaderFactory,
} from './localRepositoryUrlReaderFactory';

describe('LocalRepositoryUrlReader', () => {
  const mockDir = createMockDirectory();
  const repositories = mockDir.resolve('repos');
  const configData = {
    goldenPaths: { scaffolder: { localPublish: { directory: repositories } } },
  };
  const logger = mockServices.logger.mock();
  const reader = UrlReaders.create({
    config: new ConfigReader(configData),
    logger,
    factories: [localRepositoryUrlReaderFactory],
  });
  const [{ predicate }] = localRepositoryUrlReaderFactory({
    config: new ConfigReader(configData),
    logger,
    treeResponseFactory: {} as any,
  });

  const url = (path: string) => pathToFileURL(mockDir.resolve(path)).href;

  beforeEach(() => {
    mockDir.setContent({
      repos: {
        orders: {
          'catalog-info.yaml': 'kind: Component\n',
          src: { 'app.ts': 'export {};\n' },
          'readme-link': ({ symlink }) => symlink('catalog-info.yaml'),
          '.git': { config: '[core]\n' },
        },
        leaky: {
          'catalog-info.yaml': 'kind: Component\n',
          leak: ({ symlink }) => symlink('../../outside/secret.txt'),
        },
        billing: { 'catalog-info.yaml': 'kind: Component\nname: billing\n' },
      },
      outside: { 'secret.txt': 'secret' },
    });
  });

  it('matches file URLs inside the repositories directory only', () => {
    expect(predicate(new URL(url('repos/orders/catalog-info.yaml')))).toBe(
      true,
    );
    expect(predicate(new URL(url('repos/orders')))).toBe(true);
    expect(predicate(new URL(url('repos')))).toBe(false);
    expect(predicate(new URL(url('outside/secret.txt')))).toBe(false);
    expect(predicate(new URL(url('repos/orders/.git/config')))).toBe(false);
    expect(predicate(new URL('https://example.com/repos/orders'))).toBe(false);
    expect(
      predicate(
        new URL(`file://example.com${mockDir.resolve('repos/orders')}`),
      ),
    ).toBe(false);
  });

  it('reads a file of a published repository with an etag and its modification time', async () => {
    const response = await reader.readUrl(
      url('repos/orders/catalog-info.yaml'),
    );
    expect((await response.buffer()).toString()).toBe('kind: Component\n');
    expect(response.etag).toMatch(/^[0-9a-f]{64}$/);
    expect(response.lastModifiedAt?.getTime()).toEqual(expect.any(Number));
  });

  it('reads through a link that stays inside the directory', async () => {
    const response = await reader.readUrl(url('repos/orders/readme-link'));
    expect((await response.buffer()).toString()).toBe('kind: Component\n');
  });

  it('answers not modified for an unchanged etag, and reads again once the file changed', async () => {
    const fileUrl = url('repos/orders/catalog-info.yaml');
    const { etag } = await reader.readUrl(fileUrl);
    await expect(reader.readUrl(fileUrl, { etag })).rejects.toMatchObject({
      name: 'NotModifiedError',
    });
    await fs.writeFile(
      mockDir.resolve('repos/orders/catalog-info.yaml'),
      'kind: Component\nchanged: true\n',
    );
    const changed = await reader.readUrl(fileUrl, { etag });
    expect(changed.etag).not.toBe(etag);
    expect((await changed.buffer()).toString()).toContain('changed: true');
  });

  it('answers not modified when the file is older than lastModifiedAfter', async () => {
    await expect(
      reader.readUrl(url('repos/orders/catalog-info.yaml'), {
        lastModifiedAfter: new Date(Date.now() + 60_000),
      }),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });
  });

  it.each([
    ['a file outside the directory', () => url('outside/secret.txt')],
    [
      'a path that climbs out with ..',
      () => `${url('repos/orders')}/../../outside/secret.txt`,
    ],
    [
      'a path that climbs out with encoded dots',
      () => `${url('repos/orders')}/%2e%2e/%2e%2e/outside/secret.txt`,
    ],
    ['the .git directory', () => url('repos/orders/.git/config')],
    ['an http URL', () => 'http://localhost:1/repos/orders/catalog-info.yaml'],
  ])('refuses %s', async (_what, target) => {
    await expect(reader.readUrl(target())).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
  });

  it('refuses a link that leads out of the directory', async () => {
    await expect(reader.readUrl(url('repos/leaky/leak'))).rejects.toMatchObject(
      { name: 'NotAllowedError' },
    );
  });

  it('refuses the same link when the reader is asked directly', async () => {
    const [{ reader: direct }] = localRepositoryUrlReaderFactory({
      config: new ConfigReader(configData),
      logger,
      treeResponseFactory: {} as any,
    });
    await expect(direct.readUrl(url('repos/leaky/leak'))).rejects.toMatchObject(
      {
        name: 'NotAllowedError',
        message: expect.stringContaining('through a symbolic link'),
      },
    );
  });

  it('says not found for a missing file', async () => {
    await expect(
      reader.readUrl(url('repos/orders/missing.yaml')),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('reads a repository tree without .git, with an etag and a filter', async () => {
    const tree = await reader.readTree(url('repos/orders'));
    const files = await tree.files();
    expect(files.map(f => f.path).sort()).toEqual([
      'catalog-info.yaml',
      'readme-link',
      'src/app.ts',
    ]);
    const app = files.find(f => f.path === 'src/app.ts');
    expect((await app!.content()).toString()).toBe('export {};\n');

    await expect(
      reader.readTree(url('repos/orders'), { etag: tree.etag }),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });

    const filtered = await reader.readTree(url('repos/orders'), {
      filter: path => path.startsWith('src/'),
    });
    expect((await filtered.files()).map(f => f.path)).toEqual(['src/app.ts']);
  });

  it('extracts a tree into a directory', async () => {
    const tree = await reader.readTree(url('repos/orders'));
    const dir = await tree.dir({ targetDir: mockDir.resolve('extracted') });
    expect(await fs.readFile(`${dir}/src/app.ts`, 'utf8')).toBe('export {};\n');
  });

  it('refuses a tree that holds a link leading out of the directory', async () => {
    await expect(reader.readTree(url('repos/leaky'))).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
  });

  it('searches for one file, as the catalog does when it registers a location', async () => {
    const fileUrl = url('repos/orders/catalog-info.yaml');
    const result = await reader.search(fileUrl);
    expect(result.files.map(f => f.url)).toEqual([fileUrl]);
    expect((await result.files[0].content()).toString()).toBe(
      'kind: Component\n',
    );
    await expect(
      reader.search(fileUrl, { etag: result.etag }),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });
    expect(await reader.search(url('repos/orders/missing.yaml'))).toEqual({
      files: [],
      etag: '',
    });
  });

  it('refuses a glob search that matches a link leading out of the directory', async () => {
    await expect(reader.search(`${url('repos')}/*/leak`)).rejects.toMatchObject(
      { name: 'NotAllowedError' },
    );
  });

  it('searches with a glob across repositories', async () => {
    const result = await reader.search(`${url('repos')}/*/catalog-info.yaml`);
    expect(result.files.map(f => f.url).sort()).toEqual([
      url('repos/billing/catalog-info.yaml'),
      url('repos/leaky/catalog-info.yaml'),
      url('repos/orders/catalog-info.yaml'),
    ]);
    const deep = await reader.search(`${url('repos/orders')}/**/*.ts`);
    expect(deep.files.map(f => f.url)).toEqual([
      url('repos/orders/src/app.ts'),
    ]);
  });

  it('is added to the URL readers of every plugin by the service factory', async () => {
    const tester = ServiceFactoryTester.from(urlReaderServiceFactory, {
      dependencies: [
        goldenPathsLocalUrlReaderServiceFactory,
        mockServices.rootConfig.factory({ data: configData }),
      ],
    });
    const catalogReader = await tester.getSubject('catalog');
    const response = await catalogReader.readUrl(
      url('repos/billing/catalog-info.yaml'),
    );
    expect((await response.buffer()).toString()).toContain('name: billing');
    await expect(
      catalogReader.readUrl(url('outside/secret.txt')),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});
