import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_GOLDEN_PATH_VERSION,
  RELATION_FOLLOWS_GOLDEN_PATH,
  type CheckResult,
  type GoldenPathEntityV1alpha1,
  isGoldenPathEntity,
} from '@golden-paths/golden-paths-common';
import type {
  GoldenPathCheck,
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
import { entityFacts, FACT_FIELDS } from '../visibility/entityFacts';
import { catalogPages } from './catalogPages';
import type { CheckRegistry } from './CheckRegistry';
import { driftOf } from './drift';
import { FollowerTally } from './FollowerTally';
import { pathDetails } from './pathDetails';
import { entityRefKey, normalizeRef } from './refs';

/**
 * The component fields an evaluation reads from the catalog: what the
 * checks need, and every fact the catalog's built-in permission rules can
 * look at (stored so that conditional read decisions are applied without
 * asking the catalog per request).
 */
export const FOLLOWER_FIELDS = FACT_FIELDS;

/** Paths whose followers are read from the catalog at the same time. */
const PATHS_READ_AT_ONCE = 2;

interface PathPlan {
  path: GoldenPathEntityV1alpha1;
  checks: GoldenPathCheck[];
  /** Union of the checks' repository file patterns; empty: no read. */
  patterns: string[];
  tally: FollowerTally;
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
      [...plans.values()].map(plan => factsOf(plan.path)),
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
    const readCounts = { reads: 0, notModified: 0, failures: 0 };
    const budget = { remaining: this.#maxReadsPerRun };
    try {
      // One walk per path, by its followsGoldenPath relation (an exact value
      // in the catalog's search index): a page then costs what the path's
      // followers cost, not what the whole catalog costs, as an
      // annotation-exists filter does. Two paths at a time.
      await forEachConcurrently(
        [...plans.values()],
        PATHS_READ_AT_ONCE,
        async plan => {
          for await (const page of catalogPages(
            this.#catalog,
            {
              filter: {
                [`relations.${RELATION_FOLLOWS_GOLDEN_PATH}`]: entityRefKey(
                  plan.path,
                ),
              },
              fields: FOLLOWER_FIELDS,
            },
            { credentials, counter },
          )) {
            // Awaited first: `+= await` would read the count before the
            // other path's walk added to it.
            const evaluated = await this.#evaluatePage(
              runId,
              page.filter(
                entity =>
                  entity.kind.toLocaleLowerCase('en-US') === 'component',
              ),
              plan,
              { budget, readCounts, ownersInCatalog },
            );
            stats.components += evaluated;
          }
        },
      );
      stats.catalogRequests = counter.requests;
      stats.repositoryReads = readCounts.reads;
      stats.repositoryNotModified = readCounts.notModified;
      stats.repositoryFailures = readCounts.failures;
      await this.#store.completeRun(runId, {
        summaries: [...plans.values()].map(plan =>
          pathDetails(
            plan.path,
            plan.tally.figures(),
            startedAt,
            previous.get(entityRefKey(plan.path)),
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

  /** Evaluates and stores one page of a path's followers; returns how many. */
  async #evaluatePage(
    runId: number,
    followers: Entity[],
    plan: PathPlan,
    context: {
      budget: { remaining: number };
      readCounts: RepositoryReadCounts;
      ownersInCatalog: Set<string>;
    },
  ): Promise<number> {
    await this.#store.writeEntityFacts(followers.map(factsOf));
    const snapshots = await this.#repositories.read(
      followers.flatMap(entity => {
        const location = repositoryLocation(entity);
        return location && plan.patterns.length
          ? [{ location, patterns: plan.patterns }]
          : [];
      }),
      context.budget,
      context.readCounts,
    );
    const evaluatedAt = new Date();
    const results: StoredComponentResult[] = [];
    for (const entity of followers) {
      const location = repositoryLocation(entity);
      const repository = (location && snapshots.get(location)) || NO_REPOSITORY;
      const result = await this.#evaluateOne(entity, plan, {
        repository,
        ownersInCatalog: context.ownersInCatalog,
        evaluatedAt,
      });
      plan.tally.add(result);
      results.push(result);
    }
    await this.#store.writeComponentResults(runId, results);
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
        plans.set(entityRefKey(entity), {
          path: entity,
          checks,
          patterns: [...new Set(checks.flatMap(c => c.repositoryFiles ?? []))],
          tally: new FollowerTally(checks),
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

  async #evaluateOne(
    entity: Entity,
    plan: PathPlan,
    context: {
      repository: RepositorySnapshot;
      ownersInCatalog: Set<string>;
      evaluatedAt: Date;
    },
  ): Promise<StoredComponentResult> {
    const checks: CheckResult[] = [];
    for (const check of plan.checks) {
      checks.push(await this.#runCheck(check, entity, plan, context));
    }
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const text = (value: unknown) =>
      typeof value === 'string' && value ? value : undefined;
    const owner = normalizeRef(text(spec.owner), {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace,
    });
    return {
      entityRef: entityRefKey(entity),
      pathRef: entityRefKey(plan.path),
      ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
      ...(owner ? { owner } : {}),
      ...(text(spec.type) ? { type: text(spec.type) } : {}),
      ...(text(spec.lifecycle) ? { lifecycle: text(spec.lifecycle) } : {}),
      drift: driftOf(
        entity.metadata.annotations?.[ANNOTATION_GOLDEN_PATH_VERSION],
        plan.path,
      ),
      checks,
      compliant: checks.every(c => c.status === 'pass'),
      ...(entity.metadata.etag ? { entityEtag: entity.metadata.etag } : {}),
      evaluatedAt: context.evaluatedAt,
    };
  }

  async #runCheck(
    check: GoldenPathCheck,
    entity: Entity,
    plan: PathPlan,
    context: { repository: RepositorySnapshot; ownersInCatalog: Set<string> },
  ): Promise<CheckResult> {
    try {
      const verdict = await check.evaluate({
        entity,
        path: plan.path,
        repository: context.repository,
        catalogHas: ref =>
          context.ownersInCatalog.has(ref.toLocaleLowerCase('en-US')),
      });
      return {
        id: check.id,
        title: check.title,
        status: verdict.status,
        reason: verdict.reason,
        ...(verdict.fix ? { fix: verdict.fix } : {}),
      };
    } catch (error) {
      this.#logger.warn(
        `Check ${check.id} failed on ${entityRefKey(entity)}: ${stringifyError(
          error,
        )}`,
      );
      return {
        id: check.id,
        title: check.title,
        status: 'unknown',
        reason: `the check could not be evaluated: ${stringifyError(error)}`,
      };
    }
  }
}

function factsOf(entity: Entity): EntityFactsInput {
  return {
    entityRef: entityRefKey(entity),
    ...(entity.metadata.etag ? { etag: entity.metadata.etag } : {}),
    facts: entityFacts(entity),
  };
}
