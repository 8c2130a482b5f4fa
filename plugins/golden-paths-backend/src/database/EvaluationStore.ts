import type {
  CheckResult,
  DriftInfo,
  HistoryPoint,
  PathDetails,
} from '@golden-paths/golden-paths-common';
import type { RepositorySnapshot } from '@golden-paths/golden-paths-node';
import type { EntityFilter } from '@backstage/plugin-catalog-node';
import type { EntityFact } from '../services/visibility/entityFacts';

/** One follower's evaluation, as stored. */
export interface StoredComponentResult {
  /** Full entity ref in lower case, `component:default/payments-api`. */
  entityRef: string;
  /** Full path ref in lower case, `goldenpath:default/node-http-service`. */
  pathRef: string;
  title?: string;
  owner?: string;
  type?: string;
  lifecycle?: string;
  drift: DriftInfo;
  checks: CheckResult[];
  compliant: boolean;
  /** `metadata.etag` of the entity the result was computed from. */
  entityEtag?: string;
  evaluatedAt: Date;
}

/** An entity's searchable facts, as of one version of it. */
export interface EntityFactsInput {
  /** Full entity ref, lower case. */
  entityRef: string;
  /** `metadata.etag` of the entity the facts were taken from. */
  etag?: string;
  facts: EntityFact[];
}

/**
 * Which followers and paths a caller may read: those whose stored facts a
 * filter accepts (a conditional catalog decision with the catalog's built-in
 * rules), or those the catalog named (any other decision).
 */
export type VisibleTo = EntityFilter | Set<string>;

/** Followers of a path sharing one result, and how many they are. */
export interface FollowerResultGroup {
  pathRef: string;
  compliant: boolean;
  drift: StoredComponentResult['drift'];
  checks: StoredComponentResult['checks'];
  count: number;
}

/** Which followers of a path {@link EvaluationStore.listFollowers} lists. */
export interface FollowerPageOptions {
  /** At most this many. */
  limit: number;
  /** Only those after this entity ref. */
  afterEntityRef?: string;
  /** Only these entities. */
  entityRefs?: string[];
  /** Only the followers whose stored facts this filter accepts. */
  visibleTo?: EntityFilter;
}

/** Figures of one evaluation run. */
export interface RunStats {
  components: number;
  paths: number;
  catalogRequests: number;
  repositoryReads: number;
  repositoryNotModified: number;
  repositoryFailures: number;
}

/** One evaluation run. */
export interface RunInfo {
  id: number;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: Date;
  finishedAt?: Date;
  stats?: RunStats;
  error?: string;
}

/** A repository's files as last read, kept to avoid reading them again. */
export interface RepositoryCacheEntry {
  /** The URL the files were read from (the cache key). */
  location: string;
  /** ETag of the read, passed back to the URL reader on the next read. */
  etag: string;
  /** The glob patterns the files were filtered with. */
  patternsKey: string;
  snapshot: RepositorySnapshot;
  readAt: Date;
}

/** Where a completed run's aggregates go. */
export interface CompleteRunInput {
  summaries: PathDetails[];
  /** UTC day of the run, `YYYY-MM-DD`, for the history rows. */
  day: string;
  stats: RunStats;
}

/**
 * The plugin's tables. Results of a run are written under its id and become
 * visible all at once when the run completes, so readers always see the last
 * complete run, also while a run is under way or after one crashed.
 */
export interface EvaluationStore {
  /** Records a new run as `running` and returns its id. */
  startRun(): Promise<number>;
  /**
   * Writes followers' results under a run. Idempotent: writing the same
   * entity twice in a run keeps the last write.
   */
  writeComponentResults(
    runId: number,
    results: StoredComponentResult[],
  ): Promise<void>;
  /**
   * In one transaction: stores the run's path summaries (and removes those of
   * paths that are gone), upserts one history row per path for `day`, makes
   * the run the current one, moves each follower's intervals on to the
   * run's state (for history counted over what a caller may read), forgets
   * the facts of entities no longer needed, deletes results of every other
   * run, and marks the run `succeeded`.
   */
  completeRun(runId: number, input: CompleteRunInput): Promise<void>;
  /** Marks a run `failed` and deletes what it wrote. */
  failRun(runId: number, error: string): Promise<void>;
  /** The run whose results are served, if any completed. */
  getCurrentRun(): Promise<RunInfo | undefined>;
  /** The most recent runs, newest first. */
  listRuns(limit: number): Promise<RunInfo[]>;

  /** Every path summary of the current run, ordered by path ref. */
  listPathSummaries(): Promise<PathDetails[]>;
  getPathSummary(pathRef: string): Promise<PathDetails | undefined>;

  /**
   * Followers of a path in the current run, ordered by entity ref, after
   * `afterEntityRef` when given, at most `limit`. With `entityRefs`, only
   * those entities.
   */
  listFollowers(
    pathRef: string,
    options: FollowerPageOptions,
  ): Promise<StoredComponentResult[]>;
  /**
   * The current run's followers that `visibleTo` accepts, grouped by path
   * and identical result: enough to count any path's figures.
   */
  groupFollowerResults(visibleTo: EntityFilter): Promise<FollowerResultGroup[]>;
  /**
   * The current run's followers of a path with the version each follows
   * (`golden-paths.dev/path-version` as evaluated); only those whose stored
   * facts `visibleTo` accepts, when given.
   */
  listFollowerVersions(
    pathRef: string,
    visibleTo?: EntityFilter,
  ): Promise<Array<{ entityRef: string; version: string }>>;
  /** Refs of the current run's paths whose stored facts `filter` accepts. */
  listPathRefs(visibleTo: EntityFilter): Promise<string[]>;
  /**
   * History of a path counted over the followers `visibleTo` accepts: the
   * days from `from` to `to` that have a history row and are covered by
   * follower intervals, oldest first.
   */
  getVisibleHistory(
    pathRef: string,
    from: string,
    to: string,
    visibleTo: VisibleTo,
  ): Promise<HistoryPoint[]>;
  /**
   * Stores the facts of followers and paths as read by an evaluation; an
   * entity whose etag is unchanged since its facts were stored is skipped.
   */
  writeEntityFacts(entities: EntityFactsInput[]): Promise<void>;
  /** Results of the current run for these entities (any order). */
  getComponentResults(entityRefs: string[]): Promise<StoredComponentResult[]>;
  getComponentResult(
    entityRef: string,
  ): Promise<StoredComponentResult | undefined>;
  /** History of a path, days from `from` to `to` included, oldest first. */
  getHistory(
    pathRef: string,
    from: string,
    to: string,
  ): Promise<HistoryPoint[]>;

  getRepositoryCache(
    locations: string[],
  ): Promise<Map<string, RepositoryCacheEntry>>;
  putRepositoryCache(entries: RepositoryCacheEntry[]): Promise<void>;
}
