import type {
  RunInfo,
  RunStats,
  StoredComponentResult,
} from './EvaluationStore';
import { jsonOf } from './sharedJson';

/*
 * The evaluation tables' rows as the databases return them, and their
 * mapping to and from the store's plain types.
 */

export type DbTimestamp = Date | string | number;

export type RunRow = {
  id: number;
  status: RunInfo['status'];
  started_at: DbTimestamp;
  finished_at: DbTimestamp | null;
  stats: string | null;
  error: string | null;
};

export type ComponentResultRow = {
  run_id: number;
  entity_ref: string;
  path_ref: string;
  title: string | null;
  owner: string | null;
  type: string | null;
  lifecycle: string | null;
  drift: string;
  checks: string;
  compliant: boolean | number;
  entity_etag: string | null;
  evaluated_at: DbTimestamp;
};

export type PathSummaryRow = {
  path_ref: string;
  details: string;
};

export type PathHistoryRow = {
  path_ref: string;
  day: string;
  adoption: number;
  compliant: number;
};

export type RepositoryCacheRow = {
  location_hash: string;
  location: string;
  etag: string;
  patterns_key: string;
  snapshot: string;
  read_at: DbTimestamp;
};

/** What a rewrite of a follower's row replaces: everything but the key. */
export const COMPONENT_RESULT_MERGE_COLUMNS = [
  'path_ref',
  'title',
  'owner',
  'type',
  'lifecycle',
  'drift',
  'checks',
  'compliant',
  'entity_etag',
  'evaluated_at',
] as const;

export const COMPONENT_RESULT_COLUMNS = [
  'entity_ref',
  ...COMPONENT_RESULT_MERGE_COLUMNS,
] as const;

/**
 * PostgreSQL returns `Date`s. SQLite returns what was stored: knex binds a
 * `Date` as epoch milliseconds, and `CURRENT_TIMESTAMP` gives a UTC text
 * without a zone.
 */
export function toDate(value: DbTimestamp): Date {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'number') {
    return new Date(value);
  }
  if (/^\d+$/.test(value)) {
    return new Date(Number(value));
  }
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)) {
    return new Date(`${value.replace(' ', 'T')}Z`);
  }
  return new Date(value);
}

export function toComponentResultRow(
  runId: number,
  result: StoredComponentResult,
): ComponentResultRow {
  return {
    run_id: runId,
    entity_ref: result.entityRef,
    path_ref: result.pathRef,
    title: result.title ?? null,
    owner: result.owner ?? null,
    type: result.type ?? null,
    lifecycle: result.lifecycle ?? null,
    // Followers share their drift and check results: serialized once.
    drift: jsonOf(result.drift),
    checks: jsonOf(result.checks),
    compliant: result.compliant,
    entity_etag: result.entityEtag ?? null,
    evaluated_at: result.evaluatedAt,
  };
}

export function toComponentResult(
  row: ComponentResultRow,
): StoredComponentResult {
  const result: StoredComponentResult = {
    entityRef: row.entity_ref,
    pathRef: row.path_ref,
    drift: JSON.parse(row.drift),
    checks: JSON.parse(row.checks),
    compliant: Boolean(row.compliant),
    evaluatedAt: toDate(row.evaluated_at),
  };
  if (row.title !== null) {
    result.title = row.title;
  }
  if (row.owner !== null) {
    result.owner = row.owner;
  }
  if (row.type !== null) {
    result.type = row.type;
  }
  if (row.lifecycle !== null) {
    result.lifecycle = row.lifecycle;
  }
  if (row.entity_etag !== null) {
    result.entityEtag = row.entity_etag;
  }
  return result;
}

export function toRunInfo(row: RunRow): RunInfo {
  const run: RunInfo = {
    id: Number(row.id),
    status: row.status,
    startedAt: toDate(row.started_at),
  };
  if (row.finished_at !== null) {
    run.finishedAt = toDate(row.finished_at);
  }
  if (row.stats !== null) {
    run.stats = JSON.parse(row.stats) as RunStats;
  }
  if (row.error !== null) {
    run.error = row.error;
  }
  return run;
}
