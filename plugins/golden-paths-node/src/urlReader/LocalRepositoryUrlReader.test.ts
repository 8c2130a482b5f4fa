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

/**
 * The URL readers with the local repository reader over `configData`, and
 * that reader alone (`direct`) with its predicate.
 */
function readersOver(configData: object) {
  const logger = mockServices.logger.mock();
  const reader = UrlReaders.create({
    config: new ConfigReader(configData),
    logger,
    factories: [localRepositoryUrlReaderFactory],
  });
  const [{ reader: direct, predicate }] = localRepositoryUrlReaderFactory({
    config: new ConfigReader(configData),
    logger,
    treeResponseFactory: {} as any,
  });
  return { reader, direct, predicate };
}

describe('LocalRepositoryUrlReader', () => {
  const mockDir = createMockDirectory();
  const repositories = mockDir.resolve('repos');
  const configData = {
    goldenPaths: { scaffolder: { localPublish: { directory: repositories } } },
  };
  const { reader, direct, predicate } = readersOver(configData);

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

  it('leaves a link leading out of the directory out of a tree', async () => {
    const tree = await reader.readTree(url('repos/leaky'));
    expect((await tree.files()).map(f => f.path)).toEqual([
      'catalog-info.yaml',
    ]);
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

  it('leaves a link leading out of the directory out of a glob search', async () => {
    expect((await reader.search(`${url('repos')}/*/leak`)).files).toEqual([]);
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

describe('LocalRepositoryUrlReader with goldenPaths.localRepositories.directories', () => {
  const mockDir = createMockDirectory();
  const configData = {
    goldenPaths: {
      scaffolder: { localPublish: { directory: mockDir.resolve('published') } },
      localRepositories: {
        directories: [mockDir.resolve('examples'), mockDir.resolve('more')],
      },
    },
  };
  const { reader, direct, predicate } = readersOver(configData);

  const url = (path: string) => pathToFileURL(mockDir.resolve(path)).href;

  beforeEach(() => {
    mockDir.setContent({
      published: {
        orders: { 'catalog-info.yaml': 'kind: Component\nname: orders\n' },
      },
      examples: {
        payments: {
          'catalog-info.yaml': 'kind: Component\nname: payments\n',
          k8s: { 'deployment.yaml': 'kind: Deployment\n' },
          '.github': { workflows: { 'ci.yaml': 'name: CI\n' } },
          '.git': { config: '[core]\n', HEAD: 'ref: refs/heads/main\n' },
          'to-outside': ({ symlink }) => symlink('../../outside/secret.txt'),
          'to-published': ({ symlink }) =>
            symlink('../../published/orders/catalog-info.yaml'),
          'to-git': ({ symlink }) => symlink('.git/config'),
        },
      },
      more: { billing: { 'catalog-info.yaml': 'name: billing\n' } },
      'examples-sibling': { 'catalog-info.yaml': 'name: sibling\n' },
      outside: { 'secret.txt': 'secret' },
    });
  });

  it('matches file URLs inside any of the directories, and nothing else', () => {
    expect(predicate(new URL(url('published/orders/catalog-info.yaml')))).toBe(
      true,
    );
    expect(
      predicate(new URL(url('examples/payments/k8s/deployment.yaml'))),
    ).toBe(true);
    expect(predicate(new URL(url('more/billing')))).toBe(true);
    expect(predicate(new URL(url('examples')))).toBe(false);
    expect(predicate(new URL(url('examples-sibling/catalog-info.yaml')))).toBe(
      false,
    );
    expect(predicate(new URL(url('outside/secret.txt')))).toBe(false);
    expect(predicate(new URL(url('examples/payments/.git/config')))).toBe(
      false,
    );
  });

  it('reads a file in a further directory, and still one in the publish directory', async () => {
    const response = await reader.readUrl(
      url('examples/payments/catalog-info.yaml'),
    );
    expect((await response.buffer()).toString()).toBe(
      'kind: Component\nname: payments\n',
    );
    const billing = await reader.readUrl(url('more/billing/catalog-info.yaml'));
    expect((await billing.buffer()).toString()).toBe('name: billing\n');
    const orders = await reader.readUrl(
      url('published/orders/catalog-info.yaml'),
    );
    expect((await orders.buffer()).toString()).toContain('name: orders');
  });

  it('reads a repository tree of a further directory, dot folders included and .git left out', async () => {
    const tree = await reader.readTree(`${url('examples/payments')}/`, {
      filter: path => !path.startsWith('to-'),
    });
    expect((await tree.files()).map(f => f.path).sort()).toEqual([
      '.github/workflows/ci.yaml',
      'catalog-info.yaml',
      'k8s/deployment.yaml',
    ]);
  });

  it('searches with a glob inside a further directory', async () => {
    const result = await reader.search(
      `${url('examples')}/*/catalog-info.yaml`,
    );
    expect(result.files.map(f => f.url)).toEqual([
      url('examples/payments/catalog-info.yaml'),
    ]);
  });

  it.each([
    ['a file outside every directory', () => url('outside/secret.txt')],
    [
      'a sibling whose name starts like a directory',
      () => url('examples-sibling/catalog-info.yaml'),
    ],
    [
      'a path that climbs out of a further directory with ..',
      () => `${url('examples/payments')}/../../outside/secret.txt`,
    ],
    [
      'a path that climbs from one directory into a place no directory holds',
      () => `${url('more/billing')}/../../examples-sibling/catalog-info.yaml`,
    ],
    ['.git of a further directory', () => url('examples/payments/.git/config')],
    ['.git/HEAD', () => url('examples/payments/.git/HEAD')],
    ['a link that leads out', () => url('examples/payments/to-outside')],
    ['a link that leads into .git', () => url('examples/payments/to-git')],
    [
      'a link that leads into another served directory',
      () => url('examples/payments/to-published'),
    ],
    [
      'a glob whose base is outside every directory',
      () => `${url('examples-sibling')}/*.yaml`,
    ],
  ])('refuses %s', async (_what, target) => {
    await expect(reader.readUrl(target())).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
  });

  it('leaves links that lead out of the repository or into .git out of a tree', async () => {
    const tree = await reader.readTree(url('examples/payments'));
    expect((await tree.files()).map(f => f.path).sort()).toEqual([
      '.github/workflows/ci.yaml',
      'catalog-info.yaml',
      'k8s/deployment.yaml',
    ]);
  });

  it('says which directories it serves', () => {
    expect(direct.toString()).toBe(
      `golden-paths-local{directories=${[
        mockDir.resolve('published'),
        mockDir.resolve('examples'),
        mockDir.resolve('more'),
      ].join(',')}}`,
    );
  });
});
