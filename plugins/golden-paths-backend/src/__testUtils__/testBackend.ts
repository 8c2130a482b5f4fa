import type { AddressInfo } from 'node:net';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type MockDirectory,
  type TestBackend,
} from '@backstage/backend-test-utils';
import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import type { JsonObject } from '@backstage/types';
import { catalogModuleGoldenPathKind } from '@golden-paths/golden-paths-node/testUtils';
import { goldenPathsLocalUrlReaderServiceFactory } from '@golden-paths/golden-paths-node';
import goldenPathsPlugin from '../index';

/**
 * How long an integration test waits for real work (the catalog's ingestion,
 * an evaluation) before failing: generous, for a 2-core machine shared with
 * other test runs.
 */
export const REAL_WORK_TIMEOUT_MS = 90_000;

/** The kinds the test catalogs hold. */
const KINDS = [
  'Component',
  'Group',
  'User',
  'System',
  'GoldenPath',
  'Location',
];

/** A running backend and the URL it answers on. */
export interface RunningBackend {
  backend: TestBackend;
  baseUrl: string;
}

/**
 * Starts the real catalog (with the Golden Paths module) and the Golden
 * Paths backend, reading local repositories through the URL reader.
 *
 * The evaluation runs only when asked (`POST /refresh`, see
 * {@link evaluateNow}) unless `features` brings a real scheduler
 * (`realScheduler: true`). The test catalog holds components, groups,
 * users, systems, paths and locations.
 */
export async function startGoldenPathsBackend(options: {
  /** Catalog files (absolute paths), registered as file locations. */
  locations?: string[];
  /** The directory of local repositories (one folder per component). */
  repositories?: string;
  /** The plugin's config besides its local repositories. */
  goldenPaths?: JsonObject;
  /** The backend's config (`backend.database`). */
  backend?: JsonObject;
  /** Catalog config over the defaults (every kind above, processed every second). */
  catalog?: JsonObject;
  /** More features: a permission policy, credentials, a database, a logger. */
  features?: BackendFeature[];
  /** Whether `features` brings its own scheduler (else the test one, which runs a task only when triggered). */
  realScheduler?: boolean;
}): Promise<RunningBackend> {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleGoldenPathKind,
      goldenPathsPlugin,
      urlReaderServiceFactory,
      goldenPathsLocalUrlReaderServiceFactory,
      ...(options.realScheduler
        ? []
        : [mockServices.scheduler.factory({ skipTaskRunOnStartup: true })]),
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          ...(options.backend ? { backend: options.backend } : {}),
          goldenPaths: {
            ...options.goldenPaths,
            ...(options.repositories
              ? {
                  scaffolder: {
                    localPublish: { directory: options.repositories },
                  },
                }
              : {}),
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: KINDS }],
            locations: (options.locations ?? []).map(target => ({
              type: 'file',
              target,
            })),
            ...options.catalog,
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return { backend, baseUrl: `http://localhost:${port}` };
}

/**
 * In a `describe` block: a backend started (and made ready) by `start`
 * before the tests, stopped after them. The URL it answers on is read in
 * the tests.
 */
export function useGoldenPathsBackend(start: () => Promise<RunningBackend>): {
  readonly baseUrl: string;
} {
  let running: RunningBackend | undefined;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    await running?.backend.stop();
  });
  return {
    get baseUrl() {
      if (!running) {
        throw new Error('The backend has not started');
      }
      return running.baseUrl;
    },
  };
}

/**
 * Writes an organisation, paths and one folder per repository (each with
 * its `catalog-info.yaml`) into `mockDir`; returns their catalog files.
 */
export function writeTestCatalog(
  mockDir: MockDirectory,
  files: {
    org: string;
    paths: string;
    repositories: Record<string, Record<string, string>>;
  },
): string[] {
  mockDir.setContent({
    'org.yaml': files.org,
    'paths.yaml': files.paths,
    repos: files.repositories,
  });
  return [
    'org.yaml',
    'paths.yaml',
    ...Object.keys(files.repositories).map(
      name => `repos/${name}/catalog-info.yaml`,
    ),
  ].map(file => mockDir.resolve(file));
}

/**
 * Checks `condition` until it holds, every `intervalMs`; fails after
 * `timeoutMs` with what it last saw. `condition` answers `true`, or what
 * it sees instead.
 */
export async function waitUntil(
  what: string,
  condition: () => Promise<true | string>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const { timeoutMs = REAL_WORK_TIMEOUT_MS, intervalMs = 250 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await condition();
    if (seen === true) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`Not ${what} after ${timeoutMs / 1000} s: ${seen}`);
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

/** An entity as a catalog query with `fields=kind,metadata.name,relations` gives it. */
export interface QueriedEntity {
  kind: string;
  metadata: { name: string };
  relations?: Array<{ type: string; targetRef: string }>;
}

/**
 * Waits until the catalog returns, for `filter` (a `by-query` query
 * string), the entities that `ready` accepts, each related to its path.
 */
export async function waitForCatalog(
  running: RunningBackend,
  options: {
    /** The user asking the catalog. */
    user: string;
    /** `filter=…` parameters of the catalog's `by-query`. */
    filter: string;
    /** Whether the entities returned are all that is expected. */
    ready: (items: QueriedEntity[]) => boolean;
    timeoutMs?: number;
  },
): Promise<void> {
  await waitUntil(
    'the test entities ingested',
    async () => {
      const response = await fetch(
        `${running.baseUrl}/api/catalog/entities/by-query?${options.filter}&fields=kind,metadata.name,relations&limit=1000`,
        {
          headers: { Authorization: mockCredentials.user.header(options.user) },
        },
      );
      if (!response.ok) {
        throw new Error(
          `The catalog answered ${response.status}: ${await response.text()}`,
        );
      }
      const { items } = (await response.json()) as { items: QueriedEntity[] };
      return options.ready(items) || JSON.stringify(items);
    },
    { timeoutMs: options.timeoutMs },
  );
}

/** Whether every entity has a `followsGoldenPath` relation. */
export function allFollowPaths(items: QueriedEntity[]): boolean {
  return items.every(item =>
    item.relations?.some(r => r.type === 'followsGoldenPath'),
  );
}

/**
 * Runs the evaluation now, as `user`: the test scheduler runs it before
 * `POST /refresh` answers.
 */
export async function evaluateNow(
  running: RunningBackend,
  user: string,
): Promise<void> {
  const response = await fetch(`${running.baseUrl}/api/golden-paths/refresh`, {
    method: 'POST',
    headers: { Authorization: mockCredentials.user.header(user) },
  });
  if (response.status !== 202) {
    throw new Error(
      `POST /refresh answered ${response.status}: ${await response.text()}`,
    );
  }
}
