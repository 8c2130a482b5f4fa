import { ConflictError, InputError } from '@backstage/errors';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { writeBlobs } from './blobs';
import { inspectRepository, resolveCommit } from './developerRepository';
import { gitText, runGit } from './git';
import { nullId } from './objectId';
import { assertTreePath, assertUniquePaths } from './paths';
import { addAlternate } from './tempRepository';
import { editTree } from './treeEditor';
import { modeOf } from './treeEntries';
import type { ThreeWayMerge, TreeFile } from './types';

/**
 * Where and how to commit a planned merge.
 *
 * @public
 */
export interface CommitToLocalBranchOptions {
  /** The planned merge whose tree is committed. */
  merge: ThreeWayMerge;
  /** The developer's repository (its `.git` folder, or the repository when bare). */
  gitDir: string;
  /** The commit the merge was planned against; defaults to the merge's repository commit. */
  parent?: string;
  /** Branch name without `refs/heads/`, e.g. `golden-paths/upgrade-node-http-service`. */
  branch: string;
  /** The commit message, or a function of the commit's tree id that gives it. */
  message: string | ((treeId: string) => string);
  /**
   * When the branch exists, whether it may be moved off its last commit
   * (its message and tree id); when not, the branch is left as it is and a
   * `ConflictError` thrown. Decided on the commit the move replaces, so a
   * commit added meanwhile makes the move fail rather than be lost.
   * Defaults to always.
   */
  replaceable?: (current: { message: string; tree: string }) => boolean;
  /** Files added or overwritten in the same commit, e.g. the new `.golden-paths/scaffold.yaml`. */
  extraFiles?: TreeFile[];
  /** Author and committer; defaults to Golden Paths. */
  author?: { name: string; email: string };
}

async function assertBranchNotCheckedOut(gitDir: string, ref: string) {
  const worktrees = await gitText({
    gitDir,
    args: ['worktree', 'list', '--porcelain'],
  });
  if (worktrees.split('\n').includes(`branch ${ref}`)) {
    throw new ConflictError(
      `The branch ${ref.slice(
        'refs/heads/'.length,
      )} is checked out; an upgrade never moves a checked-out branch.`,
    );
  }
}

async function assertBranchName(branch: string): Promise<string> {
  const ref = `refs/heads/${branch}`;
  const { code } = await runGit({
    args: ['check-ref-format', ref],
    okCodes: () => true,
  });
  if (code !== 0 || branch.startsWith('-')) {
    throw new InputError(`"${branch}" is not a valid branch name.`);
  }
  return ref;
}

/**
 * Commits a planned merge (plus `extraFiles`) onto the developer's commit
 * and points `refs/heads/<branch>` at it, creating or moving the branch.
 *
 * @remarks
 * Copies the objects the commit needs into the developer's repository, then
 * writes the commit and the ref there. The working tree, the index and
 * `HEAD` are never touched; a branch that is checked out is refused.
 *
 * @public
 */
export async function commitToLocalBranch(
  options: CommitToLocalBranchOptions,
): Promise<{ commit: string }> {
  const { merge, gitDir } = options;
  const ref = await assertBranchName(options.branch);
  const extraFiles = options.extraFiles ?? [];
  for (const file of extraFiles) assertTreePath(file.path, 'extra');
  assertUniquePaths(
    extraFiles.map(f => f.path),
    'extra',
  );
  const developer = await inspectRepository(gitDir);
  const parentRevision = options.parent ?? merge.repositoryCommit;
  if (!parentRevision) {
    throw new InputError(
      'A merge planned from files needs the parent commit to commit onto.',
    );
  }
  const parent = await resolveCommit(gitDir, parentRevision);
  await assertBranchNotCheckedOut(gitDir, ref);

  const scratch = await mkdtemp(join(merge.gitDir, '..', 'commit-'));
  const oids = await writeBlobs(
    merge.gitDir,
    scratch,
    extraFiles.map(f => f.content),
  );
  const treeId = await editTree({
    gitDir: merge.gitDir,
    scratchRoot: scratch,
    format: developer.format,
    treeId: merge.treeId,
    edits: new Map(
      extraFiles.map((f, i) => [f.path, { mode: modeOf(f), oid: oids[i] }]),
    ),
  });

  // Only objects the parent does not already reach are copied.
  await addAlternate(merge.gitDir, developer.objectsDir);
  const { stdout: objects } = await runGit({
    gitDir: merge.gitDir,
    args: ['rev-list', '--objects', treeId, '--not', parent],
  });
  if (objects.length > 0) {
    const { stdout: pack } = await runGit({
      gitDir: merge.gitDir,
      args: ['pack-objects', '--stdout', '--quiet'],
      input: objects,
    });
    await runGit({ gitDir, args: ['unpack-objects', '-q'], input: pack });
  }

  const author = options.author ?? {
    name: 'Golden Paths',
    email: 'golden-paths@localhost',
  };
  const commit = await gitText({
    gitDir,
    env: {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
    },
    args: ['commit-tree', '--no-gpg-sign', treeId, '-p', parent, '-F', '-'],
    input:
      typeof options.message === 'string'
        ? options.message
        : options.message(treeId),
  });

  const { stdout: current } = await runGit({
    gitDir,
    args: ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`],
    okCodes: c => c === 0 || c === 1,
  });
  const currentCommit = current.toString('utf8').trim();
  if (currentCommit && options.replaceable) {
    const text = await gitText({
      gitDir,
      args: ['cat-file', 'commit', currentCommit],
    });
    const split = text.indexOf('\n\n');
    const tree = /^tree ([0-9a-f]+)$/m.exec(text.slice(0, split))?.[1] ?? '';
    const message = split < 0 ? '' : text.slice(split + 2);
    if (!options.replaceable({ message, tree })) {
      throw new ConflictError(
        `The branch ${
          options.branch
        } ends with a commit the upgrade did not write (${currentCommit.slice(
          0,
          7,
        )}); an upgrade never moves a branch off someone's work: merge or move that work and delete the branch, then run the upgrade again.`,
      );
    }
  }
  // The old value makes the move fail if someone moved the branch meanwhile.
  await runGit({
    gitDir,
    args: [
      'update-ref',
      '-m',
      'golden-paths: upgrade',
      ref,
      commit,
      currentCommit || nullId(developer.format),
    ],
  });
  return { commit };
}
