import type {
  EntityResult,
  FollowerResult,
  HistoryResponse,
  PathDetails,
  PathSummary,
  ValidateResponse,
} from '@golden-paths/golden-paths-common';
import { REAL_WORK_TIMEOUT_MS } from './__testUtils__/testBackend';
import {
  alice,
  useTestCatalogBackend,
} from './__testUtils__/testCatalogBackend';

// The catalog ingests a handful of entities and the evaluation reads three
// repositories before the first test, on a shared 2-core machine.
jest.setTimeout(2 * REAL_WORK_TIMEOUT_MS);

describe('golden-paths backend with the real catalog', () => {
  const { call } = useTestCatalogBackend();

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
