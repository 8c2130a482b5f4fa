import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';

/**
 * Tells a changed file from an unchanged one without reading it: a write
 * changes the size or the change time (which no one can set back).
 */
function statsKey(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** The ETag of one file, from its metadata. */
export function fileEtag(stats: BigIntStats): string {
  return createHash('sha256').update(statsKey(stats)).digest('hex');
}

/** The ETag of a tree, from its files' paths and metadata. */
export function treeEtag(
  files: Array<{ path: string; stats: BigIntStats }>,
): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(`${file.path}\0${statsKey(file.stats)}\n`);
  }
  return hash.digest('hex');
}
