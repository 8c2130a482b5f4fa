import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseEvaluationStore } from './DatabaseEvaluationStore';

// Five rounds of three replicas migrating a fresh database, on a shared
// 2-core machine.
jest.setTimeout(120_000);

const MIGRATION_FILES = readdirSync(join(__dirname, '../../migrations')).filter(
  file => file.endsWith('.js'),
);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

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
