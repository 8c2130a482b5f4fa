import type {
  EntityResult,
  FollowerResult,
  HistoryResponse,
  PathDetails,
  PathSummary,
} from '@golden-paths/golden-paths-common';
import { REAL_WORK_TIMEOUT_MS } from './__testUtils__/testBackend';
import {
  alice,
  bob,
  carol,
  dave,
  useTestCatalogBackend,
} from './__testUtils__/testCatalogBackend';

// The catalog ingests a handful of entities and the evaluation reads three
// repositories before the first test, on a shared 2-core machine.
jest.setTimeout(2 * REAL_WORK_TIMEOUT_MS);

describe('golden-paths backend: what each caller may read and do', () => {
  const { call, repositoriesDirectory } = useTestCatalogBackend();

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
      expect(JSON.stringify(body)).not.toContain(repositoriesDirectory());
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
});
