import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  RELATION_FOLLOWS_GOLDEN_PATH,
  GOLDEN_PATH_KIND_LOWER,
  entityRefKey,
  isGoldenPathEntity,
} from '@golden-paths/golden-paths-common';
import { forEachConcurrently } from '@golden-paths/golden-paths-node';
import type { EvaluationStore, RunStats } from '../../database/EvaluationStore';
import type { RepositoryReader } from '../repositories/RepositoryReader';
import { FACT_FIELDS } from '../visibility/entityFacts';
import { catalogPages } from './catalogPages';
import type { CheckRegistry } from './CheckRegistry';
import {
  evaluatePage,
  factsOf,
  type PathPlan,
  pathPlan,
  type RunContext,
} from './followerPages';
import { pathDetails } from './pathDetails';
import { refNormalizer } from './refs';
import { withWritesBehind } from './writesBehind';

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
      repositories: this.#repositories,
      store: this.#store,
      logger: this.#logger,
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
            const evaluated = await evaluatePage(
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

  async #readPaths(
    credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
    counter: { requests: number },
  ): Promise<Map<string, PathPlan>> {
    const plans = new Map<string, PathPlan>();
    for await (const page of catalogPages(
      this.#catalog,
      { filter: { kind: GOLDEN_PATH_KIND_LOWER } },
      { credentials, counter },
    )) {
      for (const entity of page) {
        if (!isGoldenPathEntity(entity)) {
          continue;
        }
        const plan = pathPlan(entity, this.#checks.checksFor(entity));
        plans.set(plan.ref, plan);
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
}

function isComponent(entity: Entity): boolean {
  return (
    entity.kind === 'Component' || entity.kind.toLowerCase() === 'component'
  );
}
