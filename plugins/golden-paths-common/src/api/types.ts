import type { YamlProblem } from '../validation/types';
import type {
  PathUpgradePlans,
  UpgradePlan,
  UpgradeResult,
} from './upgradeTypes';

/**
 * The result of one check on one component.
 *
 * @public
 */
export type CheckStatus = 'pass' | 'fail' | 'unknown';

/**
 * How far a component's `golden-paths.dev/path-version` is behind its path's
 * `spec.version`, compared as semver.
 *
 * @public
 */
export type DriftStatus =
  | 'up-to-date'
  | 'patch-behind'
  | 'minor-behind'
  | 'major-behind'
  | 'ahead'
  | 'unknown';

/**
 * One check evaluated on one component, with the words a developer needs.
 *
 * @public
 */
export interface CheckResult {
  /** The guarantee id, or the id of a check added through the extension point. */
  id: string;
  /** The check's title, as the path page shows it. */
  title: string;
  /** Whether the component passes the check. */
  status: CheckStatus;
  /** Why, in one sentence: "no `resources.requests` in k8s/deployment.yaml". */
  reason: string;
  /** How to make it pass, when it does not. */
  fix?: string;
}

/**
 * A component's version of its path against the path's current version.
 *
 * @public
 */
export interface DriftInfo {
  /** How far behind (or ahead) the component is. */
  status: DriftStatus;
  /** The component's `golden-paths.dev/path-version`, when it has one. */
  currentVersion?: string;
  /** The path's `spec.version`. */
  latestVersion: string;
  /** Whether the followed path is deprecated. */
  deprecated: boolean;
  /** The deprecated path's replacement, as an entity ref. */
  replacedBy?: string;
}

/**
 * Counts of followers per drift status.
 *
 * @public
 */
export type DriftCounts = Record<DriftStatus, number> & {
  /** Followers of a deprecated path (all of its followers). */
  deprecated: number;
};

/**
 * How the followers of a path do on one of its checks.
 *
 * @public
 */
export interface GuaranteeStats {
  /** The guarantee or check id. */
  id: string;
  /** The check's title. */
  title: string;
  /** Followers that pass the check. */
  pass: number;
  /** Followers that fail the check. */
  fail: number;
  /** Followers the check could not decide for (e.g. an unreadable repository). */
  unknown: number;
  /** `pass / (pass + fail + unknown)`, or null without followers. */
  passRatio: number | null;
}

/**
 * A golden path with its adoption, compliance and drift, as of the last
 * completed evaluation.
 *
 * @public
 */
export interface PathSummary {
  /** Entity ref of the GoldenPath, e.g. `goldenpath:default/node-http-service`. */
  ref: string;
  /** The entity's `metadata.namespace`. */
  namespace: string;
  /** The entity's `metadata.name`. */
  name: string;
  /** `metadata.title`, or the name when it has none. */
  title: string;
  /** `metadata.description`. */
  description?: string;
  /** `metadata.tags`. */
  tags: string[];
  /** `spec.owner`, as an entity ref. */
  owner: string;
  /** `spec.lifecycle`: `supported`, `beta` or `deprecated`. */
  lifecycle: string;
  /** `spec.category`, e.g. `service` or `data`. */
  category: string;
  /** `spec.version`, the semver of the path's contract. */
  version: string;
  /** `spec.replacedBy`: the path that replaces a deprecated one, as an entity ref. */
  replacedBy?: string;
  /** `spec.templates`: the path's templates, as entity refs. */
  templates: string[];
  /** `spec.guarantees`: the ids of the checks every follower is held to. */
  guarantees: string[];
  /** `spec.stack`: the tooling the path decides, by aspect (language, ci, ...). */
  stack: Record<string, string>;
  /** Components that follow the path (that the caller may see). */
  adoption: number;
  /** Followers that pass every check. */
  compliant: number;
  /** `compliant / adoption`, or null without followers. */
  complianceRatio: number | null;
  /** How the followers do on each of the path's checks. */
  checks: GuaranteeStats[];
  /** Followers per drift status. */
  drift: DriftCounts;
  /** ISO time of the evaluation these figures come from. */
  evaluatedAt?: string;
  /**
   * ISO time of the first evaluation that saw the path at its current
   * `spec.version`: when the path was last updated (or first published).
   */
  versionSince?: string;
}

/**
 * One path in full: its summary and the versions its followers are on.
 *
 * @public
 */
export interface PathDetails extends PathSummary {
  /** The path versions the followers are on, with how many are on each. */
  versions: Array<{ version: string; count: number }>;
}

/**
 * A component that follows a path, with its check results and drift.
 *
 * @public
 */
export interface FollowerResult {
  /** The component's entity ref. */
  entityRef: string;
  /** The component's `metadata.title`. */
  title?: string;
  /** The component's `spec.owner`, as an entity ref. */
  owner?: string;
  /** The component's `spec.type`. */
  type?: string;
  /** The component's `spec.lifecycle`. */
  lifecycle?: string;
  /** The entity ref of the path the component follows. */
  pathRef: string;
  /** The component's version of the path against the path's current one. */
  drift: DriftInfo;
  /** Each of the path's checks on the component. */
  checks: CheckResult[];
  /** Passes every check. */
  compliant: boolean;
  /** ISO time of the evaluation these results come from. */
  evaluatedAt: string;
}

/**
 * What the Golden Paths backend knows of one entity.
 *
 * @public
 */
export interface EntityResult extends FollowerResult {
  /** The path the entity follows, as of the same evaluation. */
  path: {
    ref: string;
    title: string;
    version: string;
    lifecycle: string;
    replacedBy?: string;
  };
}

/**
 * Adoption and compliance of a path on one day (UTC), from the last
 * evaluation of that day.
 *
 * @public
 */
export interface HistoryPoint {
  /** `YYYY-MM-DD` */
  day: string;
  /** Components that followed the path that day. */
  adoption: number;
  /** Followers that passed every check that day. */
  compliant: number;
  /** `compliant / adoption`, or null without followers. */
  complianceRatio: number | null;
}

/**
 * One page of a cursor-paginated list.
 *
 * @public
 */
export interface Page<T> {
  /** The page's items, in the list's order. */
  items: T[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Filters and paging of {@link GoldenPathsApi.listPaths}.
 *
 * @public
 */
export interface ListPathsRequest {
  /** Paths in any of these categories. */
  category?: string[];
  /** Paths with any of these lifecycles. */
  lifecycle?: string[];
  /** Owner entity refs. */
  owner?: string[];
  /** Paths that promise every one of these guarantees. */
  guarantee?: string[];
  /** Paths per page. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * Paging of {@link GoldenPathsApi.listFollowers}.
 *
 * @public
 */
export interface ListFollowersRequest {
  /** Followers per page. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * Range of {@link GoldenPathsApi.getHistory}; days as `YYYY-MM-DD`, both
 * included. Defaults to the last 90 days.
 *
 * @public
 */
export interface HistoryRequest {
  /** The first day, `YYYY-MM-DD`. */
  from?: string;
  /** The last day, `YYYY-MM-DD`. */
  to?: string;
}

/**
 * The answer of {@link GoldenPathsApi.getHistory}.
 *
 * @public
 */
export interface HistoryResponse {
  /** One point per day with an evaluation, oldest first. */
  items: HistoryPoint[];
  /**
   * True when the caller may not read every follower: each day's figures
   * are then counted over the followers the caller may read (a follower
   * that has since left the catalog by what was last known of it), from
   * the first day such per-follower history was recorded.
   */
  restricted?: boolean;
}

/**
 * The answer of `POST /validate`: the same problems the CLI prints.
 *
 * @public
 */
export interface ValidateResponse {
  /** True when there is no problem of severity `error`. */
  valid: boolean;
  /** Every problem found, with its line and column. */
  problems: YamlProblem[];
}

/**
 * The answer of `POST /refresh`.
 *
 * @public
 */
export interface RefreshResponse {
  /** The evaluation was scheduled to run now on one of the backend's instances. */
  status: 'scheduled';
}

/**
 * The Golden Paths backend's API.
 *
 * @public
 */
export interface GoldenPathsApi {
  /** The paths the caller may see, with their figures, a page at a time. */
  listPaths(request?: ListPathsRequest): Promise<Page<PathSummary>>;
  /** One path in full; rejects with a 404 when the caller may not see it. */
  getPath(pathRef: string): Promise<PathDetails>;
  /** The components that follow a path, a page at a time. */
  listFollowers(
    pathRef: string,
    request?: ListFollowersRequest,
  ): Promise<Page<FollowerResult>>;
  /** A path's adoption and compliance per day. */
  getHistory(
    pathRef: string,
    request?: HistoryRequest,
  ): Promise<HistoryResponse>;
  /** Undefined when the entity follows no path or was not evaluated yet. */
  getEntityResult(entityRef: string): Promise<EntityResult | undefined>;
  /** Schedules an evaluation of every path and follower now. */
  refresh(): Promise<RefreshResponse>;
  /** Validates GoldenPath YAML (one or more documents) as the catalog would. */
  validate(yaml: string): Promise<ValidateResponse>;
  /** A dry upgrade of one component to its path's current version. */
  planUpgrade(entityRef: string): Promise<UpgradePlan>;
  /** Runs the upgrade: a branch or pull request, never the default branch. */
  runUpgrade(entityRef: string): Promise<UpgradeResult>;
  /** Dry upgrade plans for every follower of a path that is behind it. */
  planUpgrades(pathRef: string): Promise<PathUpgradePlans>;
}
