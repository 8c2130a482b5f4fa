import type { UrlReaderServiceReadTreeResponse } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { DatabaseEvaluationStore } from '../../database/DatabaseEvaluationStore';
import { DEFAULT_REPOSITORY_LIMITS } from './RepositoryLimits';
import { RepositoryReader } from './RepositoryReader';

function tree(
  etag: string,
  files: Record<string, string>,
): UrlReaderServiceReadTreeResponse {
  return {
    etag,
    files: async () =>
      Object.entries(files).map(([path, content]) => ({
        path,
        content: async () => Buffer.from(content),
      })),
    archive: async () => {
      throw new Error('not used');
    },
    dir: async () => {
      throw new Error('not used');
    },
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('RepositoryReader', () => {
  async function setup(limits = DEFAULT_REPOSITORY_LIMITS) {
    const store = await DatabaseEvaluationStore.create({
      database: mockServices.database({
        knex: await databases.init('SQLITE_3'),
      }),
    });
    const urlReader = mockServices.urlReader.mock();
    const reader = new RepositoryReader({
      urlReader,
      store,
      logger: mockServices.logger.mock(),
      limits,
    });
    const counts = { reads: 0, notModified: 0, failures: 0 };
    return { urlReader, reader, counts };
  }

  const request = {
    location: 'https://git.example.com/acme/orders/tree/main/',
    patterns: ['.github/workflows/*.yaml', 'k8s/**/*.yaml'],
  };

  it('reads each repository once, and again only when its ETag changed', async () => {
    const { urlReader, reader, counts } = await setup();
    urlReader.readTree.mockResolvedValueOnce(
      tree('v1', { 'k8s/deployment.yaml': 'kind: Deployment' }),
    );
    const first = await reader.read(
      [request, request],
      { remaining: 10 },
      counts,
    );
    expect(urlReader.readTree).toHaveBeenCalledTimes(1);
    expect(first.get(request.location)).toEqual({
      status: 'read',
      location: request.location,
      files: [{ path: 'k8s/deployment.yaml', content: 'kind: Deployment' }],
    });

    urlReader.readTree.mockRejectedValueOnce(new NotModifiedError());
    const second = await reader.read([request], { remaining: 10 }, counts);
    expect(urlReader.readTree).toHaveBeenLastCalledWith(
      request.location,
      expect.objectContaining({ etag: 'v1' }),
    );
    expect(second.get(request.location)).toEqual(first.get(request.location));
    expect(counts).toEqual({ reads: 1, notModified: 1, failures: 0 });
  });

  it('passes only the files the checks asked for, within the size limit', async () => {
    const { urlReader, reader, counts } = await setup({
      ...DEFAULT_REPOSITORY_LIMITS,
      maxFileBytes: 10,
    });
    urlReader.readTree.mockResolvedValueOnce(tree('v1', {}));
    await reader.read([request], { remaining: 10 }, counts);
    const { filter } = urlReader.readTree.mock.calls[0][1]!;
    expect(filter!('k8s/base/hpa.yaml', { size: 5 })).toBe(true);
    expect(filter!('.github/workflows/ci.yaml', { size: 5 })).toBe(true);
    expect(filter!('src/index.ts', { size: 5 })).toBe(false);
    expect(filter!('k8s/deployment.yaml', { size: 11 })).toBe(false);
  });

  it('keeps at most the configured files and bytes and says it truncated', async () => {
    const { urlReader, reader, counts } = await setup({
      ...DEFAULT_REPOSITORY_LIMITS,
      maxFilesPerRepository: 2,
    });
    urlReader.readTree.mockResolvedValueOnce(
      tree('v1', {
        'k8s/a.yaml': 'a',
        'k8s/b.yaml': 'b',
        'k8s/c.yaml': 'c',
      }),
    );
    const snapshot = (
      await reader.read([request], { remaining: 10 }, counts)
    ).get(request.location);
    expect(snapshot?.files.map(f => f.path)).toEqual([
      'k8s/a.yaml',
      'k8s/b.yaml',
    ]);
    expect(snapshot?.truncated).toBe(true);
  });

  it('turns a failed read into an unavailable repository with the reason', async () => {
    const { urlReader, reader, counts } = await setup();
    urlReader.readTree.mockRejectedValueOnce(
      new NotFoundError('no such repository'),
    );
    const snapshot = (
      await reader.read([request], { remaining: 10 }, counts)
    ).get(request.location);
    expect(snapshot).toEqual({
      status: 'unavailable',
      location: request.location,
      reason: 'no such repository',
      files: [],
    });
    expect(counts.failures).toBe(1);
  });

  it('stops reading when the evaluation has used its read budget', async () => {
    const { urlReader, reader, counts } = await setup();
    const snapshot = (
      await reader.read([request], { remaining: 0 }, counts)
    ).get(request.location);
    expect(urlReader.readTree).not.toHaveBeenCalled();
    expect(snapshot?.status).toBe('unavailable');
    expect(snapshot?.reason).toMatch(/limit of 2000 repository reads/);
  });
});
