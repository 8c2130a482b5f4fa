import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  HistoryPoint,
  PathDetails,
} from '@golden-paths/golden-paths-common';
import type { EntityFilter } from '@backstage/plugin-catalog-node';
import type { Knex } from 'knex';
import type {
  CompleteRunInput,
  EntityFactsInput,
  EvaluationStore,
  FollowerPageOptions,
  FollowerResultGroup,
  RepositoryCacheEntry,
  RunInfo,
  StoredComponentResult,
  VisibleTo,
} from './EvaluationStore';
import {
  type ComponentResultRow,
  type PathHistoryRow,
  type PathSummaryRow,
  type RunRow,
  toComponentResult,
  toComponentResultRow,
  toRunInfo,
} from './evaluationRows';
import { chunks } from './chunks';
import {
  upsertComponentResults,
  upsertComponentResultsWhileRunning,
} from './componentResultsUpsert';
import { pruneEntityFacts, writeEntityFacts } from './entityFactsTable';
import { currentResults, QUERY_CHUNK_SIZE, STATE_ID } from './currentRun';
import { recordFollowerIntervals } from './followerIntervalsTable';
import { migrateLatest } from './migrateLatest';
import {
  readRepositoryCache,
  writeRepositoryCache,
} from './repositoryCacheTable';
import {
  getVisibleHistory,
  groupFollowerResults,
  listFollowerVersions,
  listFollowers,
  listPathRefs,
} from './visibleResults';

const migrationsDir = resolvePackagePath(
  '@golden-paths/golden-paths-backend',
  'migrations',
);

/** Rows per INSERT: 13 bindings a row stays far below every driver's limit. */
const WRITE_CHUNK_SIZE = 500;

/**
 * The {@link EvaluationStore} on the plugin's database (PostgreSQL or SQLite).
 *
 * A run's rows are keyed by its id and `evaluation_state` points at the run
 * readers see. Every read filters on that pointer in the same statement, so
 * it sees one complete run, never a run under way.
 *
 * Completing a run supersedes every other run still marked `running` (one
 * left behind by a crashed instance, say): they are marked `failed` and their
 * rows deleted, and they can neither write nor complete afterwards.
 */
export class DatabaseEvaluationStore implements EvaluationStore {
  /**
   * Connects to the plugin's database and brings its tables up to date,
   * unless the database service or `skipMigrations` says not to.
   */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseEvaluationStore> {
    const { database, skipMigrations } = options;
    const client = await database.getClient();

    if (!skipMigrations && !database.migrations?.skip) {
      await migrateLatest(client, { directory: migrationsDir });
    }

    return new DatabaseEvaluationStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async startRun(): Promise<number> {
    const [row] = await this.db('evaluation_runs')
      .insert({ status: 'running', started_at: new Date() })
      .returning('id');
    return typeof row === 'object' ? Number(row.id) : Number(row);
  }

  async writeComponentResults(
    runId: number,
    results: StoredComponentResult[],
  ): Promise<void> {
    if (results.length === 0) {
      return;
    }

    // One INSERT ... ON CONFLICT may not touch the same row twice, so the
    // last write of an entity within the call wins before it reaches SQL.
    const byEntity = new Map<string, ComponentResultRow>();
    for (const result of results) {
      byEntity.set(result.entityRef, toComponentResultRow(runId, result));
    }
    const rows = [...byEntity.values()];

    if (this.db.client.dialect === 'postgresql') {
      // One statement (no bound on its size), which takes the share lock
      // below itself and writes nothing unless the run is running.
      if (!(await upsertComponentResultsWhileRunning(this.db, runId, rows))) {
        await this.assertRunning(this.db, runId, { lock: false });
        throw new ConflictError(`Evaluation run ${runId} took no results`);
      }
      return;
    }
    await this.db.transaction(async tx => {
      // The share lock makes a concurrent completeRun, which fails every
      // other running run, wait until this batch is in, or makes this batch
      // fail if that run completed first.
      await this.assertRunning(tx, runId, { lock: true });
      for (const chunk of chunks(rows, WRITE_CHUNK_SIZE)) {
        await upsertComponentResults(tx, chunk);
      }
    });
  }

  async completeRun(runId: number, input: CompleteRunInput): Promise<void> {
    const finishedAt = new Date();
    const summaries = [
      ...new Map(input.summaries.map(s => [s.ref, s] as const)).values(),
    ];

    await this.db.transaction(async tx => {
      await this.assertRunning(tx, runId, { lock: false });
      // Taking the state row's lock before any run's queues concurrent
      // completions one after the other; the later one then finds itself
      // abandoned by the earlier one just below.
      await tx('evaluation_state')
        .insert({ id: STATE_ID, current_run_id: runId })
        .onConflict('id')
        .merge(['current_run_id']);

      const updated = await tx<RunRow>('evaluation_runs')
        .where({ id: runId, status: 'running' })
        .update({
          status: 'succeeded',
          finished_at: finishedAt,
          stats: JSON.stringify(input.stats),
          error: null,
        });
      if (!updated) {
        await this.assertRunning(tx, runId, { lock: false });
      }

      await tx<RunRow>('evaluation_runs')
        .where('status', 'running')
        .whereNot('id', runId)
        .update({
          status: 'failed',
          finished_at: finishedAt,
          error: `Abandoned: run ${runId} completed while this run was still running`,
        });

      await tx('path_summaries').delete();
      for (const chunk of chunks(summaries, WRITE_CHUNK_SIZE)) {
        await tx<PathSummaryRow>('path_summaries').insert(
          chunk.map(summary => ({
            path_ref: summary.ref,
            details: JSON.stringify(summary),
          })),
        );
      }

      for (const chunk of chunks(summaries, WRITE_CHUNK_SIZE)) {
        await tx<PathHistoryRow>('path_history')
          .insert(
            chunk.map(summary => ({
              path_ref: summary.ref,
              day: input.day,
              adoption: summary.adoption,
              compliant: summary.compliant,
            })),
          )
          .onConflict(['path_ref', 'day'])
          .merge(['adoption', 'compliant']);
      }

      if (tx.client.dialect === 'postgresql') {
        // The next statements join the run's results with the intervals and
        // facts by entity. Without statistics (fresh tables on a first run,
        // or autovacuum behind) PostgreSQL takes these tables for a few
        // pages and plans a scan of one per row of the other: minutes at
        // 100k followers. Hash and merge joins cost the same with or
        // without statistics.
        await tx.raw('SET LOCAL enable_nestloop = off');
      }
      await recordFollowerIntervals(tx, runId, input.day);
      await pruneEntityFacts(tx, runId);

      // Two ranges rather than `<>`, so the planner can use the primary key,
      // which leads with run_id.
      await tx('component_results')
        .where('run_id', '<', runId)
        .orWhere('run_id', '>', runId)
        .delete();
    });

    // Readers find the current run id within the statement, so PostgreSQL
    // plans with the column's statistics only. Until autovacuum gets to a
    // table that just took a whole run, those make it scan the run's rows
    // instead of looking entities up; the statistics are cheap to refresh.
    if (this.db.client.dialect === 'postgresql') {
      await this.db.raw('ANALYZE component_results').catch(() => {
        // Only a planner hint; autovacuum refreshes the statistics too.
      });
    }
  }

  async failRun(runId: number, error: string): Promise<void> {
    await this.db.transaction(async tx => {
      await tx<RunRow>('evaluation_runs')
        .where({ id: runId, status: 'running' })
        .update({ status: 'failed', finished_at: new Date(), error });

      const run = await tx<RunRow>('evaluation_runs')
        .where('id', runId)
        .select('status')
        .first();
      if (!run) {
        throw new NotFoundError(`No evaluation run ${runId}`);
      }
      // A run that already succeeded is served; there is nothing to undo.
      if (run.status === 'failed') {
        await tx('component_results').where('run_id', runId).delete();
      }
    });
  }

  async getCurrentRun(): Promise<RunInfo | undefined> {
    const row = await this.db('evaluation_state')
      .join(
        'evaluation_runs',
        'evaluation_runs.id',
        'evaluation_state.current_run_id',
      )
      .where('evaluation_state.id', STATE_ID)
      .select<RunRow[]>('evaluation_runs.*')
      .first();
    return row ? toRunInfo(row) : undefined;
  }

  async listRuns(limit: number): Promise<RunInfo[]> {
    const rows = await this.db<RunRow>('evaluation_runs')
      .orderBy('id', 'desc')
      .limit(limit)
      .select();
    return rows.map(toRunInfo);
  }

  async listPathSummaries(): Promise<PathDetails[]> {
    const rows = await this.db<PathSummaryRow>('path_summaries')
      .orderBy('path_ref')
      .select('details');
    return rows.map(row => JSON.parse(row.details));
  }

  async getPathSummary(pathRef: string): Promise<PathDetails | undefined> {
    const row = await this.db<PathSummaryRow>('path_summaries')
      .where('path_ref', pathRef)
      .select('details')
      .first();
    return row ? JSON.parse(row.details) : undefined;
  }

  async listFollowers(
    pathRef: string,
    options: FollowerPageOptions,
  ): Promise<StoredComponentResult[]> {
    return listFollowers(this.db, pathRef, options);
  }

  async groupFollowerResults(
    visibleTo: EntityFilter,
  ): Promise<FollowerResultGroup[]> {
    return groupFollowerResults(this.db, visibleTo);
  }

  async listFollowerVersions(
    pathRef: string,
    visibleTo?: EntityFilter,
  ): Promise<Array<{ entityRef: string; version: string }>> {
    return listFollowerVersions(this.db, pathRef, visibleTo);
  }

  async listPathRefs(visibleTo: EntityFilter): Promise<string[]> {
    return listPathRefs(this.db, visibleTo);
  }

  async getVisibleHistory(
    pathRef: string,
    from: string,
    to: string,
    visibleTo: VisibleTo,
  ): Promise<HistoryPoint[]> {
    return getVisibleHistory(this.db, pathRef, { from, to }, visibleTo);
  }

  async writeEntityFacts(entities: EntityFactsInput[]): Promise<void> {
    await writeEntityFacts(this.db, entities);
  }

  async getComponentResults(
    entityRefs: string[],
  ): Promise<StoredComponentResult[]> {
    const results: StoredComponentResult[] = [];
    for (const chunk of chunks([...new Set(entityRefs)], QUERY_CHUNK_SIZE)) {
      const rows = await currentResults(this.db).whereIn('entity_ref', chunk);
      results.push(...rows.map(toComponentResult));
    }
    return results;
  }

  async getComponentResult(
    entityRef: string,
  ): Promise<StoredComponentResult | undefined> {
    const row = await currentResults(this.db)
      .where('entity_ref', entityRef)
      .first();
    return row ? toComponentResult(row) : undefined;
  }

  async getHistory(
    pathRef: string,
    from: string,
    to: string,
  ): Promise<HistoryPoint[]> {
    const rows = await this.db<PathHistoryRow>('path_history')
      .where('path_ref', pathRef)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('day', 'asc')
      .select();
    return rows.map(row => {
      const adoption = Number(row.adoption);
      const compliant = Number(row.compliant);
      return {
        day: row.day,
        adoption,
        compliant,
        complianceRatio: adoption > 0 ? compliant / adoption : null,
      };
    });
  }

  async getRepositoryCache(
    locations: string[],
  ): Promise<Map<string, RepositoryCacheEntry>> {
    return readRepositoryCache(this.db, locations);
  }

  async putRepositoryCache(entries: RepositoryCacheEntry[]): Promise<void> {
    await writeRepositoryCache(this.db, entries);
  }

  private async assertRunning(
    tx: Knex,
    runId: number,
    options: { lock: boolean },
  ): Promise<void> {
    const query = tx<RunRow>('evaluation_runs')
      .where('id', runId)
      .select('status');
    if (options.lock) {
      // Ignored by SQLite, where a write transaction excludes all others.
      query.forShare();
    }
    const run = await query.first();
    if (!run) {
      throw new NotFoundError(`No evaluation run ${runId}`);
    }
    if (run.status !== 'running') {
      throw new ConflictError(
        `Evaluation run ${runId} is ${run.status}, it no longer takes results`,
      );
    }
  }
}
