import type { TreeFile } from './types';
import { runGit } from './git';
import { blobId, type ObjectFormat } from './objectId';

/** One entry of a flattened tree: its mode (`100644`, `100755`, `120000`, `160000`) and object. */
export interface TreeEntry {
  mode: string;
  oid: string;
}

/** A flattened tree: file path to entry. */
export type TreeListing = Map<string, TreeEntry>;

/** Whether two entries hold the same content with the same mode. */
export function sameEntry(a?: TreeEntry, b?: TreeEntry): boolean {
  return !!a && !!b && a.mode === b.mode && a.oid === b.oid;
}

/** The mode git stores for a file. */
export function modeOf(file: TreeFile): string {
  return file.executable ? '100755' : '100644';
}

/** Lists in-memory files as git would store them, without writing them. */
export function listFiles(
  files: TreeFile[],
  format: ObjectFormat,
): { listing: TreeListing; blobs: Map<string, Buffer> } {
  const listing: TreeListing = new Map();
  const blobs = new Map<string, Buffer>();
  for (const file of files) {
    const oid = blobId(file.content, format);
    listing.set(file.path, { mode: modeOf(file), oid });
    blobs.set(oid, file.content);
  }
  return { listing, blobs };
}

/** Lists every file of a tree (recursively) in a repository. */
export async function listTree(
  gitDir: string,
  treeish: string,
): Promise<TreeListing> {
  const { stdout } = await runGit({
    gitDir,
    args: ['ls-tree', '-r', '-z', '--full-tree', treeish],
  });
  const listing: TreeListing = new Map();
  for (const record of stdout.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, , oid] = record.slice(0, tab).split(' ');
    listing.set(record.slice(tab + 1), { mode, oid });
  }
  return listing;
}
