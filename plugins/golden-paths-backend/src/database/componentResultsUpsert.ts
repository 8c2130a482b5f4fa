import type { Knex } from 'knex';
import {
  COMPONENT_RESULT_MERGE_COLUMNS,
  type ComponentResultRow,
} from './evaluationRows';

/**
 * Inserts followers' result rows, or replaces the rows of the same run and
 * entity. The rows must name each entity of a run once.
 */
export async function upsertComponentResults(
  tx: Knex.Transaction,
  rows: ComponentResultRow[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  if (tx.client.dialect === 'postgresql') {
    await upsertAsArrays(tx, rows);
    return;
  }
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
 * PostgreSQL: one array per column instead of a binding per value (a
 * thousand rows are a dozen bindings, not thirteen thousand that knex
 * places and the server parses), and each distinct drift, check results and
 * time once, however many followers share it: most share one of a few.
 */
const UPSERT_AS_ARRAYS = `
INSERT INTO component_results (
  run_id, entity_ref, path_ref, title, owner, type, lifecycle,
  drift, checks, compliant, entity_etag, evaluated_at
)
SELECT r.run_id, r.entity_ref, r.path_ref, r.title, r.owner, r.type,
  r.lifecycle, (?::text[])[r.drift], (?::text[])[r.checks], r.compliant,
  r.entity_etag, (?::timestamptz[])[r.evaluated_at]
FROM unnest(
  ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
  ?::text[], ?::integer[], ?::integer[], ?::boolean[], ?::text[], ?::integer[]
) AS r(
  run_id, entity_ref, path_ref, title, owner, type, lifecycle,
  drift, checks, compliant, entity_etag, evaluated_at
)
ON CONFLICT (run_id, entity_ref) DO UPDATE SET
${COMPONENT_RESULT_MERGE_COLUMNS.map(
  column => `  ${column} = EXCLUDED.${column}`,
).join(',\n')}
`;

/**
 * A JavaScript array as one binding: the driver sends it as a PostgreSQL
 * array (knex's types know no arrays holding nulls).
 */
function asArray(values: unknown[]): Knex.Value {
  return values as Knex.Value;
}

async function upsertAsArrays(
  tx: Knex.Transaction,
  rows: ComponentResultRow[],
): Promise<void> {
  const column = (key: keyof ComponentResultRow) => rows.map(row => row[key]);
  const drift = dictionary(column('drift'));
  const checks = dictionary(column('checks'));
  const evaluatedAt = dictionary(column('evaluated_at'));
  await tx.raw(
    UPSERT_AS_ARRAYS,
    [
      drift.distinct,
      checks.distinct,
      evaluatedAt.distinct,
      column('run_id'),
      column('entity_ref'),
      column('path_ref'),
      column('title'),
      column('owner'),
      column('type'),
      column('lifecycle'),
      drift.indexes,
      checks.indexes,
      column('compliant'),
      column('entity_etag'),
      evaluatedAt.indexes,
    ].map(asArray),
  );
}
