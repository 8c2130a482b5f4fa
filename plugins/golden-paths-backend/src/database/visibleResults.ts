import type { HistoryPoint } from '@golden-paths/golden-paths-common';
import type { EntityFilter } from '@backstage/plugin-catalog-node';
import type { Knex } from 'knex';
import type {
  FollowerPageOptions,
  FollowerResultGroup,
  StoredComponentResult,
  VisibleTo,
} from './EvaluationStore';
import {
  type PathHistoryRow,
  type PathSummaryRow,
  toComponentResult,
} from './evaluationRows';
import { chunks } from './chunks';
import {
  currentResults,
  currentRunIdQuery,
  QUERY_CHUNK_SIZE,
} from './currentRun';
import { whereEntityMatches } from './entityFilterQuery';
import {
  readIntervalGroups,
  readIntervalsSince,
} from './followerIntervalsTable';
import { historyFromIntervals } from './historyFromIntervals';

/*
 * Reads of the current run scoped to what a caller may see: each takes a
 * filter over the entities' stored facts (or, for history, the refs the
 * catalog named) and applies it in the same statement as the read.
 */

/** See {@link EvaluationStore.listFollowers}. */
export async function listFollowers(
  db: Knex,
  pathRef: string,
  options: FollowerPageOptions,
): Promise<StoredComponentResult[]> {
  const { limit, afterEntityRef, entityRefs, visibleTo } = options;
  if (limit <= 0) {
    return [];
  }

  const query = (max: number) => {
    const q = currentResults(db)
      .where('path_ref', pathRef)
      .orderBy('entity_ref')
      .limit(max);
    if (afterEntityRef !== undefined) {
      q.where('entity_ref', '>', afterEntityRef);
    }
    return visibleTo
      ? whereEntityMatches(db, q, 'component_results.entity_ref', visibleTo)
      : q;
  };

  if (!entityRefs) {
    return (await query(limit)).map(toComponentResult);
  }

  // The wanted refs go in sorted slices, so each slice's rows come after
  // the previous slice's and the page can stop as soon as it is full. The
  // tables compare refs bytewise (collation "C" on PostgreSQL), which for
  // entity refs is the order of a JavaScript sort.
  const wanted = [...new Set(entityRefs)]
    .filter(ref => afterEntityRef === undefined || ref > afterEntityRef)
    .sort();
  const page: StoredComponentResult[] = [];
  for (const chunk of chunks(wanted, QUERY_CHUNK_SIZE)) {
    const rows = await query(limit - page.length).whereIn('entity_ref', chunk);
    page.push(...rows.map(toComponentResult));
    if (page.length >= limit) {
      break;
    }
  }
  return page;
}

/** See {@link EvaluationStore.groupFollowerResults}. */
export async function groupFollowerResults(
  db: Knex,
  visibleTo: EntityFilter,
): Promise<FollowerResultGroup[]> {
  const rows = await whereEntityMatches(
    db,
    db('component_results').where('run_id', '=', currentRunIdQuery(db)),
    'component_results.entity_ref',
    visibleTo,
  )
    .groupBy('path_ref', 'compliant', 'drift', 'checks')
    .select(
      'path_ref',
      'compliant',
      'drift',
      'checks',
      db.raw('count(*) as n'),
    );
  return rows.map(row => ({
    pathRef: row.path_ref,
    compliant: Boolean(row.compliant),
    drift: JSON.parse(row.drift),
    checks: JSON.parse(row.checks),
    count: Number(row.n),
  }));
}

/** See {@link EvaluationStore.listFollowerVersions}. */
export async function listFollowerVersions(
  db: Knex,
  pathRef: string,
  visibleTo?: EntityFilter,
): Promise<Array<{ entityRef: string; version: string }>> {
  const query = db('component_results')
    .where('run_id', '=', currentRunIdQuery(db))
    .where('path_ref', pathRef)
    .select('entity_ref', 'drift');
  const rows = visibleTo
    ? await whereEntityMatches(
        db,
        query,
        'component_results.entity_ref',
        visibleTo,
      )
    : await query;
  return rows.flatMap(row => {
    const drift = JSON.parse(row.drift) as StoredComponentResult['drift'];
    return drift.currentVersion
      ? [{ entityRef: row.entity_ref, version: drift.currentVersion }]
      : [];
  });
}

/** See {@link EvaluationStore.listPathRefs}. */
export async function listPathRefs(
  db: Knex,
  visibleTo: EntityFilter,
): Promise<string[]> {
  const rows = await whereEntityMatches(
    db,
    db<PathSummaryRow>('path_summaries').orderBy('path_ref'),
    'path_summaries.path_ref',
    visibleTo,
  ).select('path_ref');
  return rows.map(row => row.path_ref);
}

/** See {@link EvaluationStore.getVisibleHistory}. */
export async function getVisibleHistory(
  db: Knex,
  pathRef: string,
  range: { from: string; to: string },
  visibleTo: VisibleTo,
): Promise<HistoryPoint[]> {
  const since = await readIntervalsSince(db);
  if (!since) {
    return [];
  }
  const start = range.from > since ? range.from : since;
  const days = (
    await db<PathHistoryRow>('path_history')
      .where('path_ref', pathRef)
      .where('day', '>=', start)
      .where('day', '<=', range.to)
      .orderBy('day', 'asc')
      .select('day')
  ).map(row => row.day);
  if (days.length === 0) {
    return [];
  }
  return historyFromIntervals(
    days,
    await readIntervalGroups(
      db,
      pathRef,
      days[0],
      days[days.length - 1],
      visibleTo,
    ),
  );
}
