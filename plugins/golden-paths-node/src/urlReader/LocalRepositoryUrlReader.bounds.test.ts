import { promises as fs } from 'node:fs';
import { join } from 'node:path';
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
 * What someone who may register a catalog location can make the local
 * repository reader do: the repositories here are as large, deep or
 * many-filed as a hostile repository could be, and the reader is the one
 * the catalog gets from the URL reader service.
 */

const MIB = 1024 * 1024;
const FILE_COUNT = 5000;
const FILE_BYTES = 64 * 1024;

/** Bytes held outside the JavaScript heap: where file contents go. */
const bufferBytes = () => process.memoryUsage().arrayBuffers;

async function catalogUrlReader(data: object): Promise<UrlReaderService> {
  const tester = ServiceFactoryTester.from(urlReaderServiceFactory, {
    dependencies: [
      goldenPathsLocalUrlReaderServiceFactory,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return tester.getSubject('catalog');
}

/** 5,000 files of 64 KiB (sparse: no disk used) in 50 folders, and one README. */
async function writeLargeRepository(root: string) {
  for (let folder = 0; folder < FILE_COUNT / 100; folder++) {
    const dir = join(root, `folder-${folder}`);
    await fs.mkdir(dir, { recursive: true });
    for (let file = 0; file < 100; file++) {
      const path = join(dir, `file-${file}.bin`);
      await fs.writeFile(path, '');
      await fs.truncate(path, FILE_BYTES);
    }
  }
  await fs.writeFile(join(root, 'README.md'), '# large\n');
}

describe('LocalRepositoryUrlReader bounds', () => {
  const mockDir = createMockDirectory();
  const repositories = mockDir.resolve('repos');
  const url = (path: string) => pathToFileURL(mockDir.resolve(path)).href;
  let reader: UrlReaderService;
  let limited: UrlReaderService;

  beforeAll(async () => {
    mockDir.setContent({
      repos: {
        large: {},
        huge: {},
        medium: {},
        deep: {
          [`${'a/'.repeat(40)}y.yaml`]: 'kind: Component\n',
          'x.yaml': 'kind: Component\n',
        },
      },
    });
    await writeLargeRepository(mockDir.resolve('repos/large'));
    await fs.writeFile(mockDir.resolve('repos/huge/big.bin'), '');
    await fs.truncate(mockDir.resolve('repos/huge/big.bin'), 256 * MIB);
    await fs.writeFile(mockDir.resolve('repos/huge/small.txt'), 'small\n');
    for (let file = 0; file < 5; file++) {
      const path = mockDir.resolve(`repos/medium/file-${file}.bin`);
      await fs.writeFile(path, '');
      await fs.truncate(path, 900 * 1024);
    }
    reader = await catalogUrlReader({
      goldenPaths: {
        scaffolder: { localPublish: { directory: repositories } },
      },
    });
    limited = await catalogUrlReader({
      goldenPaths: {
        scaffolder: { localPublish: { directory: repositories } },
        localRepositories: {
          limits: {
            maxFileBytes: MIB,
            maxTreeFiles: 50,
            maxTreeBytes: 4 * MIB,
            maxTreeEntries: 1000,
          },
        },
      },
    });
  }, 120_000);

  it('reads only the file the filter keeps from a repository of 5,000 files', async () => {
    const before = bufferBytes();
    const started = performance.now();
    const tree = await reader.readTree(url('repos/large'), {
      filter: path => path === 'README.md',
    });
    const elapsed = performance.now() - started;
    const held = bufferBytes() - before;
    // Before: 1.7 s and 312 MiB of buffers held; now about 0.2 to 0.6 s.
    expect(elapsed).toBeLessThan(60_000);
    const files = await tree.files();
    expect(files.map(f => f.path)).toEqual(['README.md']);
    expect((await files[0].content()).toString()).toBe('# large\n');
    // The 5,000 files hold 312 MiB; reading them whole would hold that.
    expect(held).toBeLessThan(16 * MIB);
  }, 120_000);

  it('refuses a file bigger than maxFileBytes without reading it', async () => {
    const before = bufferBytes();
    const started = performance.now();
    await expect(
      limited.readUrl(url('repos/huge/big.bin')),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'goldenPaths.localRepositories.limits.maxFileBytes',
      ),
    });
    // Refused in a few milliseconds, without reading the file.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(bufferBytes() - before).toBeLessThan(16 * MIB);
    // A filter that leaves the big file out reads the rest of the tree.
    const tree = await limited.readTree(url('repos/huge'), {
      filter: (_path, info) => (info?.size ?? 0) <= MIB,
    });
    expect((await tree.files()).map(f => f.path)).toEqual(['small.txt']);
  }, 120_000);

  it('refuses a tree with more files, bytes or entries than its limits', async () => {
    await expect(limited.readTree(url('repos/large'))).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'goldenPaths.localRepositories.limits.maxTreeFiles',
      ),
    });
    await expect(limited.readTree(url('repos/medium'))).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'goldenPaths.localRepositories.limits.maxTreeBytes',
      ),
    });
    await expect(
      limited.readTree(url('repos/large'), {
        filter: path => path === 'README.md',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'goldenPaths.localRepositories.limits.maxTreeEntries',
      ),
    });
    await expect(
      limited.search(`${url('repos/large')}/**/*.bin`),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'goldenPaths.localRepositories.limits.maxTreeFiles',
      ),
    });
  }, 120_000);

  it('stops reading a large tree promptly when its signal aborts', async () => {
    await expect(
      reader.readTree(url('repos/large'), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });

    const controller = new AbortController();
    const started = performance.now();
    const reading = reader.readTree(url('repos/large'), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2_000);
  }, 120_000);

  it('matches a pattern of many globstars against a deep path in milliseconds', async () => {
    // Every file but one fails to match, after trying every way to split
    // its 41 folders among the globstars.
    const pattern = `${'**/'.repeat(8)}x.yaml`;
    const started = performance.now();
    const result = await reader.search(`${url('repos/deep')}/${pattern}`);
    const elapsed = performance.now() - started;
    expect(result.files.map(f => f.url)).toEqual([url('repos/deep/x.yaml')]);
    expect(elapsed).toBeLessThan(1_000);
  }, 120_000);

  it('matches ** across folders, * and ? within one, and refuses oversized globs', async () => {
    const deepFile = url(`repos/deep/${'a/'.repeat(40)}y.yaml`);
    const search = async (pattern: string) =>
      (await reader.search(`${url('repos/deep')}/${pattern}`)).files.map(
        f => f.url,
      );
    expect(await search('**/y.yaml')).toEqual([deepFile]);
    expect(await search('**/a/**/?.yaml')).toEqual([deepFile]);
    expect(await search('*.yaml')).toEqual([url('repos/deep/x.yaml')]);
    expect(await search('a/*/y.yaml')).toEqual([]);
    await expect(search(`${'**/'.repeat(17)}x.yaml`)).rejects.toMatchObject({
      name: 'InputError',
    });
    await expect(search(`${'a'.repeat(1025)}*`)).rejects.toMatchObject({
      name: 'InputError',
    });
  });
});
