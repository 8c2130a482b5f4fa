/**
 * What an upgrade does to one file, from the three trees it merges: the old
 * template version as rendered for this repository (base), the repository
 * as it is (yours) and the new template version (template).
 *
 * - `taken`: changed only by the template, its version is taken.
 * - `merged`: changed on both sides, in different places; merged cleanly.
 * - `conflict`: changed on both sides in the same place; conflict markers
 *   labelled with the versions are in the file.
 * - `added`: added by the template.
 * - `added-conflict`: added by the template and by you with other content;
 *   the file holds both inside conflict markers.
 * - `deleted`: deleted by the template and untouched by you.
 * - `kept-modified`: deleted by the template but changed by you; kept.
 * - `stays-deleted`: deleted by you; it stays deleted even where the
 *   template changed it.
 * - `binary-kept`: a binary file changed on both sides; yours is kept.
 * - `renamed`: renamed by the template; your edits follow the new name.
 * - `recopied`: recopy mode: the new version's file is written over an
 *   unchanged one.
 * - `overwritten`: recopy mode: the new version's file is written over a
 *   file you changed; review it.
 *
 * @public
 */
export type UpgradeFileOutcome =
  | 'taken'
  | 'merged'
  | 'conflict'
  | 'added'
  | 'added-conflict'
  | 'deleted'
  | 'kept-modified'
  | 'stays-deleted'
  | 'binary-kept'
  | 'renamed'
  | 'recopied'
  | 'overwritten';

/**
 * One file of an upgrade plan.
 *
 * @public
 */
export interface UpgradeFileChange {
  /** The file's path after the upgrade (for a deletion: the path deleted). */
  path: string;
  /** For a rename: the path before it. */
  previousPath?: string;
  /** What the upgrade does to the file. */
  outcome: UpgradeFileOutcome;
  /** Needs a person: conflicts, kept or overwritten files, binary files. */
  flagged: boolean;
  /** One sentence for the developer on what happened and what to do. */
  detail: string;
}

/**
 * Counts over an upgrade plan's files.
 *
 * @public
 */
export interface UpgradeSummary {
  /** Files the upgrade writes, adds, renames or deletes. */
  changed: number;
  /** Files with conflict markers. */
  conflicts: number;
  /** Files that need a person's look (conflicts included). */
  flagged: number;
}

/**
 * Where an upgrade is delivered: a branch in the local repository (the
 * embedded default) or a pull request on a Git host.
 *
 * @public
 */
export interface UpgradeDelivery {
  /** A branch in a local repository, or a pull request on a Git host. */
  kind: 'local-branch' | 'pull-request';
  /** `golden-paths/upgrade-<path name>`. */
  branch: string;
  /**
   * The repository: a local one's folder within the configured local
   * repositories directory (never the host's absolute path), or the Git
   * host's URL as the catalog names it.
   */
  repository: string;
}

/**
 * A dry upgrade of one component to its path's current version: nothing is
 * written until it is run.
 *
 * @public
 */
export interface UpgradePlan {
  /** The component's entity ref. */
  entityRef: string;
  /** The path the component follows. */
  path: { entityRef: string; title?: string };
  /** The version the repository was scaffolded or last upgraded at. */
  fromVersion: string;
  /** The path's `spec.version`. */
  toVersion: string;
  /**
   * `merge`: three-way merge of the old version, the repository and the new
   * version. `recopy`: the old version can no longer be rendered, so the new
   * version is copied over the template's files (two-way) instead.
   */
  mode: 'merge' | 'recopy';
  /** Why a merge is not possible, in recopy mode. */
  recopyReason?: string;
  /**
   * What makes the merge less exact than it looks, in sentences: the old
   * version's revision changed since the repository was made, or renders
   * some files differently today.
   */
  notes?: string[];
  /** Files the upgrade touches or flags; files only you added are never listed. */
  files: UpgradeFileChange[];
  /** Counts over `files`. */
  summary: UpgradeSummary;
  /** Where running the plan delivers the upgrade. */
  delivery: UpgradeDelivery;
  /** The new version's release notes (Markdown), when the template has them. */
  releaseNotes?: string;
  /** Milliseconds spent rendering both versions and merging. */
  timings: { renderMs: number; mergeMs: number };
}

/**
 * An upgrade that was run.
 *
 * @public
 */
export interface UpgradeResult {
  /** The plan that was run. */
  plan: UpgradePlan;
  /** Where the upgrade was delivered. */
  delivery: UpgradeDelivery & {
    /** The commit on the branch. */
    commit: string;
    /** Link to the pull request, when delivered to a Git host. */
    url?: string;
  };
}

/**
 * One follower of a path in the bulk plan view.
 *
 * @public
 */
export interface FollowerUpgradePlan {
  /** The follower's entity ref. */
  entityRef: string;
  /** The follower's `metadata.title`. */
  title?: string;
  /** The follower's `golden-paths.dev/path-version`. */
  version?: string;
  /** Only present when the follower is behind and a plan could be made. */
  plan?: Pick<
    UpgradePlan,
    'fromVersion' | 'toVersion' | 'mode' | 'summary' | 'recopyReason'
  >;
  /** Why no plan could be made for a follower that is behind. */
  error?: string;
}

/**
 * Upgrade plans for every follower of a path that is behind it.
 *
 * @public
 */
export interface PathUpgradePlans {
  /** The path, at its current version. */
  path: { entityRef: string; title?: string; version: string };
  /** Followers behind the path, oldest version first. */
  followers: FollowerUpgradePlan[];
  /** Followers behind the path left out of this response (it plans at most 50). */
  omitted?: number;
}
