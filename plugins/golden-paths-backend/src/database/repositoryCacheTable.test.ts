import type { RepositoryCacheEntry } from './EvaluationStore';
import { describeStore } from '../__testUtils__/storedResults';

/*
 * Repositories' files as last read, kept across runs by location.
 */
describeStore('repository cache', bed => {
  it('stores and updates the repository cache', async () => {
    const longLocation = `https://github.com/acme/payments-api/tree/main/${'deep/'.repeat(
      600,
    )}`;
    const entry = (
      location: string,
      etag: string,
      readAt = new Date('2026-11-26T10:00:00.000Z'),
    ): RepositoryCacheEntry => ({
      location,
      etag,
      patternsKey: 'Dockerfile|k8s/**/*.yaml',
      snapshot: {
        status: 'read',
        location,
        files: [{ path: 'k8s/deployment.yaml', content: 'kind: Deployment\n' }],
      },
      readAt,
    });

    await bed.store.putRepositoryCache([
      entry('https://github.com/acme/a', 'etag-1'),
      entry(longLocation, 'etag-long'),
    ]);
    await bed.store.putRepositoryCache([
      entry(
        'https://github.com/acme/a',
        'etag-2',
        new Date('2026-11-27T10:00:00.000Z'),
      ),
      entry('https://github.com/acme/b', 'etag-b-old'),
      entry('https://github.com/acme/b', 'etag-b'),
    ]);

    const cache = await bed.store.getRepositoryCache([
      'https://github.com/acme/a',
      'https://github.com/acme/b',
      longLocation,
      'https://github.com/acme/unknown',
    ]);
    expect([...cache.keys()].sort()).toEqual(
      [
        'https://github.com/acme/a',
        'https://github.com/acme/b',
        longLocation,
      ].sort(),
    );
    expect(cache.get('https://github.com/acme/a')).toEqual(
      entry(
        'https://github.com/acme/a',
        'etag-2',
        new Date('2026-11-27T10:00:00.000Z'),
      ),
    );
    expect(cache.get('https://github.com/acme/b')?.etag).toBe('etag-b');
    expect(cache.get(longLocation)).toEqual(entry(longLocation, 'etag-long'));
    expect(
      Number(
        (await bed.knex('repository_cache').count({ count: '*' }))[0].count,
      ),
    ).toBe(3);
    expect((await bed.store.getRepositoryCache([])).size).toBe(0);
  });
});
