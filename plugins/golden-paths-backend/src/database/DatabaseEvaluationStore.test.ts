import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import type { PathDetails } from '@golden-paths/golden-paths-common';
import knexFactory, { Knex } from 'knex';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseEvaluationStore } from './DatabaseEvaluationStore';
import type {
  RepositoryCacheEntry,
  RunStats,
  StoredComponentResult,
} from './EvaluationStore';
import { shareValue } from './sharedJson';

jest.setTimeout(60_000);

const MIGRATION_FILES = readdirSync(join(__dirname, '../../migrations')).filter(
  file => file.endsWith('.js'),
);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
});

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = {
    getClient: async () => knex,
    migrations: { skip: false },
  };
  return {
    knex,
    store: await DatabaseEvaluationStore.create({ database }),
  };
}

const NODE_PATH = 'goldenpath:default/node-http-service';
const SPARK_PATH = 'goldenpath:default/spark-job';

const stats: RunStats = {
  components: 2,
  paths: 1,
  catalogRequests: 3,
  repositoryReads: 2,
  repositoryNotModified: 1,
  repositoryFailures: 0,
};

function component(name: string): string {
  return `component:default/${name}`;
}

function result(
  name: string,
  overrides: Partial<StoredComponentResult> = {},
): StoredComponentResult {
  return {
    entityRef: component(name),
    pathRef: NODE_PATH,
    title: `Service ${name}`,
    owner: 'group:default/payments-team',
    type: 'service',
    lifecycle: 'production',
    drift: {
      status: 'up-to-date',
      currentVersion: '2.1.0',
      latestVersion: '2.1.0',
      deprecated: false,
    },
    checks: [{ id: 'owner', title: 'Owner', status: 'pass', reason: 'Owned.' }],
    compliant: true,
    entityEtag: `etag-${name}`,
    evaluatedAt: new Date('2026-11-26T10:00:00.000Z'),
    ...overrides,
  };
}

function summary(
  ref: string,
  adoption: number,
  compliant: number,
  evaluatedAt = '2026-11-26T10:00:00.000Z',
): PathDetails {
  const name = ref.split('/')[1];
  return {
    ref,
    namespace: 'default',
    name,
    title: name,
    tags: ['kubernetes'],
    owner: 'group:default/platform-team',
    lifecycle: 'supported',
    category: 'service',
    version: '2.1.0',
    templates: [`template:default/${name}`],
    guarantees: ['owner'],
    stack: { language: 'TypeScript' },
    adoption,
    compliant,
    complianceRatio: adoption ? compliant / adoption : null,
    checks: [
      {
        id: 'owner',
        title: 'Owner',
        pass: compliant,
        fail: adoption - compliant,
        unknown: 0,
        passRatio: adoption ? compliant / adoption : null,
      },
    ],
    drift: {
      'up-to-date': adoption,
      'patch-behind': 0,
      'minor-behind': 0,
      'major-behind': 0,
      ahead: 0,
      unknown: 0,
      deprecated: 0,
    },
    evaluatedAt,
    versions: [{ version: '2.1.0', count: adoption }],
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseEvaluationStore (%s)',
  databaseId => {
    let store: DatabaseEvaluationStore;
    let knex: Knex;

    beforeAll(async () => {
      ({ store, knex } = await createStore(databaseId));
    });

    afterEach(async () => {
      await knex('evaluation_state').delete();
      await knex('component_results').delete();
      await knex('path_summaries').delete();
      await knex('path_history').delete();
      await knex('repository_cache').delete();
      await knex('evaluation_runs').delete();
    });

    async function rowsOfRun(runId: number): Promise<number> {
      const [{ count }] = await knex('component_results')
        .where('run_id', runId)
        .count({ count: '*' });
      return Number(count);
    }

    async function completedRun(
      results: StoredComponentResult[],
      summaries: PathDetails[] = [summary(NODE_PATH, results.length, 0)],
      day = '2026-11-26',
    ): Promise<number> {
      const runId = await store.startRun();
      await store.writeComponentResults(runId, results);
      await store.completeRun(runId, { summaries, day, stats });
      return runId;
    }

    it('serves nothing before the first run completes', async () => {
      expect(await store.getCurrentRun()).toBeUndefined();
      expect(await store.listPathSummaries()).toEqual([]);
      expect(await store.getComponentResult(component('a'))).toBeUndefined();
      expect(await store.listFollowers(NODE_PATH, { limit: 10 })).toEqual([]);

      const runId = await store.startRun();
      await store.writeComponentResults(runId, [result('a')]);
      expect(await store.getCurrentRun()).toBeUndefined();
      expect(await store.getComponentResults([component('a')])).toEqual([]);
    });

    it('replaces the results of a run by those of the next one', async () => {
      const first = await completedRun([result('a'), result('b')]);
      const second = await completedRun([
        result('b', { title: 'B again', compliant: false }),
        result('c'),
      ]);

      expect(
        await store.getComponentResults([
          component('a'),
          component('b'),
          component('c'),
        ]),
      ).toEqual(
        expect.arrayContaining([
          result('b', { title: 'B again', compliant: false }),
          result('c'),
        ]),
      );
      expect(await store.getComponentResults([component('a')])).toEqual([]);
      expect(await rowsOfRun(first)).toBe(0);
      expect(await rowsOfRun(second)).toBe(2);

      const current = await store.getCurrentRun();
      expect(current).toEqual({
        id: second,
        status: 'succeeded',
        startedAt: expect.any(Date),
        finishedAt: expect.any(Date),
        stats,
      });
      expect(current!.finishedAt!.getTime()).toBeGreaterThanOrEqual(
        current!.startedAt.getTime(),
      );
      expect(Math.abs(current!.startedAt.getTime() - Date.now())).toBeLessThan(
        60_000,
      );
    });

    it('keeps the last complete run readable while a run is under way', async () => {
      const first = await completedRun(
        [result('a'), result('b')],
        [summary(NODE_PATH, 2, 2)],
      );

      const running = await store.startRun();
      await store.writeComponentResults(running, [
        result('a', { compliant: false }),
        result('z'),
      ]);

      expect((await store.getCurrentRun())?.id).toBe(first);
      expect(await store.getComponentResult(component('a'))).toEqual(
        result('a'),
      );
      expect(await store.getComponentResult(component('z'))).toBeUndefined();
      expect(
        (await store.listFollowers(NODE_PATH, { limit: 10 })).map(
          r => r.entityRef,
        ),
      ).toEqual([component('a'), component('b')]);
      expect(await store.getPathSummary(NODE_PATH)).toEqual(
        summary(NODE_PATH, 2, 2),
      );

      const runs = await store.listRuns(10);
      expect(runs.map(r => [r.id, r.status])).toEqual([
        [running, 'running'],
        [first, 'succeeded'],
      ]);
      expect(runs[0].finishedAt).toBeUndefined();
      expect(runs[0].stats).toBeUndefined();
    });

    it('abandons a run left running when a later run completes', async () => {
      await completedRun([result('a')]);
      const crashed = await store.startRun();
      await store.writeComponentResults(crashed, [result('x')]);

      const next = await completedRun([result('b')]);

      expect((await store.getCurrentRun())?.id).toBe(next);
      expect(await rowsOfRun(crashed)).toBe(0);
      const [, abandoned] = await store.listRuns(2);
      expect(abandoned).toMatchObject({ id: crashed, status: 'failed' });
      expect(abandoned.error).toContain(`run ${next}`);

      await expect(
        store.writeComponentResults(crashed, [result('y')]),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.completeRun(crashed, {
          summaries: [],
          day: '2026-11-26',
          stats,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect((await store.getCurrentRun())?.id).toBe(next);
    });

    it('lets only one of two runs completing at once win', async () => {
      const first = await store.startRun();
      const second = await store.startRun();
      await store.writeComponentResults(first, [result('a')]);
      await store.writeComponentResults(second, [result('b')]);

      const outcomes = await Promise.allSettled(
        [first, second].map(runId =>
          store.completeRun(runId, {
            summaries: [summary(NODE_PATH, runId, 0)],
            day: '2026-11-26',
            stats,
          }),
        ),
      );

      const won = outcomes.filter(o => o.status === 'fulfilled');
      const lost = outcomes.filter(o => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toEqual([
        {
          status: 'rejected',
          reason: expect.objectContaining({ name: 'ConflictError' }),
        },
      ]);
      const winner = outcomes[0].status === 'fulfilled' ? first : second;
      const loser = winner === first ? second : first;
      expect(await store.getCurrentRun()).toMatchObject({
        id: winner,
        status: 'succeeded',
      });
      expect((await store.getPathSummary(NODE_PATH))?.adoption).toBe(winner);
      expect(await rowsOfRun(loser)).toBe(0);
      expect(await rowsOfRun(winner)).toBe(1);
      expect((await store.listRuns(2)).find(r => r.id === loser)).toMatchObject(
        { status: 'failed' },
      );
    });

    it('deletes what a failed run wrote and keeps serving the previous run', async () => {
      const first = await completedRun(
        [result('a')],
        [summary(NODE_PATH, 1, 1)],
      );
      const failed = await store.startRun();
      await store.writeComponentResults(failed, [
        result('a', { title: 'changed' }),
        result('b'),
      ]);

      await store.failRun(failed, 'Catalog unavailable');

      expect(await rowsOfRun(failed)).toBe(0);
      expect(await rowsOfRun(first)).toBe(1);
      expect(await store.getComponentResult(component('a'))).toEqual(
        result('a'),
      );
      expect(await store.getCurrentRun()).toMatchObject({ id: first });
      const [latest] = await store.listRuns(1);
      expect(latest).toEqual({
        id: failed,
        status: 'failed',
        startedAt: expect.any(Date),
        finishedAt: expect.any(Date),
        error: 'Catalog unavailable',
      });

      await expect(
        store.writeComponentResults(failed, [result('c')]),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.completeRun(failed, { summaries: [], day: '2026-11-26', stats }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });

    it('leaves a completed run alone when asked to fail it', async () => {
      const runId = await completedRun([result('a')]);
      await store.failRun(runId, 'too late');
      expect(await store.getCurrentRun()).toMatchObject({
        id: runId,
        status: 'succeeded',
      });
      expect(await rowsOfRun(runId)).toBe(1);
    });

    it('rejects unknown runs', async () => {
      await expect(
        store.writeComponentResults(999_999, [result('a')]),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(
        store.completeRun(999_999, { summaries: [], day: '2026-11-26', stats }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(store.failRun(999_999, 'x')).rejects.toMatchObject({
        name: 'NotFoundError',
      });
    });

    it('keeps the last write of an entity within a run', async () => {
      const runId = await store.startRun();
      await store.writeComponentResults(runId, [result('a')]);
      await store.writeComponentResults(runId, [
        result('a', { title: 'second', owner: undefined }),
        result('a', { title: 'third', pathRef: SPARK_PATH, compliant: false }),
      ]);
      await store.completeRun(runId, {
        summaries: [],
        day: '2026-11-26',
        stats,
      });

      expect(await rowsOfRun(runId)).toBe(1);
      expect(await store.getComponentResult(component('a'))).toEqual(
        result('a', { title: 'third', pathRef: SPARK_PATH, compliant: false }),
      );
      expect(await store.listFollowers(NODE_PATH, { limit: 10 })).toEqual([]);
    });

    it('round-trips checks, drift and optional fields', async () => {
      const full = result('full', {
        drift: {
          status: 'major-behind',
          currentVersion: '1.0.0',
          latestVersion: '2.1.0',
          deprecated: true,
          replacedBy: 'goldenpath:default/node-http-service-v2',
        },
        checks: [
          {
            id: 'resource-requests',
            title: 'Resource requests',
            status: 'fail',
            reason: 'no `resources.requests` in k8s/deployment.yaml — «ü»',
            fix: 'Add requests:\n  cpu: 100m',
          },
          { id: 'sbom', title: 'SBOM', status: 'unknown', reason: '"?"' },
        ],
        compliant: false,
        evaluatedAt: new Date('2026-01-02T03:04:05.678Z'),
      });
      const bare: StoredComponentResult = {
        entityRef: component('bare'),
        pathRef: NODE_PATH,
        drift: { status: 'unknown', latestVersion: '2.1.0', deprecated: false },
        checks: [],
        compliant: true,
        evaluatedAt: new Date('2026-11-26T00:00:00.000Z'),
      };
      await completedRun([full, bare]);

      const stored = await store.getComponentResult(component('full'));
      expect(stored).toEqual(full);
      expect(stored!.evaluatedAt).toBeInstanceOf(Date);
      const storedBare = await store.getComponentResult(component('bare'));
      expect(storedBare).toStrictEqual(bare);
    });

    it('stores each follower of a batch with its own fields, also where followers share checks and drift', async () => {
      // Marked shared as the evaluation marks the results it gives to many.
      const sharedChecks = shareValue([
        {
          id: 'ci',
          title: 'CI',
          status: 'fail' as const,
          reason: 'no "ci" {file}, \\ NULL',
          fix: 'Add one, e.g. {"a": [1, 2]}',
        },
      ]);
      const sharedDrift = shareValue({
        status: 'patch-behind' as const,
        currentVersion: '2.1.0-rc.2',
        latestVersion: '2.1.0',
        deprecated: false,
      });
      const early = new Date('2026-11-26T09:00:00.000Z');
      const late = new Date('2026-11-26T11:00:00.000Z');
      const results = [
        result('a', { checks: sharedChecks, drift: sharedDrift }),
        result('b', {
          checks: sharedChecks,
          drift: sharedDrift,
          title: 'NULL',
          owner: undefined,
          compliant: false,
          evaluatedAt: late,
        }),
        result('c', {
          checks: sharedChecks,
          title: 'with "quotes", {braces} and \\ back\\slashes',
          lifecycle: undefined,
          entityEtag: undefined,
          evaluatedAt: early,
        }),
        result('d', { checks: [...sharedChecks], drift: { ...sharedDrift } }),
        result('e', { title: 'Zürich ✓ 日本 \u{1F680}' }),
      ];
      await completedRun(results);

      expect(
        await store.getComponentResults(results.map(r => r.entityRef)),
      ).toEqual(expect.arrayContaining(results));
      const b = await store.getComponentResult(component('b'));
      expect(b?.title).toBe('NULL');
      expect(b).not.toHaveProperty('owner');
      expect(await rowsOfRun(await currentRunId())).toBe(5);
    });

    it('makes a write wait for a completion that fails its run, and then write nothing', async () => {
      const runId = await store.startRun();
      let updated!: () => void;
      const hasUpdated = new Promise<void>(resolve => {
        updated = resolve;
      });
      let release!: () => void;
      const released = new Promise<void>(resolve => {
        release = resolve;
      });
      // What completing another run does to this one, not yet committed.
      const completing = knex.transaction(async tx => {
        await tx('evaluation_runs')
          .where('id', runId)
          .update({ status: 'failed', error: 'Abandoned' });
        updated();
        await released;
      });
      await hasUpdated;

      let settled = false;
      const write = store.writeComponentResults(runId, [result('a')]);
      write.catch(() => undefined).finally(() => (settled = true));
      await new Promise(resolve => setTimeout(resolve, 300));
      expect(settled).toBe(false);

      release();
      await completing;
      await expect(write).rejects.toMatchObject({ name: 'ConflictError' });
      expect(await rowsOfRun(runId)).toBe(0);
    });

    it('stores a title holding a lone UTF-16 surrogate', async () => {
      await completedRun([result('a', { title: 'half \ud83d of a pair' })]);

      const title = (await store.getComponentResult(component('a')))?.title;
      // PostgreSQL holds UTF-8, which has no lone surrogates: U+FFFD, as the
      // driver always sent it; SQLite gives back its own replacement.
      expect(title).toMatch(
        databaseId.startsWith('POSTGRES')
          ? /^half \ufffd of a pair$/
          : /^half .+ of a pair$/,
      );
    });

    async function currentRunId(): Promise<number> {
      return (await store.getCurrentRun())!.id;
    }

    it('pages through followers of a path', async () => {
      const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
      await completedRun([
        ...names.map(n => result(n)),
        result('h', { pathRef: SPARK_PATH }),
        result('b-spark', { pathRef: SPARK_PATH }),
      ]);

      const refs = async (options: {
        limit: number;
        afterEntityRef?: string;
        entityRefs?: string[];
      }) =>
        (await store.listFollowers(NODE_PATH, options)).map(r => r.entityRef);

      expect(await refs({ limit: 3 })).toEqual(['a', 'b', 'c'].map(component));
      expect(await refs({ limit: 3, afterEntityRef: component('c') })).toEqual(
        ['d', 'e', 'f'].map(component),
      );
      expect(await refs({ limit: 3, afterEntityRef: component('f') })).toEqual([
        component('g'),
      ]);
      expect(await refs({ limit: 3, afterEntityRef: component('g') })).toEqual(
        [],
      );
      expect(await refs({ limit: 0 })).toEqual([]);

      const restricted = ['g', 'b', 'h', 'e', 'nope', 'b-spark', 'a'].map(
        component,
      );
      expect(await refs({ limit: 2, entityRefs: restricted })).toEqual(
        ['a', 'b'].map(component),
      );
      expect(
        await refs({
          limit: 2,
          entityRefs: restricted,
          afterEntityRef: component('b'),
        }),
      ).toEqual(['e', 'g'].map(component));
      expect(
        await refs({
          limit: 2,
          entityRefs: restricted,
          afterEntityRef: component('g'),
        }),
      ).toEqual([]);
      expect(await refs({ limit: 10, entityRefs: [] })).toEqual([]);
    });

    it('pages through many followers restricted to many entities', async () => {
      const names = Array.from(
        { length: 1300 },
        (_, i) => `svc-${String(i).padStart(4, '0')}`,
      );
      const runId = await store.startRun();
      await store.writeComponentResults(
        runId,
        names.map((n, i) =>
          result(n, { pathRef: i % 3 === 0 ? SPARK_PATH : NODE_PATH }),
        ),
      );
      await store.completeRun(runId, {
        summaries: [],
        day: '2026-11-26',
        stats,
      });
      expect(await rowsOfRun(runId)).toBe(1300);

      // Every other entity is visible, handed over in no particular order.
      const visible = names
        .filter((_, i) => i % 2 === 0)
        .map(component)
        .reverse();
      const expected = names
        .filter((_, i) => i % 2 === 0 && i % 3 !== 0)
        .map(component);

      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.listFollowers(NODE_PATH, {
          limit: 150,
          afterEntityRef: after,
          entityRefs: visible,
        });
        if (page.length === 0) {
          break;
        }
        expect(page.length).toBeLessThanOrEqual(150);
        seen.push(...page.map(r => r.entityRef));
        after = page[page.length - 1].entityRef;
      }
      expect(seen).toEqual(expected);

      const all = await store.getComponentResults([
        ...names.map(component),
        component('missing'),
      ]);
      expect(all).toHaveLength(1300);
      expect(new Set(all.map(r => r.entityRef)).size).toBe(1300);
    });

    it('lists path summaries of the current run only', async () => {
      await completedRun(
        [result('a')],
        [summary(SPARK_PATH, 0, 0), summary(NODE_PATH, 1, 1)],
      );
      expect((await store.listPathSummaries()).map(s => s.ref)).toEqual([
        NODE_PATH,
        SPARK_PATH,
      ]);
      expect(await store.getPathSummary(SPARK_PATH)).toEqual(
        summary(SPARK_PATH, 0, 0),
      );

      await completedRun(
        [result('a')],
        [summary(NODE_PATH, 1, 0, '2026-11-27T10:00:00.000Z')],
      );
      expect(await store.listPathSummaries()).toEqual([
        summary(NODE_PATH, 1, 0, '2026-11-27T10:00:00.000Z'),
      ]);
      expect(await store.getPathSummary(SPARK_PATH)).toBeUndefined();
    });

    it('keeps one history row per path and day', async () => {
      await completedRun(
        [],
        [summary(NODE_PATH, 4, 1), summary(SPARK_PATH, 0, 0)],
        '2026-11-24',
      );
      await completedRun([], [summary(NODE_PATH, 5, 2)], '2026-11-25');
      await completedRun([], [summary(NODE_PATH, 6, 3)], '2026-11-26');
      // A second run the same day overwrites that day.
      await completedRun([], [summary(NODE_PATH, 8, 6)], '2026-11-26');

      expect(
        await store.getHistory(NODE_PATH, '2026-11-01', '2026-11-30'),
      ).toEqual([
        { day: '2026-11-24', adoption: 4, compliant: 1, complianceRatio: 0.25 },
        { day: '2026-11-25', adoption: 5, compliant: 2, complianceRatio: 0.4 },
        { day: '2026-11-26', adoption: 8, compliant: 6, complianceRatio: 0.75 },
      ]);
      expect(
        await store.getHistory(NODE_PATH, '2026-11-25', '2026-11-25'),
      ).toEqual([
        { day: '2026-11-25', adoption: 5, compliant: 2, complianceRatio: 0.4 },
      ]);
      expect(
        await store.getHistory(NODE_PATH, '2026-11-27', '2026-12-31'),
      ).toEqual([]);
      // A path without followers has no compliance ratio.
      expect(
        await store.getHistory(SPARK_PATH, '2026-11-01', '2026-11-30'),
      ).toEqual([
        { day: '2026-11-24', adoption: 0, compliant: 0, complianceRatio: null },
      ]);
    });

    it('lists runs newest first', async () => {
      const ids = [
        await completedRun([]),
        await completedRun([]),
        await store.startRun(),
      ];
      expect((await store.listRuns(2)).map(r => r.id)).toEqual([
        ids[2],
        ids[1],
      ]);
      expect((await store.listRuns(10)).map(r => r.id)).toEqual(
        [...ids].reverse(),
      );
    });

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
          files: [
            { path: 'k8s/deployment.yaml', content: 'kind: Deployment\n' },
          ],
        },
        readAt,
      });

      await store.putRepositoryCache([
        entry('https://github.com/acme/a', 'etag-1'),
        entry(longLocation, 'etag-long'),
      ]);
      await store.putRepositoryCache([
        entry(
          'https://github.com/acme/a',
          'etag-2',
          new Date('2026-11-27T10:00:00.000Z'),
        ),
        entry('https://github.com/acme/b', 'etag-b-old'),
        entry('https://github.com/acme/b', 'etag-b'),
      ]);

      const cache = await store.getRepositoryCache([
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
        Number((await knex('repository_cache').count({ count: '*' }))[0].count),
      ).toBe(3);
      expect((await store.getRepositoryCache([])).size).toBe(0);
    });
  },
);

describe.each(
  databases.eachSupportedId().filter(([id]) => id.startsWith('POSTGRES')),
)('DatabaseEvaluationStore migrations (%s)', databaseId => {
  it('migrates a fresh database that several replicas start on at once', async () => {
    const rounds = 5;
    const replicasPerRound = 3;
    const failures: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const first = await databases.init(databaseId);
      // Each replica has its own pool, as separate backends would.
      const others = Array.from({ length: replicasPerRound - 1 }, () =>
        knexFactory({
          client: first.client.config.client,
          connection: first.client.config.connection,
          pool: { min: 0, max: 3 },
        }),
      );
      try {
        const created = await Promise.allSettled(
          [first, ...others].map(client =>
            DatabaseEvaluationStore.create({
              database: {
                getClient: async () => client,
                migrations: { skip: false },
              },
            }),
          ),
        );
        for (const settled of created) {
          if (settled.status === 'rejected') {
            failures.push(`round ${round}: ${settled.reason?.message}`);
          }
        }
        const [{ count }] = await first('knex_migrations').count({
          count: '*',
        });
        // Each migration applied once, none twice.
        expect(Number(count)).toBe(MIGRATION_FILES.length);
      } finally {
        await Promise.all(others.map(client => client.destroy()));
      }
    }
    expect(failures).toEqual([]);
  });
});
