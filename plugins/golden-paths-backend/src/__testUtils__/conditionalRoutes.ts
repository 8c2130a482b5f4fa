import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import type {
  PathDetails,
  PathSummary,
} from '@golden-paths/golden-paths-common';
import {
  CONDITIONAL_FOLLOWERS,
  CONDITIONAL_ORG_YAML,
  CONDITIONAL_PATHS,
  CONDITIONAL_PATHS_YAML,
  conditionalRepositories,
  type FixtureFollower,
  type FixturePath,
} from './conditionalCatalog';
import { byRef, expectedFigures } from './conditionalExpectations';
import {
  catalogModuleIsInSystemRule,
  CONDITIONAL_USERS as U,
  conditionalPermissionsFactory,
} from './conditionalPolicy';
import {
  allFollowPaths,
  evaluateNow,
  startGoldenPathsBackend,
  useGoldenPathsBackend,
  waitForCatalog,
  writeTestCatalog,
} from './testBackend';

/** Followers one bulk upgrade planning lists; the rest are `omitted`. */
export const MAX_PLANNED = 1;
export const NO_PATH = 'no-such-path';
export const NO_COMPONENT = 'no-such-component';

/** A route's answer, its body parsed when it is JSON. */
export interface Answer<T = any> {
  route: string;
  status: number;
  body: T;
  text: string;
}

/** Requests to the golden-paths routes as one user or another. */
export interface ConditionalRoutes {
  call<T = any>(
    route: string,
    user: string,
    options?: { method?: string; body?: unknown },
  ): Promise<Answer<T>>;
  /** Every page of a list, following `nextCursor`. */
  allPages<T>(
    route: string,
    user: string,
  ): Promise<Array<Answer<{ items: T[]; nextCursor?: string }>>>;
}

/**
 * In a `describe` block: the real catalog and backend over the conditional
 * fixture (its catalog ingested and evaluated before the tests) under the
 * conditional policy, stopped after them; and requests to its routes.
 */
export function useConditionalBackend(): ConditionalRoutes {
  const mockDir = createMockDirectory();
  const backend = useGoldenPathsBackend(async () => {
    const running = await startGoldenPathsBackend({
      features: [
        catalogModuleIsInSystemRule,
        conditionalPermissionsFactory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
      repositories: mockDir.resolve('repos'),
      goldenPaths: {
        upgrades: {
          maxFollowersPerRequest: MAX_PLANNED,
          rateLimit: { burst: 10_000, perMinute: 10_000 },
        },
      },
      locations: writeTestCatalog(mockDir, {
        org: CONDITIONAL_ORG_YAML,
        paths: CONDITIONAL_PATHS_YAML,
        repositories: conditionalRepositories(),
      }),
    });
    // Every component related to its path, and every path, before evaluating.
    await waitForCatalog(running, {
      user: U.admin,
      filter: 'filter=kind=component&filter=kind=goldenpath',
      ready: items => {
        const components = items.filter(i => i.kind === 'Component');
        return (
          items.length - components.length === CONDITIONAL_PATHS.length &&
          components.length === CONDITIONAL_FOLLOWERS.length + 1 &&
          allFollowPaths(components)
        );
      },
    });
    await evaluateNow(running, U.admin);
    return running;
  });

  async function call<T = any>(
    route: string,
    user: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<Answer<T>> {
    const response = await fetch(
      `${backend.baseUrl}/api/golden-paths${route}`,
      {
        method: options.method ?? 'GET',
        headers: {
          Authorization: mockCredentials.user.header(user),
          ...(options.body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: options.body ? JSON.stringify(options.body) : undefined,
      },
    );
    const text = await response.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { route, status: response.status, body, text };
  }

  /** Every page of a list, following `nextCursor`. */
  async function allPages<T>(route: string, user: string) {
    const pages: Array<Answer<{ items: T[]; nextCursor?: string }>> = [];
    let cursor: string | undefined;
    do {
      const separator = route.includes('?') ? '&' : '?';
      const page = await call<{ items: T[]; nextCursor?: string }>(
        cursor
          ? `${route}${separator}cursor=${encodeURIComponent(cursor)}`
          : route,
        user,
      );
      expect({ route: page.route, status: page.status }).toEqual({
        route: page.route,
        status: 200,
      });
      pages.push(page);
      cursor = page.body.nextCursor;
      if (pages.length > 20) {
        throw new Error(`${route} never ends`);
      }
    } while (cursor);
    return pages;
  }

  return { call, allPages };
}

/**
 * What a caller notices of an error: its status, name and message, with
 * the names in `names` replaced by placeholders so that answers about
 * different entities compare.
 */
export function noticed(answer: Answer, names: string[]) {
  let text = JSON.stringify({
    status: answer.status,
    name: answer.body?.error?.name,
    message: answer.body?.error?.message,
  });
  names.forEach((name, i) => {
    text = text.split(name).join(`<name ${i}>`);
  });
  return JSON.parse(text);
}

/** Asserts two answers look the same but for the names of what they are about. */
export function expectSameAnswer(
  actual: Answer,
  actualNames: string[],
  reference: Answer,
  referenceNames: string[],
) {
  expect(actual.status).toBeGreaterThanOrEqual(400);
  expect({ route: actual.route, ...noticed(actual, actualNames) }).toEqual({
    route: actual.route,
    ...noticed(reference, referenceNames),
  });
}

/** A path's figures over `followers`. */
export function expectFigures(
  actual: PathSummary,
  path: FixturePath,
  followers: FixtureFollower[],
) {
  const expected = expectedFigures(path, followers);
  expect(actual).toMatchObject(expected.summary);
  expect(
    actual.checks.map(({ id, pass, fail, unknown, passRatio }) => ({
      id,
      pass,
      fail,
      unknown,
      passRatio,
    })),
  ).toEqual(expected.checks);
}

/** A path's figures and the versions its `followers` are on. */
export function expectDetails(
  actual: PathDetails,
  path: FixturePath,
  followers: FixtureFollower[],
) {
  expectFigures(actual, path, followers);
  expect(
    [...actual.versions].sort((a, b) => byRef(a.version, b.version)),
  ).toEqual(expectedFigures(path, followers).versions);
}

/** A cursor in the shape the backend hands out today, pointing past `after`. */
export function forgedCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}
