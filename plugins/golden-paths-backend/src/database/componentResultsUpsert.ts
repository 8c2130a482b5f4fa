import type { Knex } from 'knex';
import {
  COMPONENT_RESULT_MERGE_COLUMNS,
  type ComponentResultRow,
  toDate,
} from './evaluationRows';

/**
 * Inserts followers' result rows, or replaces the rows of the same run and
 * entity, with knex (SQLite). The rows must name each entity once.
 */
export async function upsertComponentResults(
  tx: Knex.Transaction,
  rows: ComponentResultRow[],
): Promise<void> {
  await tx<ComponentResultRow>('component_results')
    .insert(rows)
    .onConflict(['run_id', 'entity_ref'])
    .merge([...COMPONENT_RESULT_MERGE_COLUMNS]);
}

/** Each distinct value once, and each row's index (1-based) into them. */
function dictionary<T>(values: T[]): { distinct: T[]; indexes: number[] } {
  const index = new Map<T, number>();
  const distinct: T[] = [];
  const indexes = values.map(value => {
    let i = index.get(value);
    if (i === undefined) {
      distinct.push(value);
      i = distinct.length;
      index.set(value, i);
    }
    return i;
  });
  return { distinct, indexes };
}

/*
 * PostgreSQL: the rows as one JSON document, serialized natively (a
 * binding per value costs knex and the driver a string each, and an array
 * per column costs the driver a concatenation per value), and each distinct
 * drift, check results and time in a list of its own, once however many
 * followers share it: most share one of a few.
 */
const UPSERT_FROM_JSON = `
INSERT INTO component_results (
  run_id, entity_ref, path_ref, title, owner, type, lifecycle,
  drift, checks, compliant, entity_etag, evaluated_at
)
SELECT r.run_id, r.entity_ref, r.path_ref, r.title, r.owner, r.type,
  r.lifecycle, d.value, c.value, r.compliant, r.entity_etag,
  t.value::timestamptz
FROM json_to_recordset(?::json) AS r(
  run_id integer, entity_ref text, path_ref text, title text, owner text,
  type text, lifecycle text, drift integer, checks integer,
  compliant boolean, entity_etag text, evaluated_at integer
)
JOIN json_array_elements_text(?::json) WITH ORDINALITY AS d(value, i)
  ON d.i = r.drift
JOIN json_array_elements_text(?::json) WITH ORDINALITY AS c(value, i)
  ON c.i = r.checks
JOIN json_array_elements_text(?::json) WITH ORDINALITY AS t(value, i)
  ON t.i = r.evaluated_at
WHERE EXISTS (
  SELECT 1 FROM evaluation_runs
  WHERE id = ? AND status = 'running'
  FOR SHARE
)
ON CONFLICT (run_id, entity_ref) DO UPDATE SET
${COMPONENT_RESULT_MERGE_COLUMNS.map(
  column => `  ${column} = EXCLUDED.${column}`,
).join(',\n')}
`;

/**
 * Text as the driver would send it: a lone UTF-16 surrogate (possible in
 * a title) becomes U+FFFD, where in JSON it would be an escape PostgreSQL
 * rejects.
 */
function wellFormed(text: string | null): string | null {
  return text === null || text.isWellFormed() ? text : text.toWellFormed();
}

/**
 * PostgreSQL: inserts followers' result rows of run `runId`, or replaces
 * the rows of the same run and entity, in one statement, atomic by itself,
 * and only while the run is `running`: the statement holds the run's row
 * under a share lock until it commits, so a concurrent completeRun, which
 * fails every other running run, waits for it, or it writes nothing if that
 * run completed first. The rows must name each entity once. Returns whether
 * the rows were written (false: the run is not running).
 */
export async function upsertComponentResultsWhileRunning(
  db: Knex,
  runId: number,
  rows: ComponentResultRow[],
): Promise<boolean> {
  const drift = dictionary(rows.map(row => wellFormed(row.drift)));
  const checks = dictionary(rows.map(row => wellFormed(row.checks)));
  const evaluatedAt = dictionary(rows.map(row => row.evaluated_at));
  const json = JSON.stringify(
    rows.map((row, i) => ({
      run_id: row.run_id,
      entity_ref: wellFormed(row.entity_ref),
      path_ref: wellFormed(row.path_ref),
      title: wellFormed(row.title),
      owner: wellFormed(row.owner),
      type: wellFormed(row.type),
      lifecycle: wellFormed(row.lifecycle),
      drift: drift.indexes[i],
      checks: checks.indexes[i],
      compliant: Boolean(row.compliant),
      entity_etag: wellFormed(row.entity_etag),
      evaluated_at: evaluatedAt.indexes[i],
    })),
  );
  const result = await db.raw(UPSERT_FROM_JSON, [
    json,
    JSON.stringify(drift.distinct),
    JSON.stringify(checks.distinct),
    JSON.stringify(
      evaluatedAt.distinct.map(time => toDate(time).toISOString()),
    ),
    runId,
  ]);
  return Number(result.rowCount) > 0;
}
