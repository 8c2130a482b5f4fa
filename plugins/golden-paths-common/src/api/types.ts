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
  title: string;
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
  id: string;
  title: string;
  pass: number;
  fail: number;
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
  namespace: string;
  name: string;
  title: string;
  description?: string;
  tags: string[];
  owner: string;
  lifecycle: string;
  category: string;
  version: string;
  replacedBy?: string;
  templates: string[];
  guarantees: string[];
  stack: Record<string, string>;
  /** Components that follow the path (that the caller may see). */
  adoption: number;
  /** Followers that pass every check. */
  compliant: number;
  /** `compliant / adoption`, or null without followers. */
  complianceRatio: number | null;
  checks: GuaranteeStats[];
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
  versions: Array<{ version: string; count: number }>;
}

/**
 * A component that follows a path, with its check results and drift.
 *
 * @public
 */
export interface FollowerResult {
  entityRef: string;
  title?: string;
  owner?: string;
  type?: string;
  lifecycle?: string;
  pathRef: string;
  drift: DriftInfo;
  checks: CheckResult[];
  /** Passes every check. */
  compliant: boolean;
  evaluatedAt: string;
}

/**
 * What the Golden Paths backend knows of one entity.
 *
 * @public
 */
export interface EntityResult extends FollowerResult {
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
  adoption: number;
  compliant: number;
  complianceRatio: number | null;
}

/**
 * One page of a cursor-paginated list.
 *
 * @public
 */
export interface Page<T> {
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
  category?: string[];
  lifecycle?: string[];
  /** Owner entity refs. */
  owner?: string[];
  /** Paths that promise every one of these guarantees. */
  guarantee?: string[];
  limit?: number;
  cursor?: string;
}

/**
 * Paging of {@link GoldenPathsApi.listFollowers}.
 *
 * @public
 */
export interface ListFollowersRequest {
  limit?: number;
  cursor?: string;
}

/**
 * Range of {@link GoldenPathsApi.getHistory}; days as `YYYY-MM-DD`, both
 * included. Defaults to the last 90 days.
 *
 * @public
 */
export interface HistoryRequest {
  from?: string;
  to?: string;
}

/**
 * The answer of {@link GoldenPathsApi.getHistory}.
 *
 * @public
 */
export interface HistoryResponse {
  items: HistoryPoint[];
  /**
   * True when the caller may not read every follower: then only today's
   * figures, counted over what the caller may read, are returned.
   */
  restricted?: boolean;
}

/**
 * The answer of `POST /validate`: the same problems the CLI prints.
 *
 * @public
 */
export interface ValidateResponse {
  valid: boolean;
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
  listPaths(request?: ListPathsRequest): Promise<Page<PathSummary>>;
  getPath(pathRef: string): Promise<PathDetails>;
  listFollowers(
    pathRef: string,
    request?: ListFollowersRequest,
  ): Promise<Page<FollowerResult>>;
  getHistory(
    pathRef: string,
    request?: HistoryRequest,
  ): Promise<HistoryResponse>;
  /** Undefined when the entity follows no path or was not evaluated yet. */
  getEntityResult(entityRef: string): Promise<EntityResult | undefined>;
  refresh(): Promise<RefreshResponse>;
  validate(yaml: string): Promise<ValidateResponse>;
  /** A dry upgrade of one component to its path's current version. */
  planUpgrade(entityRef: string): Promise<UpgradePlan>;
  /** Runs the upgrade: a branch or pull request, never the default branch. */
  runUpgrade(entityRef: string): Promise<UpgradeResult>;
  /** Dry upgrade plans for every follower of a path that is behind it. */
  planUpgrades(pathRef: string): Promise<PathUpgradePlans>;
}
