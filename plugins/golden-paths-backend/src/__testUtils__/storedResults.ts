import {
  type TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { DriftInfo, PathDetails } from '@golden-paths/golden-paths-common';
import type { Knex } from 'knex';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import type {
  RunStats,
  StoredComponentResult,
} from '../database/EvaluationStore';
import { emptyDriftCounts } from '../services/evaluation/FollowerTally';

/*
 * What the store holds, as tests of the store and of what reads it write
 * it: follower results, path summaries and whole runs.
 */

export const NODE_PATH = 'goldenpath:default/node-http-service';
export const SPARK_PATH = 'goldenpath:default/spark-job';

/** The figures of every test run. */
export const RUN_STATS: RunStats = {
  components: 2,
  paths: 1,
  catalogRequests: 3,
  repositoryReads: 2,
  repositoryNotModified: 1,
  repositoryFailures: 0,
};

export function component(name: string): string {
  return `component:default/${name}`;
}

/** The drift of a follower on the path's latest version. */
export function upToDate(version: string): DriftInfo {
  return {
    status: 'up-to-date',
    currentVersion: version,
    latestVersion: version,
    deprecated: false,
  };
}

/** A compliant follower of {@link NODE_PATH}, up to date, with `overrides`. */
export function storedResult(
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
    drift: upToDate('2.1.0'),
    checks: [{ id: 'owner', title: 'Owner', status: 'pass', reason: 'Owned.' }],
    compliant: true,
    entityEtag: `etag-${name}`,
    evaluatedAt: new Date('2026-11-26T10:00:00.000Z'),
    ...overrides,
  };
}

/**
 * A path's summary with `adoption` followers, `compliant` of them
 * compliant, all up to date on 2.1.0 and checked for an owner only.
 */
export function pathSummary(
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
    drift: { ...emptyDriftCounts(), 'up-to-date': adoption },
    evaluatedAt,
    versions: [{ version: '2.1.0', count: adoption }],
  };
}

/** A store on a fresh test database, its tables migrated. */
export async function createStore(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): Promise<{ knex: Knex; store: DatabaseEvaluationStore }> {
  const knex = await databases.init(databaseId);
  const store = await DatabaseEvaluationStore.create({
    database: { getClient: async () => knex, migrations: { skip: false } },
  });
  return { knex, store };
}

/** A store on a test database, for the tests of one `describeStore`. */
export interface StoreBed {
  databaseId: TestDatabaseId;
  store: DatabaseEvaluationStore;
  knex: Knex;
}

/**
 * The tests of `tests` on each test database (PostgreSQL and SQLite), each
 * database's store migrated before them and emptied after each test.
 */
export function describeStore(
  title: string,
  tests: (bed: StoreBed) => void,
): void {
  // Migrating and writing real tables on a shared 2-core machine.
  jest.setTimeout(60_000);
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  describe.each(databases.eachSupportedId())(`${title} (%s)`, databaseId => {
    const bed = { databaseId } as StoreBed;
    useStore(databases, databaseId, ({ store, knex }) => {
      bed.store = store;
      bed.knex = knex;
    });
    tests(bed);
  });
}

/**
 * In a `describe` block: a store on a fresh database before its tests,
 * handed to `use`, its tables emptied after each test.
 */
export function useStore(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  use: (bed: { knex: Knex; store: DatabaseEvaluationStore }) => void,
): void {
  let knex: Knex | undefined;
  beforeAll(async () => {
    const bed = await createStore(databases, databaseId);
    knex = bed.knex;
    use(bed);
  });
  afterEach(async () => {
    if (knex) {
      await clearStore(knex);
    }
  });
}

/** Empties every table the store writes, between tests on one database. */
async function clearStore(knex: Knex): Promise<void> {
  for (const table of [
    'evaluation_state',
    'component_results',
    'path_summaries',
    'path_history',
    'repository_cache',
    'evaluation_runs',
  ]) {
    await knex(table).delete();
  }
}

/** A run of `results` (and `summaries`, by default one of {@link NODE_PATH}), completed. */
export async function completedRun(
  store: DatabaseEvaluationStore,
  results: StoredComponentResult[],
  summaries: PathDetails[] = [pathSummary(NODE_PATH, results.length, 0)],
  day = '2026-11-26',
): Promise<number> {
  const runId = await store.startRun();
  await store.writeComponentResults(runId, results);
  await store.completeRun(runId, { summaries, day, stats: RUN_STATS });
  return runId;
}

/** How many results a run has in the table. */
export async function rowsOfRun(knex: Knex, runId: number): Promise<number> {
  const [{ count }] = await knex('component_results')
    .where('run_id', runId)
    .count({ count: '*' });
  return Number(count);
}
