import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  type TestBackend,
  type TestDatabaseId,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import type { JsonObject } from '@backstage/types';
import {
  ANNOTATION_GOLDEN_PATH,
  type FollowerResult,
} from '@golden-paths/golden-paths-common';
import type { Knex } from 'knex';
import {
  createRepositories,
  repositoryComponents,
} from '../../bench/repositories';
import {
  BenchEntityProvider,
  benchProviderModule,
  type SyntheticCatalog,
  syntheticComponent,
} from '../../bench/syntheticCatalog';
import {
  type RandomPolicy,
  randomPolicyPermissionsFactory,
} from './randomPolicies';
import { evaluateNow, startGoldenPathsBackend, waitUntil } from './testBackend';

/** The user every policy leaves alone: allowed everything. */
export const admin = 'user:default/alice';
/** Items per page of a golden-paths list. */
const PAGE = 500;

/** An entity's ref as the catalog and the plugin compare them. */
export const refOf = (e: {
  kind: string;
  metadata: { namespace?: string; name: string };
}) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLocaleLowerCase('en-US');

/** The route of a path, by its ref. */
export const pathUrl = (ref: string) => {
  const [, namespace, name] = /^goldenpath:([^/]+)\/(.+)$/.exec(ref)!;
  return `/paths/${namespace}/${name}`;
};

/** The synthetic catalog as loaded, and requests to the catalog and the plugin. */
export interface SyntheticCatalogBackend {
  /** Followers per path, as generated. */
  generated: Map<string, number>;
  /** Every follower's `compliant`, as the allow-all user reads it. */
  compliantOf: Map<string, boolean>;
  /** A GET as `user`; a server error fails. */
  get<T>(user: string, url: string): Promise<{ status: number; body: T }>;
  /** The refs the catalog returns to the user for a filter, every page. */
  catalogRefs(
    user: string,
    filter: string,
  ): Promise<{ refs: string[]; totalItems: number }>;
  /** Every item of a paged golden-paths list, with the status of the first page. */
  pluginItems<T>(
    user: string,
    url: string,
  ): Promise<{ status: number; items: T[] }>;
}

/**
 * In a `describe` block: the real catalog and backend on `databaseId`
 * (PostgreSQL: each plugin its own database, dropped afterwards), loaded
 * with `components` synthetic followers and `repositories` followers with a
 * local repository, under `policies`, and evaluated once, before the tests.
 */
export function useSyntheticCatalogBackend(options: {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  base: SyntheticCatalog;
  components: number;
  repositories: number;
  policies: RandomPolicy[];
  /** How long the catalog may take to load and stitch everything. */
  loadTimeoutMs: number;
}): SyntheticCatalogBackend {
  const { databases, databaseId, base, components, policies } = options;
  const mockDir = createMockDirectory();
  const provider = new BenchEntityProvider('exactness');
  let backend: TestBackend;
  let baseUrl: string;
  const prefix = `gp_exactness_${Date.now().toString(36)}_`;
  const server: { knex?: Knex } = {};
  const generated = new Map<string, number>();
  const compliantOf = new Map<string, boolean>();

  async function get<T>(
    user: string,
    url: string,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${baseUrl}${url}`, {
      headers: { Authorization: mockCredentials.user.header(user) },
    });
    const text = await response.text();
    if (response.status >= 500) {
      throw new Error(`GET ${url} as ${user}: ${response.status} ${text}`);
    }
    return { status: response.status, body: JSON.parse(text) as T };
  }

  /** The refs the catalog returns to the user for a filter, every page. */
  async function catalogRefs(
    user: string,
    filter: string,
  ): Promise<{ refs: string[]; totalItems: number }> {
    const refs: string[] = [];
    let totalItems = 0;
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({
        ...(cursor ? { cursor } : { filter }),
        fields: 'kind,metadata.namespace,metadata.name',
        limit: '1000',
      });
      const { status, body } = await get<{
        items: Parameters<typeof refOf>[0][];
        totalItems: number;
        pageInfo: { nextCursor?: string };
      }>(user, `/api/catalog/entities/by-query?${query}`);
      if (status !== 200) {
        throw new Error(`The catalog answered ${status} for ${filter}`);
      }
      refs.push(...body.items.map(refOf));
      totalItems = body.totalItems;
      cursor = body.pageInfo.nextCursor;
    } while (cursor);
    return { refs: refs.sort(), totalItems };
  }

  /** Every item of a paged golden-paths list, with the status of the first page. */
  async function pluginItems<T>(
    user: string,
    url: string,
  ): Promise<{ status: number; items: T[] }> {
    const items: T[] = [];
    let cursor: string | undefined;
    for (;;) {
      const separator = url.includes('?') ? '&' : '?';
      const { status, body } = await get<{ items: T[]; nextCursor?: string }>(
        user,
        `/api/golden-paths${url}${separator}limit=${PAGE}${
          cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
        }`,
      );
      if (status !== 200) {
        return { status, items };
      }
      items.push(...body.items);
      if (!body.nextCursor) {
        return { status, items };
      }
      cursor = body.nextCursor;
    }
  }

  beforeAll(async () => {
    const started = Date.now();
    await createRepositories(mockDir.path, options.repositories);
    const entities = [
      ...Array.from({ length: components }, (_, i) =>
        syntheticComponent(base, i),
      ),
      ...repositoryComponents(mockDir.path, options.repositories, base.owners),
    ];
    for (const c of entities) {
      const path = c.metadata.annotations?.[ANNOTATION_GOLDEN_PATH];
      if (path) {
        generated.set(path, (generated.get(path) ?? 0) + 1);
      }
    }
    const fixed = [...base.groups, ...base.systems, ...base.paths];

    // PostgreSQL: each plugin its own database, as in production, on the
    // server TestDatabases found (or started).
    let database: JsonObject | undefined;
    if (databaseId.startsWith('POSTGRES')) {
      server.knex = await databases.init(databaseId);
      const { database: _itsOwn, ...connection } = server.knex.client.config
        .connection as JsonObject;
      database = { client: 'pg', connection, prefix };
    }
    const running = await startGoldenPathsBackend({
      features: [
        ...(database ? [databaseServiceFactory] : []),
        benchProviderModule(provider),
        randomPolicyPermissionsFactory(policies),
        // A failed evaluation is only logged: shown, it explains the failure.
        mockServices.rootLogger.factory({ level: 'error' }),
      ],
      ...(database ? { backend: { database } } : {}),
      repositories: mockDir.path,
      // Processed once: the comparisons need a catalog at rest.
      catalog: { processingInterval: { hours: 24 } },
    });
    ({ backend, baseUrl } = running);
    await provider.apply([...fixed, ...entities]);

    // Stitched: every entity served, and every follower related to its path.
    await waitUntil(
      'the synthetic catalog stitched',
      async () => {
        const all = await catalogCount('');
        const related = await Promise.all(
          [...generated.keys()].map(async path => ({
            path,
            count: await catalogCount(
              `kind=component,relations.followsGoldenPath=${path}`,
            ),
          })),
        );
        return (
          (all === fixed.length + entities.length &&
            related.every(
              ({ path, count }) => count === generated.get(path),
            )) ||
          `${all} of ${
            fixed.length + entities.length
          } entities; followers related ${JSON.stringify(related)}`
        );
      },
      { timeoutMs: options.loadTimeoutMs, intervalMs: 2000 },
    );
    const loaded = Date.now();

    // The test scheduler runs the task before answering.
    await evaluateNow(running, admin);
    const evaluated = Date.now();

    for (const path of generated.keys()) {
      const followers = await pluginItems<FollowerResult>(
        admin,
        `${pathUrl(path)}/followers`,
      );
      for (const f of followers.items) {
        compliantOf.set(f.entityRef.toLocaleLowerCase('en-US'), f.compliant);
      }
    }
    // eslint-disable-next-line no-console
    console.log(
      `${databaseId}, ${entities.length} components: loaded and stitched in ${
        (loaded - started) / 1000
      } s, evaluated in ${(evaluated - loaded) / 1000} s`,
    );

    async function catalogCount(filter: string): Promise<number> {
      const query = new URLSearchParams({
        ...(filter ? { filter } : {}),
        fields: 'metadata.name',
        limit: '1',
      });
      const { body } = await get<{ totalItems: number }>(
        admin,
        `/api/catalog/entities/by-query?${query}`,
      );
      return body.totalItems;
    }
  });

  afterAll(async () => {
    await backend?.stop();
    for (const plugin of ['catalog', 'golden-paths']) {
      await server.knex?.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
        `${prefix}${plugin}`,
      ]);
    }
    await server.knex?.destroy();
  });

  return { generated, compliantOf, get, catalogRefs, pluginItems };
}
