import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashFiles, readBlobs } from './blobs';
import { runGit } from './git';
import type { ConflictStages } from './mergeTree';
import type { TreeEntry, TreeListing } from './treeEntries';

/** The names written after `<<<<<<<`, `|||||||` and `>>>>>>>`. */
export interface ConflictLabels {
  repository: string;
  base: string;
  template: string;
}

// A label is one line of a conflict marker.
function oneLine(label: string): string {
  return label.replace(/[\r\n]+/g, ' ').trim() || 'unnamed';
}

/**
 * Merges conflicted text files again with `git merge-file` so their markers
 * name the repository and the two template versions (`git merge-tree`
 * labels them with the commits' names instead).
 *
 * @returns The new entry of each path, its blob written to `gitDir`.
 */
export async function relabelConflicts(options: {
  gitDir: string;
  scratchRoot: string;
  conflicts: Map<string, ConflictStages>;
  result: TreeListing;
  labels: ConflictLabels;
}): Promise<Map<string, TreeEntry>> {
  const entries = new Map<string, TreeEntry>();
  if (options.conflicts.size === 0) return entries;
  const conflicts = [...options.conflicts];
  const blobs = await readBlobs(
    options.gitDir,
    conflicts.flatMap(([, s]) =>
      [s[1], s[2], s[3]].flatMap(e => (e ? [e.oid] : [])),
    ),
  );
  const scratch = await mkdtemp(join(options.scratchRoot, 'conflicts-'));
  const merged: string[] = [];
  for (const [index, [, stages]] of conflicts.entries()) {
    const dir = join(scratch, String(index));
    await mkdir(dir);
    const [ours, base, theirs] = ['ours', 'base', 'theirs'].map(n =>
      join(dir, n),
    );
    await writeFile(ours, blobs.get(stages[2]!.oid)!);
    await writeFile(base, stages[1] ? blobs.get(stages[1].oid)! : '');
    await writeFile(theirs, blobs.get(stages[3]!.oid)!);
    await runGit({
      gitDir: options.gitDir,
      args: [
        'merge-file',
        '-L',
        oneLine(options.labels.repository),
        '-L',
        oneLine(options.labels.base),
        '-L',
        oneLine(options.labels.template),
        ours,
        base,
        theirs,
      ],
      // The exit code counts the conflicts; only a negative one is an error.
      okCodes: code => code >= 0 && code < 128,
    });
    merged.push(ours);
  }
  const oids = await hashFiles(options.gitDir, merged);
  conflicts.forEach(([path, stages], i) => {
    const mode = options.result.get(path)?.mode ?? stages[2]!.mode;
    entries.set(path, { mode, oid: oids[i] });
  });
  return entries;
}
