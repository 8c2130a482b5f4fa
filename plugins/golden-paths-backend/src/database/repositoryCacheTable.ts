import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { chunks } from './chunks';
import type { RepositoryCacheEntry } from './EvaluationStore';
import { type RepositoryCacheRow, toDate } from './evaluationRows';

/** Values per `IN (...)` list; SQLite limits the bindings of a statement. */
const QUERY_CHUNK_SIZE = 500;
/** Snapshots carry file contents, so fewer of them go in one statement. */
const CACHE_WRITE_CHUNK_SIZE = 50;

function hashLocation(location: string): string {
  return createHash('sha256').update(location).digest('hex');
}

/** The cached snapshots of these repositories, by location. */
export async function readRepositoryCache(
  db: Knex,
  locations: string[],
): Promise<Map<string, RepositoryCacheEntry>> {
  const wanted = new Set(locations);
  const entries = new Map<string, RepositoryCacheEntry>();
  for (const chunk of chunks([...wanted], QUERY_CHUNK_SIZE)) {
    const rows = await db<RepositoryCacheRow>('repository_cache')
      .whereIn('location_hash', chunk.map(hashLocation))
      .select();
    for (const row of rows) {
      if (wanted.has(row.location)) {
        entries.set(row.location, {
          location: row.location,
          etag: row.etag,
          patternsKey: row.patterns_key,
          snapshot: JSON.parse(row.snapshot),
          readAt: toDate(row.read_at),
        });
      }
    }
  }
  return entries;
}

/** Stores snapshots, the last one per location winning, in one transaction. */
export async function writeRepositoryCache(
  db: Knex,
  entries: RepositoryCacheEntry[],
): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  const byLocation = new Map<string, RepositoryCacheRow>();
  for (const entry of entries) {
    byLocation.set(entry.location, {
      location_hash: hashLocation(entry.location),
      location: entry.location,
      etag: entry.etag,
      patterns_key: entry.patternsKey,
      snapshot: JSON.stringify(entry.snapshot),
      read_at: entry.readAt,
    });
  }
  const rows = [...byLocation.values()];
  await db.transaction(async tx => {
    for (const chunk of chunks(rows, CACHE_WRITE_CHUNK_SIZE)) {
      await tx<RepositoryCacheRow>('repository_cache')
        .insert(chunk)
        .onConflict('location_hash')
        .merge(['location', 'etag', 'patterns_key', 'snapshot', 'read_at']);
    }
  });
}
