import type { UpgradeFileChange } from '@golden-paths/golden-paths-common';
import type { RenderedFile } from '../scaffold';

/**
 * One rendered or repository file (the same shape as a rendered template
 * file).
 *
 * @public
 */
export type TreeFile = RenderedFile;

/**
 * The repository side of a three-way merge.
 *
 * @remarks
 * `git`: a local repository (`gitDir` is its `.git` folder, or the
 * repository itself when bare); the repository's files are `commit`'s tree.
 * `files`: every file of the repository, e.g. read through Backstage's
 * `UrlReader`.
 *
 * @public
 */
export type RepositorySide =
  | { type: 'git'; gitDir: string; commit: string }
  | { type: 'files'; files: TreeFile[] };

/**
 * What to merge: the old template version (base), the new one (template)
 * and the repository.
 *
 * @public
 */
export interface ThreeWayMergeOptions {
  /** The old template version, rendered with the stored values. */
  base: TreeFile[];
  /** The new template version, rendered with the same values. */
  template: TreeFile[];
  /** The developer's repository, as it is. */
  repository: RepositorySide;
  /**
   * Names written on conflict markers, e.g. `your repository`,
   * `node-http-service 2.1.0`, `node-http-service 3.0.0`.
   */
  labels: { repository: string; base: string; template: string };
  /**
   * Files (or folders) left out of the merge entirely: the result keeps the
   * repository's version, and the caller writes its own, e.g.
   * `.golden-paths/scaffold.yaml`.
   */
  exclude?: string[];
}

/**
 * Milliseconds spent on each step of a merge plan.
 *
 * @public
 */
export interface ThreeWayMergeTimings {
  /** Writing the three trees into the temporary repository. */
  writeMs: number;
  /** `git merge-tree`, rename detection and listing the result. */
  mergeMs: number;
  /** Classifying files, relabelling conflicts and writing the final tree. */
  classifyMs: number;
  /** The whole plan, from start to end. */
  totalMs: number;
}

/**
 * A planned three-way merge, held in a temporary repository until
 * {@link ThreeWayMerge.dispose} is called.
 *
 * @public
 */
export interface ThreeWayMerge {
  /** Files the upgrade touches or flags; files only the developer added are never listed. */
  files: UpgradeFileChange[];
  /** Files that need resolving (conflict markers, or a conflict git could not mark). */
  conflicts: number;
  /** The merged tree, in {@link ThreeWayMerge.gitDir}. */
  treeId: string;
  /** The temporary bare repository holding the merged tree's new objects. */
  gitDir: string;
  /** The repository's commit, when the repository side is `git`. */
  repositoryCommit?: string;
  /** Milliseconds spent on each step. */
  timings: ThreeWayMergeTimings;
  /** A file of the merged tree, or undefined when the merge leaves no file there. */
  readFile(path: string): Promise<Buffer | undefined>;
  /** Removes the temporary repository. Safe to call more than once. */
  dispose(): Promise<void>;
}
