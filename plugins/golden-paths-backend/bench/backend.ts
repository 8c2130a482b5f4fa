import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { catalogModuleGoldenPathKind } from '@golden-paths/golden-paths-node/testUtils';
import knexFactory, { type Knex } from 'knex';
import {
  type RandomPolicy,
  randomPolicyPermissionsFactory,
} from '../src/__testUtils__/randomPolicies';
import {
  Meters,
  timedDatabase,
  timedLocalUrlReaders,
  timedRootHttpRouter,
} from './instrumentation';
import { BenchEntityProvider, benchProviderModule } from './syntheticCatalog';
import { benchAuthPlugin, BenchUserTokens } from './userTokens';

/** The machine's PostgreSQL: local, trust authentication. */
export const PG_CONNECTION = {
  host: '127.0.0.1',
  port: 5432,
  user: 'postgres',
};

/** The databases of one backend: `<prefix>catalog`, `<prefix>golden-paths`. */
export function databaseNames(prefix: string) {
  return {
    catalog: `${prefix}catalog`,
    goldenPaths: `${prefix}golden-paths`,
  };
}

export function connectTo(database: string): Knex {
  return knexFactory({
    client: 'pg',
    connection: { ...PG_CONNECTION, database },
    pool: { min: 0, max: 2 },
  });
}

/** Drops a backend's databases, so that it starts from nothing. */
export async function dropDatabases(names: string[]): Promise<void> {
  const admin = connectTo('postgres');
  try {
    for (const name of names) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
    }
  } finally {
    await admin.destroy();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface BenchBackend {
  baseUrl: string;
  /**
   * Static external-access token: `Authorization: Bearer <token>`. A
   * service principal, allowed everything.
   */
  token: string;
  /** A user token for `userEntityRef`, verified as the auth backend's are. */
  userToken(userEntityRef: string): string;
  provider: BenchEntityProvider;
  meters: Meters;
  catalogDb: Knex;
  goldenPathsDb: Knex;
  /** Whether to do autovacuum's work by hand (see vacuum in measure.ts). */
  emulateAutovacuum: boolean;
  stop(): Promise<void>;
}

/**
 * Starts a real backend in this process: the catalog with the golden-paths
 * module and the bench provider, the golden-paths plugin, the local URL
 * reader, on PostgreSQL with one database per plugin under `prefix`. The
 * URL reader, root HTTP router and database services are the defaults with
 * timers around them (see instrumentation.ts).
 */
export async function startBenchBackend(options: {
  prefix: string;
  /** Served by the local URL reader (`localPublish.directory`). */
  repositoriesDirectory: string;
  emulateAutovacuum: boolean;
  /**
   * Conditional `catalog.entity.read` decisions for these users; every
   * other permission, user and service is allowed. Without it the default
   * permissions service, with the permission framework off.
   */
  policies?: RandomPolicy[];
}): Promise<BenchBackend> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = randomBytes(24).toString('base64url');
  const config: JsonObject = {
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: {
        client: 'pg',
        connection: PG_CONNECTION,
        prefix: options.prefix,
      },
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'bench' } },
        ],
      },
      logger: { level: process.env.LOG_LEVEL ?? 'warn' },
    },
    catalog: {
      // Loading processes only what is new; the benchmark makes the
      // processing loop busy on purpose when it measures that state.
      processingInterval: { hours: 24 },
      rules: [
        { allow: ['Component', 'System', 'Group', 'User', 'GoldenPath'] },
      ],
    },
    goldenPaths: {
      scaffolder: {
        localPublish: { directory: options.repositoriesDirectory },
      },
      evaluation: {
        schedule: { frequency: { trigger: 'manual' }, timeout: { hours: 1 } },
      },
    },
  };

  const userTokens = new BenchUserTokens();
  const provider = new BenchEntityProvider('golden-paths-bench');
  const meters = new Meters();
  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => new ConfigReader(config),
    }),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(catalogModuleGoldenPathKind);
  backend.add(benchProviderModule(provider));
  backend.add(import('../src'));
  backend.add(benchAuthPlugin(userTokens));
  if (options.policies) {
    backend.add(randomPolicyPermissionsFactory(options.policies));
  }
  backend.add(timedLocalUrlReaders(meters.repositoryReads));
  backend.add(timedRootHttpRouter(meters.catalogQueries));
  backend.add(timedDatabase('golden-paths', meters.goldenPathsDb));
  await backend.start();

  const names = databaseNames(options.prefix);
  const catalogDb = connectTo(names.catalog);
  const goldenPathsDb = connectTo(names.goldenPaths);
  return {
    baseUrl,
    token,
    userToken: ref => userTokens.token(ref),
    provider,
    meters,
    catalogDb,
    goldenPathsDb,
    emulateAutovacuum: options.emulateAutovacuum,
    async stop() {
      await backend.stop();
      await Promise.all([catalogDb.destroy(), goldenPathsDb.destroy()]);
    },
  };
}
