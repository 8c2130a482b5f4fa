import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { ORG_YAML, PATHS_YAML, testRepositories } from './testCatalog';
import {
  allFollowPaths,
  evaluateNow,
  startGoldenPathsBackend,
  useGoldenPathsBackend,
  waitForCatalog,
  writeTestCatalog,
} from './testBackend';
import { testPermissionsFactory } from './testPolicy';

/** The users of the test policy (see testPolicy.ts). */
export const alice = 'user:default/alice';
export const bob = 'user:default/bob';
export const carol = 'user:default/carol';
export const dave = 'user:default/dave';

/** Requests to the golden-paths routes, as a user or without credentials. */
export interface TestCatalogRoutes {
  call<T>(
    path: string,
    options?: { user?: string; method?: string; body?: unknown },
  ): Promise<{ status: number; body: T }>;
  /** The directory of the local repositories, as the host names it. */
  repositoriesDirectory(): string;
}

/**
 * In a `describe` block: the real catalog and backend over the test catalog
 * (three followers of two paths, see testCatalog.ts) under the test policy,
 * ingested and evaluated before the tests and stopped after them.
 */
export function useTestCatalogBackend(): TestCatalogRoutes {
  const mockDir = createMockDirectory();
  const backend = useGoldenPathsBackend(async () => {
    const running = await startGoldenPathsBackend({
      features: [
        testPermissionsFactory,
        // Requests without a token stay unauthenticated (the test default
        // would make them a user).
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
      repositories: mockDir.resolve('repos'),
      locations: writeTestCatalog(mockDir, {
        org: ORG_YAML,
        paths: PATHS_YAML,
        repositories: testRepositories(),
      }),
    });
    // Let the catalog ingest and relate everything before evaluating.
    await waitForCatalog(running, {
      user: alice,
      filter: 'filter=kind=component',
      ready: items => items.length === 3 && allFollowPaths(items),
    });
    await evaluateNow(running, alice);
    return running;
  });

  async function call<T>(
    path: string,
    options: { user?: string; method?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${backend.baseUrl}/api/golden-paths${path}`, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.user
          ? { Authorization: mockCredentials.user.header(options.user) }
          : {}),
        ...(options.body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  return { call, repositoriesDirectory: () => mockDir.resolve('repos') };
}
