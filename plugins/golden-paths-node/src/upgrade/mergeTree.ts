import { runGit } from './git';
import type { TreeEntry } from './treeEntries';

/** The index stages of a conflicted path: 1 base, 2 ours (repository), 3 theirs (template). */
export interface ConflictStages {
  1?: TreeEntry;
  2?: TreeEntry;
  3?: TreeEntry;
}

/** What `git merge-tree` made of one conflicted path. */
export interface ConflictedPath {
  stages: ConflictStages;
  /** Git's stable conflict types, e.g. `CONFLICT (contents)`, `CONFLICT (binary)`. */
  types: Set<string>;
  /** Git's own sentences about the path's conflicts. */
  messages: string[];
}

/** The result of `git merge-tree --write-tree`. */
export interface MergeTreeResult {
  /** The merged tree; conflicted text files hold git's conflict markers. */
  treeId: string;
  conflicted: Map<string, ConflictedPath>;
}

const STAGE_RECORD = /^(\d{6}) ([0-9a-f]+) ([123])\t(.*)$/s;

/** Parses the `-z` output of `git merge-tree --write-tree`. */
export function parseMergeTreeOutput(output: string): MergeTreeResult {
  const tokens = output.split('\0');
  const conflicted = new Map<string, ConflictedPath>();
  const at = (path: string) => {
    let entry = conflicted.get(path);
    if (!entry) {
      entry = { stages: {}, types: new Set(), messages: [] };
      conflicted.set(path, entry);
    }
    return entry;
  };
  let i = 1;
  for (; i < tokens.length; i++) {
    const match = STAGE_RECORD.exec(tokens[i]);
    if (!match) break;
    const stage = Number(match[3]) as 1 | 2 | 3;
    at(match[4]).stages[stage] = { mode: match[1], oid: match[2] };
  }
  if (tokens[i] === '') i++;
  // Informational messages: <count> <path>... <type> <message>.
  while (i < tokens.length && /^\d+$/.test(tokens[i])) {
    const count = Number(tokens[i]);
    const paths = tokens.slice(i + 1, i + 1 + count);
    const type = tokens[i + 1 + count];
    const message = tokens[i + 2 + count];
    const isConflict = type.startsWith('CONFLICT');
    for (const path of paths) {
      if (isConflict || conflicted.has(path)) at(path).types.add(type);
      if (isConflict) at(path).messages.push(message.trim());
    }
    i += count + 3;
  }
  return { treeId: tokens[0], conflicted };
}

/**
 * Merges `theirs` into `ours` with git's merge-ort, writing the result tree
 * into `gitDir` and touching no ref, index or work tree.
 */
export async function mergeTrees(
  gitDir: string,
  ours: string,
  theirs: string,
): Promise<MergeTreeResult> {
  const { stdout } = await runGit({
    gitDir,
    args: [
      // A folder the template renamed must not pull along the files the
      // developer added to it: those are never touched.
      '-c',
      'merge.directoryRenames=false',
      '-c',
      'merge.renames=true',
      'merge-tree',
      '--write-tree',
      '--messages',
      '-z',
      ours,
      theirs,
    ],
    // 1 means the merge has conflicts, which is a result, not a failure.
    okCodes: code => code === 0 || code === 1,
  });
  return parseMergeTreeOutput(stdout.toString('utf8'));
}
