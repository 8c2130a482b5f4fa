// @ts-check

/**
 * Entity refs are paged through with `>` and `ORDER BY`. On PostgreSQL the
 * database's collation (often a locale) would order them differently from
 * JavaScript and SQLite; byte order ("C") keeps cursors and chunking
 * consistent everywhere, and makes the B-tree comparisons cheaper.
 *
 * @param {import('knex').Knex} knex
 * @param {import('knex').Knex.CreateTableBuilder} table
 * @param {string} name
 */
function refColumn(knex, table, name) {
  if (knex.client.dialect === 'postgresql') {
    return table.specificType(name, 'text COLLATE "C"');
  }
  return table.text(name);
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('evaluation_runs', table => {
    table.comment('Evaluation runs of the golden paths, one row per run');
    table.increments('id').comment('Run id');
    table
      .string('status', 16)
      .notNullable()
      .comment('running, succeeded or failed');
    table
      .timestamp('started_at', { useTz: true })
      .notNullable()
      .comment('When the run started');
    table
      .timestamp('finished_at', { useTz: true })
      .nullable()
      .comment('When the run succeeded or failed');
    table.text('stats').nullable().comment('Figures of the run, JSON');
    table.text('error').nullable().comment('Why the run failed');
  });

  await knex.schema.createTable('evaluation_state', table => {
    table.comment(
      'A single row (id 1) pointing at the run whose results are served',
    );
    table.integer('id').primary().comment('Always 1');
    table
      .integer('current_run_id')
      .nullable()
      .references('id')
      .inTable('evaluation_runs')
      .onDelete('SET NULL')
      .comment('The last completed run, whose results readers see');
  });

  await knex.schema.createTable('component_results', table => {
    table.comment(
      'Evaluation of each follower of a path, written under the id of the run',
    );
    // No foreign key to evaluation_runs: rows are written in bulk and deleted
    // by run id explicitly, a per-row reference check would only cost time.
    table.integer('run_id').notNullable().comment('The run that wrote the row');
    refColumn(knex, table, 'entity_ref')
      .notNullable()
      .comment('Full entity ref of the component, lower case');
    refColumn(knex, table, 'path_ref')
      .notNullable()
      .comment('Full entity ref of the followed path, lower case');
    table.text('title').nullable();
    table.text('owner').nullable();
    table.text('type').nullable();
    table.text('lifecycle').nullable();
    table.text('drift').notNullable().comment('DriftInfo, JSON');
    table.text('checks').notNullable().comment('CheckResult[], JSON');
    table.boolean('compliant').notNullable().comment('Passes every check');
    table
      .text('entity_etag')
      .nullable()
      .comment('metadata.etag of the evaluated entity');
    table
      .timestamp('evaluated_at', { useTz: true })
      .notNullable()
      .comment('When the component was evaluated');
    // Leads with run_id: serves lookups by entity and the deletion of a
    // whole run's rows.
    table.primary(['run_id', 'entity_ref']);
    table.index(
      ['run_id', 'path_ref', 'entity_ref'],
      'component_results_path_idx',
    );
  });

  await knex.schema.createTable('path_summaries', table => {
    table.comment('Aggregates of each path, as of the current run');
    refColumn(knex, table, 'path_ref')
      .primary()
      .notNullable()
      .comment('Full entity ref of the path, lower case');
    table.text('details').notNullable().comment('PathDetails, JSON');
  });

  await knex.schema.createTable('path_history', table => {
    table.comment('Adoption and compliance of each path, one row per day');
    table.text('path_ref').notNullable().comment('Full entity ref of the path');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.integer('adoption').notNullable().comment('Followers');
    table.integer('compliant').notNullable().comment('Compliant followers');
    table.primary(['path_ref', 'day']);
  });

  await knex.schema.createTable('repository_cache', table => {
    table.comment('Files of repositories as last read, to read them less');
    table
      .string('location_hash', 64)
      .primary()
      .notNullable()
      .comment('sha256 of location, hex; locations can be long');
    table.text('location').notNullable().comment('The URL the files came from');
    table.text('etag').notNullable().comment('ETag of the read');
    table
      .text('patterns_key')
      .notNullable()
      .comment('The glob patterns the files were filtered with');
    table.text('snapshot').notNullable().comment('RepositorySnapshot, JSON');
    table
      .timestamp('read_at', { useTz: true })
      .notNullable()
      .comment('When the files were read');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('repository_cache');
  await knex.schema.dropTable('path_history');
  await knex.schema.dropTable('path_summaries');
  await knex.schema.dropTable('component_results');
  await knex.schema.dropTable('evaluation_state');
  await knex.schema.dropTable('evaluation_runs');
};
