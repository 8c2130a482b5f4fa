// @ts-check

/**
 * Byte order ("C") on PostgreSQL, as in the first migration: these columns
 * are compared with `component_results.entity_ref` and paged with `>`.
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
 * What a conditional catalog read decision needs to be applied to the
 * stored results without asking the catalog per request: each follower's
 * and path's searchable facts (as the catalog's own search table holds
 * them), and each follower's state as intervals of days, so that history
 * can be counted over what a caller may read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('entity_facts', table => {
    table.comment(
      'Searchable facts of followers and paths (kind, metadata.*, spec.*, relations.ownedby), lower case as in the catalog search table',
    );
    refColumn(knex, table, 'entity_ref')
      .notNullable()
      .comment('Full entity ref, lower case');
    refColumn(knex, table, 'key').notNullable().comment('Flattened key');
    refColumn(knex, table, 'value')
      .nullable()
      .comment('Lower-case value; null when absent or over 200 characters');
    // Serves the conditions' subqueries (key, values) → entity refs from the
    // index alone.
    table.index(['key', 'value', 'entity_ref'], 'entity_facts_key_idx');
    table.index(['entity_ref'], 'entity_facts_entity_idx');
  });

  await knex.schema.createTable('entity_fact_sources', table => {
    table.comment(
      'Which version of each entity the facts were taken from, so that unchanged entities are not written again',
    );
    refColumn(knex, table, 'entity_ref')
      .primary()
      .notNullable()
      .comment('Full entity ref, lower case');
    table
      .text('etag')
      .notNullable()
      .comment('metadata.etag of the entity the facts were taken from');
  });

  await knex.schema.createTable('follower_intervals', table => {
    table.comment(
      'Each follower’s path and compliance over time: a row per stretch of days in one state',
    );
    table.increments('id');
    refColumn(knex, table, 'entity_ref')
      .notNullable()
      .comment('Full entity ref of the follower, lower case');
    refColumn(knex, table, 'path_ref')
      .notNullable()
      .comment('Full entity ref of the followed path, lower case');
    table.boolean('compliant').notNullable();
    table
      .string('from_day', 10)
      .notNullable()
      .comment('First UTC day in this state, YYYY-MM-DD');
    table
      .string('to_day', 10)
      .nullable()
      .comment('First UTC day no longer in this state; null while it lasts');
    table.index(['path_ref', 'from_day'], 'follower_intervals_path_idx');
    table.index(['entity_ref', 'to_day'], 'follower_intervals_entity_idx');
  });

  await knex.schema.alterTable('evaluation_state', table => {
    table
      .string('intervals_since', 10)
      .nullable()
      .comment('First UTC day recorded in follower_intervals');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('evaluation_state', table => {
    table.dropColumn('intervals_since');
  });
  await knex.schema.dropTable('follower_intervals');
  await knex.schema.dropTable('entity_fact_sources');
  await knex.schema.dropTable('entity_facts');
};
