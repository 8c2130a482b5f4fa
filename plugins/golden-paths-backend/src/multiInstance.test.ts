import {
  createMockDirectory,
  mockCredentials,
  TestDatabases,
  type TestBackend,
} from '@backstage/backend-test-utils';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { PathSummary } from '@golden-paths/golden-paths-common';
import {
  ORG_YAML,
  PATHS_YAML,
  testRepositories,
} from './__testUtils__/testCatalog';
import {
  REAL_WORK_TIMEOUT_MS,
  startGoldenPathsBackend,
  waitUntil,
  writeTestCatalog,
} from './__testUtils__/testBackend';
import knexFactory, { type Knex } from 'knex';

// Two backends start, the catalog ingests, an evaluation counts everything,
// then 16 s of cadences: on a shared 2-core machine.
jest.setTimeout(3 * REAL_WORK_TIMEOUT_MS);

// Replicas share one PostgreSQL; SQLite in memory cannot be shared.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'two golden-paths backends on one %s',
  databaseId => {
    const mockDir = createMockDirectory();
    const backends: TestBackend[] = [];
    // Each plugin gets its own database, as in production, shared by both
    // instances: <prefix>catalog and <prefix>golden-paths.
    const prefix = `gp_replicas_${Date.now().toString(36)}_`;
    const admin: { knex?: Knex; connection?: string } = {};

    afterAll(async () => {
      await Promise.all(backends.map(b => b.stop()));
      for (const plugin of ['catalog', 'golden-paths']) {
        await admin.knex?.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
          `${prefix}${plugin}`,
        ]);
      }
      await admin.knex?.destroy();
    });

    it('run one evaluation per cadence between them and answer alike', async () => {
      const locations = writeTestCatalog(mockDir, {
        org: ORG_YAML,
        paths: PATHS_YAML,
        repositories: testRepositories(),
      });
      admin.knex = await databases.init(databaseId);
      const connection =
        process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING!;
      const urls: string[] = [];
      for (let i = 0; i < 2; i++) {
        const running = await startGoldenPathsBackend({
          features: [schedulerServiceFactory, databaseServiceFactory],
          realScheduler: true,
          backend: { database: { client: 'pg', connection, prefix } },
          repositories: mockDir.resolve('repos'),
          goldenPaths: {
            evaluation: {
              schedule: {
                frequency: { seconds: 4 },
                timeout: { seconds: 30 },
                initialDelay: { seconds: 1 },
              },
            },
          },
          locations,
        });
        backends.push(running.backend);
        urls.push(running.baseUrl);
      }
      const paths = async (url: string) => {
        const response = await fetch(`${url}/api/golden-paths/paths`, {
          headers: { Authorization: mockCredentials.user.header() },
        });
        return ((await response.json()) as { items: PathSummary[] }).items;
      };

      // Wait until an evaluation saw all three followers.
      await waitUntil(
        'three followers counted by an evaluation',
        async () => {
          const items = await paths(urls[0]);
          const adoption = items.reduce((sum, p) => sum + p.adoption, 0);
          return adoption === 3 || `adoption ${adoption}`;
        },
        { intervalMs: 500 },
      );
      // Let several cadences pass with both instances up: what is measured
      // is how many runs a span of time holds, so this is a span, not a
      // wait for a condition.
      await new Promise(resolve => setTimeout(resolve, 16_000));

      const pluginDb = knexFactory({
        client: 'pg',
        connection: `${connection.replace(/\/$/, '')}/${prefix}golden-paths`,
      });
      const runs: Array<{
        started_at: Date;
        finished_at: Date | null;
        stats: string;
      }> = await pluginDb('evaluation_runs')
        .where({ status: 'succeeded' })
        .orderBy('started_at');
      await pluginDb.destroy();
      // Never two at once: each run starts after the previous one finished.
      for (let i = 1; i < runs.length; i++) {
        expect(new Date(runs[i].started_at).getTime()).toBeGreaterThanOrEqual(
          new Date(runs[i - 1].finished_at!).getTime(),
        );
      }
      // One run per 4 s cadence between both instances, not one each (that
      // would be twice as many); one spare for a late run the scheduler
      // catches up on when the machine is busy.
      const span =
        new Date(runs[runs.length - 1].started_at).getTime() -
        new Date(runs[0].started_at).getTime();
      expect(runs.length).toBeGreaterThanOrEqual(2);
      // Both paths' walks ran at once; the run still counts every follower.
      expect(JSON.parse(runs[runs.length - 1].stats)).toMatchObject({
        components: 3,
        paths: 2,
      });
      expect(runs.length).toBeLessThanOrEqual(Math.floor(span / 4000) + 2);

      const [first, second] = await Promise.all(urls.map(paths));
      expect(second).toEqual(first);
      expect(first.find(p => p.name === 'node-http-service')).toMatchObject({
        adoption: 2,
        compliant: 1,
      });
    });
  },
);
