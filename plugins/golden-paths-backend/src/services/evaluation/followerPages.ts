import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import {
  ANNOTATION_GOLDEN_PATH_VERSION,
  type CheckResult,
  type DriftInfo,
  type GoldenPathEntityV1alpha1,
  entityRefKey,
} from '@golden-paths/golden-paths-common';
import {
  type GoldenPathCheck,
  type GoldenPathCheckContext,
  type GoldenPathCheckVerdict,
  type RepositorySnapshot,
  repositoryLocation,
} from '@golden-paths/golden-paths-node';
import type {
  EntityFactsInput,
  EvaluationStore,
  StoredComponentResult,
} from '../../database/EvaluationStore';
import type {
  RepositoryReadCounts,
  RepositoryReader,
} from '../repositories/RepositoryReader';
import { type EntityFact, entityFacts } from '../visibility/entityFacts';
import { CheckResultSets, type ResultSet } from './CheckResultSets';
import { driftLookup } from './drift';
import { FollowerTally } from './FollowerTally';
import type { StartWrite } from './writesBehind';

/*
 * One page of a path's followers through an evaluation: their repositories
 * read, each follower's checks run (results shared among followers), its
 * result tallied into the path's figures, and the page written behind while
 * the next one is read.
 */

/** A path as an evaluation evaluates its followers. */
export interface PathPlan {
  path: GoldenPathEntityV1alpha1;
  /** `entityRefKey(path)`. */
  ref: string;
  checks: GoldenPathCheck[];
  /** Union of the checks' repository file patterns; empty: no read. */
  patterns: string[];
  tally: FollowerTally;
  /** The results of the checks, shared among followers. */
  resultSets: CheckResultSets;
  /** A follower's drift by its version, shared among followers. */
  driftOf: (currentVersion: string | undefined) => DriftInfo;
}

/** What every follower of one evaluation is evaluated with. */
export interface RunContext {
  runId: number;
  budget: { remaining: number };
  readCounts: RepositoryReadCounts;
  catalogHas: GoldenPathCheckContext['catalogHas'];
  ownerRef: (ref: string | undefined, namespace?: string) => string | undefined;
  repositories: RepositoryReader;
  store: EvaluationStore;
  logger: LoggerService;
}

/** The plan of one path: its checks, with the tallies they feed. */
export function pathPlan(
  path: GoldenPathEntityV1alpha1,
  checks: GoldenPathCheck[],
): PathPlan {
  return {
    path,
    ref: entityRefKey(path),
    checks,
    patterns: [...new Set(checks.flatMap(c => c.repositoryFiles ?? []))],
    tally: new FollowerTally(checks),
    resultSets: new CheckResultSets(checks),
    driftOf: driftLookup(path),
  };
}

const NO_REPOSITORY: RepositorySnapshot = {
  status: 'none',
  reason:
    'the entity names no repository (no backstage.io/source-location annotation)',
  files: [],
};

/**
 * Evaluates one page of a path's followers and starts writing what it
 * found; returns how many it evaluated.
 */
export async function evaluatePage(
  followers: Entity[],
  plan: PathPlan,
  run: RunContext,
  startWrite: StartWrite,
): Promise<number> {
  const locations = followers.map(entity => repositoryLocation(entity));
  const snapshots = await run.repositories.read(
    plan.patterns.length
      ? locations.flatMap(location =>
          location ? [{ location, patterns: plan.patterns }] : [],
        )
      : [],
    run.budget,
    run.readCounts,
  );
  const evaluatedAt = new Date();
  const results: StoredComponentResult[] = [];
  // One follower's check results at a time, before they are interned.
  const scratch: Array<CheckResult | Promise<CheckResult>> = [];
  for (let index = 0; index < followers.length; index++) {
    const entity = followers[index];
    const location = locations[index];
    const repository = (location && snapshots.get(location)) || NO_REPOSITORY;
    const checks = runChecks(entity, plan, run, repository, scratch);
    const resultSet = isPromise(checks) ? await checks : checks;
    const result = resultOf(entity, plan, run, resultSet, evaluatedAt);
    plan.tally.add(result);
    results.push(result);
  }
  // Written behind: the next page is read and evaluated meanwhile.
  await startWrite(async () => {
    await run.store.writeEntityFacts(
      followers.map((entity, index) =>
        factsOf(entity, results[index].entityRef),
      ),
    );
    await run.store.writeComponentResults(run.runId, results);
  });
  return results.length;
}

/**
 * Runs a path's checks on one follower. A check's verdict is awaited only
 * when it returns a promise: synchronous checks (the built-in ones) cost
 * no promise per follower.
 */
function runChecks(
  entity: Entity,
  plan: PathPlan,
  run: RunContext,
  repository: RepositorySnapshot,
  scratch: Array<CheckResult | Promise<CheckResult>>,
): ResultSet | Promise<ResultSet> {
  const context: GoldenPathCheckContext = {
    entity,
    path: plan.path,
    repository,
    catalogHas: run.catalogHas,
  };
  let pending = false;
  for (let index = 0; index < plan.checks.length; index++) {
    const result = runCheck(index, plan, context, run.logger);
    scratch[index] = result;
    pending ||= isPromise(result);
  }
  scratch.length = plan.checks.length;
  if (pending) {
    return Promise.all(scratch).then(results => plan.resultSets.setOf(results));
  }
  return plan.resultSets.setOf(scratch as CheckResult[]);
}

/** One check on one follower; a check that fails says `unknown`. */
function runCheck(
  index: number,
  plan: PathPlan,
  context: GoldenPathCheckContext,
  logger: LoggerService,
): CheckResult | Promise<CheckResult> {
  const unknown = (error: unknown) => {
    logger.warn(
      `Check ${plan.checks[index].id} failed on ${entityRefKey(
        context.entity,
      )}: ${stringifyError(error)}`,
    );
    return plan.resultSets.result(index, {
      status: 'unknown',
      reason: `the check could not be evaluated: ${stringifyError(error)}`,
    });
  };
  try {
    const verdict = plan.checks[index].evaluate(context);
    if (!isPromise(verdict)) {
      return plan.resultSets.result(index, verdict);
    }
    return Promise.resolve(verdict)
      .then((settled: GoldenPathCheckVerdict) =>
        plan.resultSets.result(index, settled),
      )
      .catch(unknown);
  } catch (error) {
    return unknown(error);
  }
}

/** A follower's result: its own fields, the shared checks and drift. */
function resultOf(
  entity: Entity,
  plan: PathPlan,
  run: RunContext,
  resultSet: ResultSet,
  evaluatedAt: Date,
): StoredComponentResult {
  const { metadata } = entity;
  const spec = entity.spec ?? {};
  const result: StoredComponentResult = {
    entityRef: entityRefKey(entity),
    pathRef: plan.ref,
    drift: plan.driftOf(metadata.annotations?.[ANNOTATION_GOLDEN_PATH_VERSION]),
    checks: resultSet.checks,
    compliant: resultSet.compliant,
    evaluatedAt,
  };
  // Absent rather than undefined, as readers of stored results get them.
  if (metadata.title) {
    result.title = metadata.title;
  }
  const owner = run.ownerRef(text(spec.owner), metadata.namespace);
  if (owner) {
    result.owner = owner;
  }
  const type = text(spec.type);
  if (type) {
    result.type = type;
  }
  const lifecycle = text(spec.lifecycle);
  if (lifecycle) {
    result.lifecycle = lifecycle;
  }
  if (metadata.etag) {
    result.entityEtag = metadata.etag;
  }
  return result;
}

/** A non-empty string, or undefined. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function isPromise<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PromiseLike<T>).then === 'function'
  );
}

/**
 * An entity's facts for the store, computed only when the store reads them:
 * it reads those of entities whose etag changed since their facts were
 * stored, after the first evaluation few of them.
 */
export function factsOf(
  entity: Entity,
  entityRef = entityRefKey(entity),
): EntityFactsInput {
  let facts: EntityFact[] | undefined;
  const input: EntityFactsInput = {
    entityRef,
    get facts() {
      facts ??= entityFacts(entity);
      return facts;
    },
  };
  if (entity.metadata.etag) {
    input.etag = entity.metadata.etag;
  }
  return input;
}
