import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  type TestBackend,
} from '@backstage/backend-test-utils';
import type {
  EntityResult,
  FollowerResult,
  HistoryResponse,
  PathDetails,
  PathSummary,
  ValidateResponse,
} from '@golden-paths/golden-paths-common';
import {
  ORG_YAML,
  PATHS_YAML,
  testRepositories,
} from './__testUtils__/testCatalog';
import {
  allFollowPaths,
  evaluateNow,
  REAL_WORK_TIMEOUT_MS,
  startGoldenPathsBackend,
  waitForCatalog,
  writeTestCatalog,
} from './__testUtils__/testBackend';
import { testPermissionsFactory } from './__testUtils__/testPolicy';

// The catalog ingests a handful of entities and the evaluation reads three
// repositories before the first test, on a shared 2-core machine.
jest.setTimeout(2 * REAL_WORK_TIMEOUT_MS);

describe('golden-paths backend with the real catalog', () => {
  const mockDir = createMockDirectory();
  let backend: TestBackend;
  let baseUrl: string;

  async function call<T>(
    path: string,
    options: { user?: string; method?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${baseUrl}/api/golden-paths${path}`, {
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

  const alice = 'user:default/alice';
  const bob = 'user:default/bob';
  const carol = 'user:default/carol';
  const dave = 'user:default/dave';

  beforeAll(async () => {
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
    ({ backend, baseUrl } = running);
    // Let the catalog ingest and relate everything before evaluating.
    await waitForCatalog(running, {
      user: alice,
      filter: 'filter=kind=component',
      ready: items => items.length === 3 && allFollowPaths(items),
    });
    await evaluateNow(running, alice);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('lists every path with adoption, compliance and drift', async () => {
    const { status, body } = await call<{ items: PathSummary[] }>('/paths', {
      user: alice,
    });
    expect(status).toBe(200);
    expect(body.items.map(p => p.ref)).toEqual([
      'goldenpath:default/legacy-service',
      'goldenpath:default/node-http-service',
    ]);
    const node = body.items[1];
    expect(node).toMatchObject({
      title: 'Node.js HTTP service',
      owner: 'group:default/team-a',
      adoption: 2,
      compliant: 1,
      complianceRatio: 0.5,
      drift: { 'up-to-date': 1, 'minor-behind': 1, deprecated: 0 },
    });
    expect(node.checks).toEqual([
      expect.objectContaining({ id: 'owner', pass: 2, fail: 0, passRatio: 1 }),
      expect.objectContaining({ id: 'ci', pass: 1, fail: 1, passRatio: 0.5 }),
      expect.objectContaining({ id: 'resource-requests', pass: 1, fail: 1 }),
    ]);
    expect(node.evaluatedAt).toEqual(expect.any(String));
    const legacy = body.items[0];
    expect(legacy).toMatchObject({
      lifecycle: 'deprecated',
      replacedBy: 'goldenpath:default/node-http-service',
      adoption: 1,
      compliant: 0,
      drift: { 'up-to-date': 1, deprecated: 1 },
    });
  });

  it('filters paths and pages through them with a cursor', async () => {
    const deprecated = await call<{ items: PathSummary[] }>(
      '/paths?lifecycle=deprecated',
      { user: alice },
    );
    expect(deprecated.body.items.map(p => p.name)).toEqual(['legacy-service']);
    const byGuarantee = await call<{ items: PathSummary[] }>(
      '/paths?guarantee=ci,owner',
      { user: alice },
    );
    expect(byGuarantee.status).toBe(200);
    expect(byGuarantee.body.items.map(p => p.name)).toEqual([
      'node-http-service',
    ]);
    const first = await call<{ items: PathSummary[]; nextCursor?: string }>(
      '/paths?limit=1',
      { user: alice },
    );
    expect(first.body.items).toHaveLength(1);
    const second = await call<{ items: PathSummary[]; nextCursor?: string }>(
      `/paths?limit=1&cursor=${first.body.nextCursor}`,
      { user: alice },
    );
    expect(second.body.items.map(p => p.name)).toEqual(['node-http-service']);
    expect(second.body.nextCursor).toBeUndefined();
    const bad = await call('/paths?limit=0', { user: alice });
    expect(bad.status).toBe(400);
  });

  it('explains each check of one entity', async () => {
    const { status, body } = await call<EntityResult>(
      '/entities/component/default/billing',
      { user: alice },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      entityRef: 'component:default/billing',
      path: { ref: 'goldenpath:default/node-http-service', version: '2.1.0' },
      drift: {
        status: 'minor-behind',
        currentVersion: '2.0.0',
        latestVersion: '2.1.0',
      },
      compliant: false,
    });
    const byId = Object.fromEntries(body.checks.map(c => [c.id, c]));
    expect(byId.owner.status).toBe('pass');
    expect(byId.ci).toMatchObject({ status: 'fail' });
    expect(byId.ci.reason).toMatch(/CI/);
    expect(byId['resource-requests'].status).toBe('fail');

    const orders = await call<EntityResult>(
      '/entities/component/default/orders',
      { user: alice },
    );
    expect(orders.body.checks.map(c => c.status)).toEqual([
      'pass',
      'pass',
      'pass',
    ]);
    const missing = await call('/entities/component/default/nope', {
      user: alice,
    });
    expect(missing.status).toBe(404);
  });

  it('pages through followers with their results', async () => {
    const first = await call<{ items: FollowerResult[]; nextCursor?: string }>(
      '/paths/default/node-http-service/followers?limit=1',
      { user: alice },
    );
    expect(first.body.items.map(f => f.entityRef)).toEqual([
      'component:default/billing',
    ]);
    const second = await call<{ items: FollowerResult[]; nextCursor?: string }>(
      `/paths/default/node-http-service/followers?limit=1&cursor=${first.body.nextCursor}`,
      { user: alice },
    );
    expect(second.body.items.map(f => f.entityRef)).toEqual([
      'component:default/orders',
    ]);
    expect(second.body.items[0].compliant).toBe(true);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('gives one path with the versions in use, and its history', async () => {
    const path = await call<PathDetails>('/paths/default/node-http-service', {
      user: alice,
    });
    expect(path.body.versions).toEqual([
      { version: '2.0.0', count: 1 },
      { version: '2.1.0', count: 1 },
    ]);
    const history = await call<HistoryResponse>(
      '/paths/default/node-http-service/history',
      { user: alice },
    );
    expect(history.body.items).toEqual([
      {
        day: new Date().toISOString().slice(0, 10),
        adoption: 2,
        compliant: 1,
        complianceRatio: 0.5,
      },
    ]);
    expect((await call('/paths/default/nope', { user: alice })).status).toBe(
      404,
    );
  });

  it('counts and lists only what the caller may read in the catalog', async () => {
    const paths = await call<{ items: PathSummary[] }>('/paths', { user: bob });
    const node = paths.body.items.find(p => p.name === 'node-http-service');
    // bob sees billing (team-b) but not orders (team-a)
    expect(node).toMatchObject({ adoption: 1, compliant: 0 });
    expect(node).not.toHaveProperty('versions');
    const followers = await call<{ items: FollowerResult[] }>(
      '/paths/default/node-http-service/followers',
      { user: bob },
    );
    expect(followers.body.items.map(f => f.entityRef)).toEqual([
      'component:default/billing',
    ]);
    const path = await call<PathDetails>('/paths/default/node-http-service', {
      user: bob,
    });
    expect(path.body.versions).toEqual([{ version: '2.0.0', count: 1 }]);
    const history = await call<HistoryResponse>(
      '/paths/default/node-http-service/history',
      { user: bob },
    );
    expect(history.body.restricted).toBe(true);
    expect(history.body.items.map(i => i.adoption)).toEqual([1]);
    const hidden = await call('/entities/component/default/orders', {
      user: bob,
    });
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toMatch(/resource-requests/);
  });

  it('reveals nothing of a path the caller may not read, through any route', async () => {
    // dave reads billing (team-b) but not the path it follows.
    const path = 'goldenpath:default/node-http-service';
    const secrets = [/Node\.js HTTP service/, /2\.1\.0/, /supported/];
    const answers = await Promise.all(
      [
        '/entities/component/default/billing',
        '/entities/component/default/billing/upgrade',
        '/paths/default/node-http-service',
        '/paths/default/node-http-service/followers',
        '/paths/default/node-http-service/history',
        '/paths/default/node-http-service/upgrade-plans',
      ].map(async route => ({
        route,
        ...(await call<any>(route, { user: dave })),
      })),
    );
    for (const { route, status, body } of answers) {
      expect({ route, status }).toEqual({ route, status: 404 });
      for (const secret of secrets) {
        expect({ route, body: JSON.stringify(body) }).not.toEqual({
          route,
          body: expect.stringMatching(secret),
        });
      }
    }
    // The same answer as for a component on a path that does not exist.
    const [hidden, unknown] = [
      answers[0].body,
      await call<any>('/entities/component/default/nope', { user: dave }),
    ];
    expect(hidden.error.message).toBe(
      unknown.body.error.message.replace(
        'component:default/nope',
        'component:default/billing',
      ),
    );
    const paths = await call<{ items: PathSummary[] }>('/paths', {
      user: dave,
    });
    expect(paths.body.items.map(p => p.ref)).not.toContain(path);
    // Who may read the path still gets it all.
    const bobs = await call<EntityResult>(
      '/entities/component/default/billing',
      { user: bob },
    );
    expect(bobs.status).toBe(200);
    expect(bobs.body.path).toMatchObject({
      ref: path,
      title: 'Node.js HTTP service',
      version: '2.1.0',
    });
  });

  it('denies insights, refresh and upgrades without their permissions', async () => {
    expect((await call('/paths', { user: carol })).status).toBe(403);
    expect(
      (await call('/refresh', { user: carol, method: 'POST' })).status,
    ).toBe(403);
    const upgrade = await call<any>(
      '/entities/component/default/orders/upgrade',
      {
        user: carol,
        method: 'POST',
      },
    );
    expect(upgrade.status).toBe(403);
    expect(upgrade.body.error.message).toMatch(/golden-paths\.upgrade\.create/);
  });

  it('does not plan an upgrade of a component the caller may not read', async () => {
    const hidden = await call<any>(
      '/entities/component/default/orders/upgrade',
      {
        user: bob,
      },
    );
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      'component:default/orders not found',
    );
  });

  it('names a repository in upgrade errors without the host’s directories', async () => {
    // billing's folder is inside the configured directory but no git
    // repository, so no plan can be made.
    const plan = await call<any>(
      '/entities/component/default/billing/upgrade',
      {
        user: alice,
      },
    );
    expect(plan.status).toBe(404);
    expect(plan.body.error.message).toBe(
      "The component's folder billing in the local repositories directory is not a git repository",
    );
    const plans = await call<any>(
      '/paths/default/node-http-service/upgrade-plans',
      { user: alice },
    );
    expect(plans.status).toBe(200);
    expect(JSON.stringify(plans.body)).toMatch(/billing/);
    for (const body of [plan.body, plans.body]) {
      expect(JSON.stringify(body)).not.toContain(mockDir.resolve('repos'));
    }
  });

  it('answers 401 on every route without credentials', async () => {
    const routes: Array<[string, string]> = [
      ['GET', '/paths'],
      ['GET', '/paths/default/node-http-service'],
      ['GET', '/paths/default/node-http-service/followers'],
      ['GET', '/paths/default/node-http-service/history'],
      ['GET', '/entities/component/default/orders'],
      ['GET', '/entities/component/default/orders/upgrade'],
      ['POST', '/entities/component/default/orders/upgrade'],
      ['GET', '/paths/default/node-http-service/upgrade-plans'],
      ['POST', '/refresh'],
      ['POST', '/validate'],
    ];
    for (const [method, path] of routes) {
      const { status } = await call(path, {
        method,
        body: method === 'POST' ? { yaml: '' } : undefined,
      });
      expect({ method, path, status }).toEqual({ method, path, status: 401 });
    }
  });

  it('validates YAML with the line and column of each problem', async () => {
    const yaml = [
      'apiVersion: golden-paths.dev/v1alpha1',
      'kind: GoldenPath',
      'metadata:',
      '  name: broken',
      'spec:',
      '  owner: group:default/team-a',
      '  lifecycle: retired',
      '  category: service',
      '  version: 1.0.0',
      '',
    ].join('\n');
    const { status, body } = await call<ValidateResponse>('/validate', {
      user: alice,
      method: 'POST',
      body: { yaml },
    });
    expect(status).toBe(200);
    expect(body.valid).toBe(false);
    expect(body.problems).toEqual([
      expect.objectContaining({ line: 7, column: 14, field: 'spec.lifecycle' }),
    ]);
    const valid = await call<ValidateResponse>('/validate', {
      user: alice,
      method: 'POST',
      body: { yaml: yaml.replace('retired', 'supported') },
    });
    expect(valid.body).toEqual({ valid: true, problems: [] });
    const notYaml = await call('/validate', {
      user: alice,
      method: 'POST',
      body: { text: 'x' },
    });
    expect(notYaml.status).toBe(400);
  });

  it('serves its OpenAPI spec', async () => {
    const { status, body } = await call<{ paths: Record<string, unknown> }>(
      '/openapi.json',
      { user: alice },
    );
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toContain(
      '/api/golden-paths/paths/{namespace}/{name}/followers',
    );
  });
});
