import type { Knex } from 'knex';
import {
  COMPONENT_RESULT_COLUMNS,
  type ComponentResultRow,
} from './evaluationRows';

/** The primary key of the single row of `evaluation_state`. */
export const STATE_ID = 1;

/** Values per `IN (...)` list; SQLite limits the bindings of a statement. */
export const QUERY_CHUNK_SIZE = 500;

/**
 * The current run's id, as a subquery of the statement that uses it, so
 * that a read sees one complete run, never one under way.
 */
export function currentRunIdQuery(db: Knex) {
  return db('evaluation_state').where('id', STATE_ID).select('current_run_id');
}

/** Results of the current run, its id read within the same statement. */
export function currentResults(db: Knex) {
  return db<ComponentResultRow>('component_results')
    .where('run_id', '=', currentRunIdQuery(db))
    .select<ComponentResultRow[]>([...COMPONENT_RESULT_COLUMNS]);
}
