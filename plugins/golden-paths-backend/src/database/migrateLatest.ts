import type { Knex } from 'knex';

/**
 * The key of the PostgreSQL advisory lock that serialises this plugin's
 * migrations across replicas (an arbitrary constant, unique to the plugin:
 * advisory locks are shared by everything using the database).
 */
const MIGRATION_LOCK_KEY = '7395143870114925561';

/**
 * Brings the database to the latest migration, also when several replicas
 * start on a fresh database at once.
 *
 * knex serialises migrations with a row in `knex_migrations_lock`, but it
 * creates that table and `knex_migrations` first, with no lock: two replicas
 * both see no table and both run `CREATE TABLE`, and one fails (`relation
 * "knex_migrations" already exists`, or a duplicate key in `pg_type`). On
 * PostgreSQL the whole migration runs in one transaction that first takes a
 * transaction-scoped advisory lock, so a second replica waits for the
 * first to commit and then finds nothing left to do. DDL is transactional
 * there, and the lock ends with the transaction whatever happens. SQLite
 * (one process) needs nothing more; other databases keep knex's own lock.
 */
export async function migrateLatest(
  client: Knex,
  options: { directory: string },
): Promise<void> {
  if (client.client.dialect !== 'postgresql') {
    await client.migrate.latest({ directory: options.directory });
    return;
  }
  await client.transaction(async trx => {
    await trx.raw('SELECT pg_advisory_xact_lock(?::bigint)', [
      MIGRATION_LOCK_KEY,
    ]);
    await trx.migrate.latest({ directory: options.directory });
  });
}
