import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_GOLDEN_PATH_VERSION,
  RELATION_FOLLOWS_GOLDEN_PATH,
  type CheckResult,
  type DriftInfo,
  type GoldenPathEntityV1alpha1,
  isGoldenPathEntity,
} from '@golden-paths/golden-paths-common';
import type {
  GoldenPathCheck,
  GoldenPathCheckContext,
  GoldenPathCheckVerdict,
  RepositorySnapshot,
} from '@golden-paths/golden-paths-node';
import type {
  EntityFactsInput,
  EvaluationStore,
  RunStats,
  StoredComponentResult,
} from '../../database/EvaluationStore';
import type {
  RepositoryReadCounts,
  RepositoryReader,
} from '../repositories/RepositoryReader';
import {
  forEachConcurrently,
  repositoryLocation,
} from '@golden-paths/golden-paths-node';
import {
  type EntityFact,
  entityFacts,
  FACT_FIELDS,
} from '../visibility/entityFacts';
import { catalogPages } from './catalogPages';
import type { CheckRegistry } from './CheckRegistry';
import { CheckResultSets, type ResultSet } from './CheckResultSets';
import { driftLookup } from './drift';
import { FollowerTally } from './FollowerTally';
import { pathDetails } from './pathDetails';
import { entityRefKey, refNormalizer } from './refs';
import { type StartWrite, withWritesBehind } from './writesBehind';

/**
 * The component fields an evaluation reads from the catalog: what the
 * checks need, and every fact the catalog's built-in permission rules can
 * look at (stored so that conditional read decisions are applied without
 * asking the catalog per request).
 */
export const FOLLOWER_FIELDS = FACT_FIELDS;

/** Paths whose followers are read from the catalog at the same time. */
const PATHS_READ_AT_ONCE = 2;
/**
 * Pages of a path being written while its next page is read and evaluated:
 * the writes wait on the database, not on this process, so they overlap the
 * catalog reads; one per path bounds the pages held in memory.
 */
const PAGE_WRITES_IN_FLIGHT = 1;

interface PathPlan {
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
interface RunContext {
  runId: number;
  budget: { remaining: number };
  readCounts: RepositoryReadCounts;
  catalogHas: GoldenPathCheckContext['catalogHas'];
  ownerRef: (ref: string | undefined, namespace?: string) => string | undefined;
}

const NO_REPOSITORY: RepositorySnapshot = {
  status: 'none',
  reason:
    'the entity names no repository (no backstage.io/source-location annotation)',
  files: [],
};

/**
 * Evaluates every component that follows a golden path: reads the catalog in
 * pages with the plugin's own credentials, reads the files the checks need
 * from each repository, runs the checks, and stores the results and each
 * path's figures as one run.
 */
export class EvaluationService {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #store: EvaluationStore;
  readonly #repositories: RepositoryReader;
  readonly #checks: CheckRegistry;
  readonly #logger: LoggerService;
  readonly #maxReadsPerRun: number;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    store: EvaluationStore;
    repositories: RepositoryReader;
    checks: CheckRegistry;
    logger: LoggerService;
    maxReadsPerRun: number;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#store = options.store;
    this.#repositories = options.repositories;
    this.#checks = options.checks;
    this.#logger = options.logger;
    this.#maxReadsPerRun = options.maxReadsPerRun;
  }

  /** Runs one full evaluation and returns its figures. */
  async evaluate(): Promise<RunStats> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const counter = { requests: 0 };
    const startedAt = new Date();
    const plans = await this.#readPaths(credentials, counter);
    await this.#store.writeEntityFacts(
      [...plans.values()].map(plan => factsOf(plan.path, plan.ref)),
    );
    const previous = new Map(
      (await this.#store.listPathSummaries()).map(summary => [
        summary.ref,
        summary,
      ]),
    );
    const ownersInCatalog = await this.#readOwners(credentials, counter);
    const runId = await this.#store.startRun();
    const stats: RunStats = {
      components: 0,
      paths: plans.size,
      catalogRequests: 0,
      repositoryReads: 0,
      repositoryNotModified: 0,
      repositoryFailures: 0,
    };
    const run: RunContext = {
      runId,
      budget: { remaining: this.#maxReadsPerRun },
      readCounts: { reads: 0, notModified: 0, failures: 0 },
      // toLowerCase: as toLocaleLowerCase('en-US'), faster (see refs.ts).
      catalogHas: ref => ownersInCatalog.has(ref.toLowerCase()),
      ownerRef: refNormalizer('group'),
    };
    try {
      // One walk per path, by its followsGoldenPath relation (an exact value
      // in the catalog's search index): a page then costs what the path's
      // followers cost, not what the whole catalog costs, as an
      // annotation-exists filter does. Two paths at a time.
      await forEachConcurrently([...plans.values()], PATHS_READ_AT_ONCE, plan =>
        withWritesBehind(PAGE_WRITES_IN_FLIGHT, async startWrite => {
          for await (const page of catalogPages(
            this.#catalog,
            {
              filter: {
                [`relations.${RELATION_FOLLOWS_GOLDEN_PATH}`]: plan.ref,
              },
              fields: FOLLOWER_FIELDS,
            },
            { credentials, counter },
          )) {
            // Awaited first: `+= await` would read the count before the
            // other path's walk added to it.
            const evaluated = await this.#evaluatePage(
              page.filter(isComponent),
              plan,
              run,
              startWrite,
            );
            stats.components += evaluated;
          }
        }),
      );
      stats.catalogRequests = counter.requests;
      stats.repositoryReads = run.readCounts.reads;
      stats.repositoryNotModified = run.readCounts.notModified;
      stats.repositoryFailures = run.readCounts.failures;
      await this.#store.completeRun(runId, {
        summaries: [...plans.values()].map(plan =>
          pathDetails(
            plan.path,
            plan.tally.figures(),
            startedAt,
            previous.get(plan.ref),
          ),
        ),
        day: startedAt.toISOString().slice(0, 10),
        stats,
      });
      return stats;
    } catch (error) {
      await this.#store.failRun(runId, stringifyError(error));
      throw error;
    }
  }

  /**
   * Evaluates one page of a path's followers and starts writing what it
   * found; returns how many it evaluated.
   */
  async #evaluatePage(
    followers: Entity[],
    plan: PathPlan,
    run: RunContext,
    startWrite: StartWrite,
  ): Promise<number> {
    const locations = followers.map(entity => repositoryLocation(entity));
    const snapshots = await this.#repositories.read(
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
      const checks = this.#runChecks(entity, plan, run, repository, scratch);
      const resultSet = isPromise(checks) ? await checks : checks;
      const result = this.#resultOf(entity, plan, run, resultSet, evaluatedAt);
      plan.tally.add(result);
      results.push(result);
    }
    // Written behind: the next page is read and evaluated meanwhile.
    await startWrite(async () => {
      await this.#store.writeEntityFacts(
        followers.map((entity, index) =>
          factsOf(entity, results[index].entityRef),
        ),
      );
      await this.#store.writeComponentResults(run.runId, results);
    });
    return results.length;
  }

  async #readPaths(
    credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
    counter: { requests: number },
  ): Promise<Map<string, PathPlan>> {
    const plans = new Map<string, PathPlan>();
    for await (const page of catalogPages(
      this.#catalog,
      { filter: { kind: 'goldenpath' } },
      { credentials, counter },
    )) {
      for (const entity of page) {
        if (!isGoldenPathEntity(entity)) {
          continue;
        }
        const checks = this.#checks.checksFor(entity);
        const ref = entityRefKey(entity);
        plans.set(ref, {
          path: entity,
          ref,
          checks,
          patterns: [...new Set(checks.flatMap(c => c.repositoryFiles ?? []))],
          tally: new FollowerTally(checks),
          resultSets: new CheckResultSets(checks),
          driftOf: driftLookup(entity),
        });
      }
    }
    return plans;
  }

  async #readOwners(
    credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
    counter: { requests: number },
  ): Promise<Set<string>> {
    const refs = new Set<string>();
    for await (const page of catalogPages(
      this.#catalog,
      {
        filter: { kind: ['group', 'user'] },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials, counter },
    )) {
      for (const entity of page) {
        refs.add(entityRefKey(entity));
      }
    }
    return refs;
  }

  /**
   * Runs a path's checks on one follower. A check's verdict is awaited only
   * when it returns a promise: synchronous checks (the built-in ones) cost
   * no promise per follower.
   */
  #runChecks(
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
      const result = this.#runCheck(index, plan, context);
      scratch[index] = result;
      pending ||= isPromise(result);
    }
    scratch.length = plan.checks.length;
    if (pending) {
      return Promise.all(scratch).then(results =>
        plan.resultSets.setOf(results),
      );
    }
    return plan.resultSets.setOf(scratch as CheckResult[]);
  }

  /** One check on one follower; a check that fails says `unknown`. */
  #runCheck(
    index: number,
    plan: PathPlan,
    context: GoldenPathCheckContext,
  ): CheckResult | Promise<CheckResult> {
    const unknown = (error: unknown) => {
      this.#logger.warn(
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
  #resultOf(
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
      drift: plan.driftOf(
        metadata.annotations?.[ANNOTATION_GOLDEN_PATH_VERSION],
      ),
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
}

function isComponent(entity: Entity): boolean {
  return (
    entity.kind === 'Component' || entity.kind.toLowerCase() === 'component'
  );
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
function factsOf(
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
