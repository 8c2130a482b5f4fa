import {
  type ReaderFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  coreServices,
  createServiceFactory,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import { localRepositoryUrlReaderFactory } from '@golden-paths/golden-paths-node';
import type { Knex } from 'knex';

export interface MeterSnapshot {
  calls: number;
  /** Sum of the durations. */
  totalMs: number;
  /** Time at least one call was under way: concurrent calls count once. */
  busyMs: number;
}

/** Durations of calls that may overlap. */
export class Meter {
  #calls = 0;
  #totalMs = 0;
  #busyMs = 0;
  #active = 0;
  #since = 0;

  start(): () => void {
    const begin = performance.now();
    if (this.#active++ === 0) {
      this.#since = begin;
    }
    this.#calls += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const end = performance.now();
      this.#totalMs += end - begin;
      if (--this.#active === 0) {
        this.#busyMs += end - this.#since;
      }
    };
  }

  async time<T>(fn: () => Promise<T>): Promise<T> {
    const end = this.start();
    try {
      return await fn();
    } finally {
      end();
    }
  }

  snapshot(): MeterSnapshot {
    return { calls: this.#calls, totalMs: this.#totalMs, busyMs: this.#busyMs };
  }
}

export function meterDelta(
  after: MeterSnapshot,
  before: MeterSnapshot,
): MeterSnapshot {
  return {
    calls: after.calls - before.calls,
    totalMs: after.totalMs - before.totalMs,
    busyMs: after.busyMs - before.busyMs,
  };
}

/** What the benchmark measures inside the backend. */
export class Meters {
  /** `readTree` of the local-repository URL reader. */
  readonly repositoryReads = new Meter();
  /** The catalog's `/entities/by-query`, as its HTTP server sees them. */
  readonly catalogQueries = new Meter();
  /** Statements on the golden-paths plugin's database. */
  readonly goldenPathsDb = new Meter();

  snapshot() {
    return {
      repositoryReads: this.repositoryReads.snapshot(),
      catalogQueries: this.catalogQueries.snapshot(),
      goldenPathsDb: this.goldenPathsDb.snapshot(),
    };
  }
}

export type MetersSnapshot = ReturnType<Meters['snapshot']>;

export function metersDelta(
  after: MetersSnapshot,
  before: MetersSnapshot,
): MetersSnapshot {
  return {
    repositoryReads: meterDelta(after.repositoryReads, before.repositoryReads),
    catalogQueries: meterDelta(after.catalogQueries, before.catalogQueries),
    goldenPathsDb: meterDelta(after.goldenPathsDb, before.goldenPathsDb),
  };
}

/** The scaffolder module's local-repository URL reader, timed. */
export function timedLocalUrlReaders(meter: Meter) {
  const factory: ReaderFactory = options =>
    localRepositoryUrlReaderFactory(options).map(({ reader, predicate }) => {
      const timed: UrlReaderService = {
        readUrl: (url, o) => reader.readUrl(url, o),
        search: (url, o) => reader.search(url, o),
        readTree: (url, o) => meter.time(() => reader.readTree(url, o)),
      };
      return { reader: timed, predicate };
    });
  return createServiceFactory({
    service: urlReaderFactoriesServiceRef,
    deps: {},
    factory: () => factory,
  });
}

/** The default root HTTP router, timing the catalog's entity queries. */
export function timedRootHttpRouter(meter: Meter) {
  return rootHttpRouterServiceFactory({
    configure({ app, applyDefaults }) {
      app.use('/api/catalog/entities/by-query', (_req, res, next) => {
        const end = meter.start();
        res.once('finish', end);
        res.once('close', end);
        next();
      });
      applyDefaults();
    },
  });
}

function timeQueries(knex: Knex, meter: Meter) {
  const running = new Map<string, () => void>();
  const done = (_: unknown, query: { __knexQueryUid?: string }) => {
    const uid = query?.__knexQueryUid;
    if (uid) {
      running.get(uid)?.();
      running.delete(uid);
    }
  };
  knex.on('query', (query: { __knexQueryUid?: string }) => {
    if (query.__knexQueryUid) {
      running.set(query.__knexQueryUid, meter.start());
    }
  });
  knex.on('query-response', done);
  knex.on('query-error', done);
}

/**
 * The default database service (one database per plugin from
 * `backend.database`), timing the statements of one plugin.
 */
export function timedDatabase(pluginId: string, meter: Meter) {
  return createServiceFactory({
    service: coreServices.database,
    deps: {
      config: coreServices.rootConfig,
      lifecycle: coreServices.lifecycle,
      logger: coreServices.logger,
      pluginMetadata: coreServices.pluginMetadata,
      rootLifecycle: coreServices.rootLifecycle,
      rootLogger: coreServices.rootLogger,
    },
    async createRootContext({ config, rootLifecycle, rootLogger }) {
      return DatabaseManager.fromConfig(config, { rootLifecycle, rootLogger });
    },
    async factory({ pluginMetadata, lifecycle, logger }, manager) {
      const database = manager.forPlugin(pluginMetadata.getId(), {
        lifecycle,
        logger,
      });
      if (pluginMetadata.getId() !== pluginId) {
        return database;
      }
      let timed: Promise<Knex> | undefined;
      return {
        ...database,
        getClient() {
          timed ??= database.getClient().then(knex => {
            timeQueries(knex, meter);
            return knex;
          });
          return timed;
        },
      };
    },
  });
}
