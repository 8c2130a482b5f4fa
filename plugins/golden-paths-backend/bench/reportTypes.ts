import type { ExactnessResult } from './exactness';
import type { SeededHistory } from './history';
import type { CatalogWalk, EvaluationMeasurement } from './evaluationRuns';
import type { LatencyMeasurement } from './measure';
import type { ProcessSample } from './processSampling';
import type { Breakdown } from './profile';

/*
 * The figures a benchmark run collects, as the report formats them (and as
 * the run writes them to JSON).
 */
export type LoopState = 'quiescent' | 'active';

/** The golden-paths reads measured for both callers. */
export type ReadRoute = 'paths' | 'followers' | 'history';

/** A conditional caller's first request after an evaluation. */
export interface FirstRequest {
  route: ReadRoute;
  ms: number;
}

/** The reads of the caller under the conditional policy. */
export interface ConditionalReads
  extends Partial<Record<ReadRoute, LatencyMeasurement>> {
  /** The yardstick's by-query with this caller's token. */
  yardstick: LatencyMeasurement;
  /** One after each measured evaluation, the routes in turn. */
  firstRequests: FirstRequest[];
  /** Followers GET /paths counts for this caller, and for an allow-all one. */
  followersVisible: number;
  followersAll: number;
  /** Items on this caller's first page of followers. */
  followersPage: number;
  /** History points answered (when history was measured). */
  historyPointsAll?: number;
  historyPointsConditional?: number;
}

export interface StateResult {
  state: LoopState;
  /** The run of median duration. */
  evaluation: EvaluationMeasurement;
  /** Every measured run's duration. */
  runsMs?: number[];
  /** The largest heap growth of the measured runs. */
  maxHeapGrowthMb?: number;
  /** As long again with no evaluation. */
  control?: ProcessSample;
  /** Entities the processing loop took during the measurements (active). */
  processedDuringMeasurement: number;
  /** GET /paths, allow-all. */
  paths: LatencyMeasurement;
  yardstick: LatencyMeasurement;
  /** The other reads, allow-all. */
  allowAll?: Partial<Record<ReadRoute, LatencyMeasurement>>;
  conditional?: ConditionalReads;
  /** The machine's 1-minute load average after the measurements. */
  loadAverage?: number;
  /** The evaluation's catalog reads alone, made over HTTP by the bench. */
  catalogWalk?: CatalogWalk;
  /** One more evaluation, under the CPU and allocation profilers. */
  profile?: {
    evaluation: EvaluationMeasurement;
    cpu: Breakdown;
    allocations?: Breakdown;
  };
}

export interface SizeResult {
  components: number;
  followers: number;
  /** Undefined when the catalog already held this size (`--reuse`). */
  load?: { addedEntities: number; mutationMs: number; totalMs: number };
  rssAfterLoadMb: number;
  warmUp: EvaluationMeasurement;
  /** The past days given to the plugin's tables before measuring. */
  history?: SeededHistory;
  states: StateResult[];
  /** Random conditional policies: our counts against the catalog's. */
  exactness?: ExactnessResult;
}

export interface RepositoryResult {
  repositories: number;
  filesPerRepository: number;
  loadMs: number;
  runs: Array<{ label: string; evaluation: EvaluationMeasurement }>;
  compliant: number;
}

export interface Machine {
  cpus: string;
  memoryGb: number;
  node: string;
  postgres: string;
  date: string;
  loadAverage: string;
  /** PostgreSQL's `autovacuum` setting. */
  autovacuum: string;
}

export interface Report {
  machine: Machine;
  command: string;
  /** The code measured: commit, and whether the plugin's files differ. */
  code: string;
  emulateAutovacuum: boolean;
  databases: string[];
  entityBytes: number;
  sizes: SizeResult[];
  skippedSizes: number[];
  repositories?: RepositoryResult;
  /** Measured requests per read (after 20 warm-up). */
  requests?: number;
  /** The conditional caller's policy, in words. */
  conditionalPolicy?: string;
  notes: string[];
}
