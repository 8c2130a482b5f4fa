import { readTreeFile } from './blobs';
import { classifyChanges } from './classifyChanges';
import { inspectRepository, resolveCommit } from './developerRepository';
import { gitText } from './git';
import { relabelConflicts } from './labelledConflicts';
import { mergeTrees } from './mergeTree';
import type { ObjectFormat } from './objectId';
import { assertTreePath, assertUniquePaths, exclusionMatcher } from './paths';
import { detectRenames } from './renames';
import { createTempRepository, type TempRepository } from './tempRepository';
import {
  listFiles,
  listTree,
  type TreeEntry,
  type TreeListing,
} from './treeEntries';
import { editTree } from './treeEditor';
import { writeMergeCommits, type RepositoryTree } from './treeWriter';
import type { ThreeWayMerge, ThreeWayMergeOptions, TreeFile } from './types';

function checkFiles(files: TreeFile[], side: string) {
  for (const file of files) assertTreePath(file.path, side);
  assertUniquePaths(
    files.map(f => f.path),
    side,
  );
}

function without(listing: TreeListing, excluded: (p: string) => boolean) {
  return new Map([...listing].filter(([path]) => !excluded(path)));
}

// Reads the repository side into the temporary repository's view: the
// listing the classifier compares, and what the merge commit is made from.
async function repositorySide(
  options: ThreeWayMergeOptions,
  temp: TempRepository,
  excluded: (p: string) => boolean,
  blobs: Map<string, Buffer>,
) {
  const side = options.repository;
  if (side.type === 'files') {
    const { listing, blobs: own } = listFiles(side.files, temp.format);
    own.forEach((content, oid) => blobs.set(oid, content));
    const kept = without(listing, excluded);
    return {
      full: listing,
      listing: kept,
      tree: { listing: kept } as RepositoryTree,
    };
  }
  const commit = await resolveCommit(side.gitDir, side.commit);
  const treeId = await gitText({
    gitDir: temp.gitDir,
    args: ['rev-parse', `${commit}^{tree}`],
  });
  const full = await listTree(temp.gitDir, treeId);
  const remove = [...full.keys()].filter(excluded);
  return {
    commit,
    full,
    listing: without(full, excluded),
    tree: { treeId, remove } as RepositoryTree,
  };
}

/**
 * Plans the upgrade of a repository from one template version to another:
 * a three-way merge of the old version (base), the repository and the new
 * version (template) with git's merge-ort.
 *
 * @remarks
 * Nothing is written into the developer's repository: the merge happens in
 * a temporary bare repository that reads the developer's objects through
 * `objects/info/alternates`. Deliver the result with
 * {@link commitToLocalBranch}, then call `dispose()`.
 *
 * @public
 */
export async function planThreeWayMerge(
  options: ThreeWayMergeOptions,
): Promise<ThreeWayMerge> {
  const started = performance.now();
  checkFiles(options.base, 'base');
  checkFiles(options.template, 'template');
  if (options.repository.type === 'files') {
    checkFiles(options.repository.files, 'repository');
  }
  const developer =
    options.repository.type === 'git'
      ? await inspectRepository(options.repository.gitDir)
      : undefined;
  const format: ObjectFormat = developer?.format ?? 'sha1';
  const temp = await createTempRepository({
    format,
    alternateObjects: developer?.objectsDir,
  });
  try {
    const excluded = exclusionMatcher(options.exclude);
    const renderedBase = listFiles(options.base, format);
    const renderedTemplate = listFiles(options.template, format);
    const base = without(renderedBase.listing, excluded);
    const template = without(renderedTemplate.listing, excluded);
    const blobs = new Map([...renderedBase.blobs, ...renderedTemplate.blobs]);
    const repository = await repositorySide(options, temp, excluded, blobs);
    const commits = await writeMergeCommits({
      gitDir: temp.gitDir,
      blobs,
      base,
      template,
      repository: repository.tree,
    });
    const written = performance.now();

    const [merge, templateRenames, repositoryRenames] = await Promise.all([
      mergeTrees(temp.gitDir, commits.repository, commits.template),
      detectRenames(temp.gitDir, commits.base, commits.template),
      detectRenames(temp.gitDir, commits.base, commits.repository),
    ]);
    const result = await listTree(temp.gitDir, merge.treeId);
    const merged = performance.now();

    const classification = classifyChanges({
      base,
      template,
      repository: repository.listing,
      result,
      templateRenames,
      repositoryRenames,
      conflicted: merge.conflicted,
    });
    const edits = new Map<string, TreeEntry | null>(classification.fixes);
    const relabelled = await relabelConflicts({
      gitDir: temp.gitDir,
      scratchRoot: temp.root,
      conflicts: classification.relabel,
      result,
      labels: options.labels,
    });
    relabelled.forEach((entry, path) => edits.set(path, entry));
    // Left out of the merge: the developer's version stays as it is.
    for (const [path, entry] of repository.full) {
      if (excluded(path)) edits.set(path, entry);
    }
    const treeId = await editTree({
      gitDir: temp.gitDir,
      scratchRoot: temp.root,
      format,
      treeId: merge.treeId,
      edits,
    });
    const finished = performance.now();

    return {
      files: classification.files,
      conflicts: classification.files.filter(
        f => f.outcome === 'conflict' || f.outcome === 'added-conflict',
      ).length,
      treeId,
      gitDir: temp.gitDir,
      ...('commit' in repository
        ? { repositoryCommit: repository.commit }
        : {}),
      timings: {
        writeMs: written - started,
        mergeMs: merged - written,
        classifyMs: finished - merged,
        totalMs: finished - started,
      },
      readFile: path => readTreeFile(temp.gitDir, treeId, path),
      dispose: temp.dispose,
    };
  } catch (error) {
    await temp.dispose();
    throw error;
  }
}
