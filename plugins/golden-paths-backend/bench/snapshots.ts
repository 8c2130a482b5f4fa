import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { connectTo } from './backend';
import { type SyntheticCatalog, syntheticComponent } from './syntheticCatalog';

/**
 * Copies of the loaded catalog database, one per size, so that a later run
 * (`--reuse`) measures any size without loading it again (loading 100k
 * components takes about ten minutes; a copy, seconds). Each carries, as
 * its database comment, a fingerprint of the synthetic catalog it holds: a
 * copy made from another generator is never used.
 */

/**
 * A hash of what the generator writes: the fixed entities and the first
 * thousand components (every component depends on its index alone).
 */
export function catalogFingerprint(catalog: SyntheticCatalog): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([catalog.groups, catalog.systems, catalog.paths]));
  for (let i = 0; i < 1000; i++) {
    hash.update(JSON.stringify(syntheticComponent(catalog, i)));
  }
  return hash.digest('hex').slice(0, 32);
}

export const snapshotName = (catalogDatabase: string, size: number) =>
  `${catalogDatabase}_${size}`;

async function withAdmin<T>(fn: (admin: Knex) => Promise<T>): Promise<T> {
  const admin = connectTo('postgres');
  try {
    return await fn(admin);
  } finally {
    await admin.destroy();
  }
}

/** The database's comment, if it exists; null when it has none. */
async function commentOf(
  admin: Knex,
  database: string,
): Promise<string | null | undefined> {
  const { rows } = await admin.raw(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ?`,
    [database],
  );
  return rows.length ? rows[0].comment : undefined;
}

// Fingerprints are hex: safe to write into the statement (COMMENT takes
// no parameters).
async function setComment(admin: Knex, database: string, comment: string) {
  if (!/^[0-9a-f]+$/.test(comment)) {
    throw new Error(`Not a fingerprint: ${comment}`);
  }
  await admin.raw(`COMMENT ON DATABASE ?? IS '${comment}'`, [database]);
}

/** Whether `database` exists and holds the catalog of `fingerprint`. */
export async function holdsCatalog(
  database: string,
  fingerprint: string,
): Promise<boolean> {
  return withAdmin(
    async admin => (await commentOf(admin, database)) === fingerprint,
  );
}

/** Marks the working database as holding the catalog of `fingerprint`. */
export async function markCatalog(
  database: string,
  fingerprint: string,
): Promise<void> {
  await withAdmin(admin => setComment(admin, database, fingerprint));
}

/**
 * `CREATE DATABASE target TEMPLATE source`, replacing `target`. PostgreSQL
 * copies only a database nobody is connected to: stop the backend first.
 */
export async function copyDatabase(
  source: string,
  target: string,
): Promise<void> {
  await withAdmin(async admin => {
    await admin.raw(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()',
      [source],
    );
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [target]);
    // FILE_COPY: a checkpoint and a file copy, much faster for a database
    // of a gigabyte than the default, which writes it all to the WAL.
    await admin.raw('CREATE DATABASE ?? TEMPLATE ?? STRATEGY FILE_COPY', [
      target,
      source,
    ]);
    const comment = await commentOf(admin, source);
    if (comment) {
      await setComment(admin, target, comment);
    }
  });
}

/** Sizes with a snapshot of the catalog of `fingerprint`, ascending. */
export async function snapshotSizes(
  catalogDatabase: string,
  fingerprint: string,
): Promise<number[]> {
  return withAdmin(async admin => {
    const { rows } = await admin.raw(
      `select datname, shobj_description(oid, 'pg_database') as comment from pg_database where datname like ?`,
      [`${catalogDatabase.replace(/_/g, '\\_')}\\_%`],
    );
    return (rows as Array<{ datname: string; comment: string | null }>)
      .filter(r => r.comment === fingerprint)
      .map(r => Number(r.datname.slice(catalogDatabase.length + 1)))
      .filter(n => Number.isInteger(n) && n > 0)
      .sort((a, b) => a - b);
  });
}
