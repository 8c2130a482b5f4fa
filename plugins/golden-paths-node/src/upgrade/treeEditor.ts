import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { gitText, runGit } from './git';
import { nullId, type ObjectFormat } from './objectId';
import type { TreeEntry } from './treeEntries';

/**
 * Writes a copy of `treeId` with entries set or (with `null`) removed,
 * through a scratch index of our own; nested folders are made as needed.
 */
export async function editTree(options: {
  gitDir: string;
  scratchRoot: string;
  format: ObjectFormat;
  treeId: string;
  edits: Map<string, TreeEntry | null>;
}): Promise<string> {
  if (options.edits.size === 0) return options.treeId;
  const env = {
    GIT_INDEX_FILE: join(options.scratchRoot, `index-${randomUUID()}`),
  };
  try {
    await runGit({
      gitDir: options.gitDir,
      env,
      args: ['read-tree', options.treeId],
    });
    const records = [...options.edits].map(([path, entry]) =>
      entry
        ? `${entry.mode} ${entry.oid}\t${path}\0`
        : `0 ${nullId(options.format)}\t${path}\0`,
    );
    await runGit({
      gitDir: options.gitDir,
      env,
      args: ['update-index', '-z', '--index-info'],
      input: records.join(''),
    });
    return await gitText({ gitDir: options.gitDir, env, args: ['write-tree'] });
  } finally {
    await rm(env.GIT_INDEX_FILE, { force: true });
  }
}
