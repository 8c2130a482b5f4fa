import {
  createMockDirectory,
  mockCredentials,
  type TestBackend,
} from '@backstage/backend-test-utils';
import type {
  EntityResult,
  ValidateResponse,
} from '@golden-paths/golden-paths-common';
import {
  commitAll,
  startLocalRepositoriesBackend,
} from './__testUtils__/localRepositoriesBackend';
import {
  componentBehindYaml,
  ORG_YAML,
  PATHS_YAML,
} from './__testUtils__/testCatalog';
import { allFollowPaths, waitForCatalog } from './__testUtils__/testBackend';

jest.setTimeout(180_000);

/**
 * Keys that are themselves maps, 390 levels deep: 780 bytes that kept the
 * yaml library busy for about 7 s.
 */
const NESTED_KEYS = `${'? '.repeat(390)}x\n`;

/** A flat map whose unique-key check compared every key with every other. */
function flatMap(keys: number): string {
  return Array.from({ length: keys }, (_, i) => `key${i}: value`).join('\n');
}

const HOSTILE_COMPONENT = componentBehindYaml('hostile');

/*
 * YAML written by someone else reaches the backend through the validate
 * route (any signed-in user), the evaluation (a follower's manifests and
 * CI files) and upgrade plans (the committed scaffold record). None of it
 * may stall the process for the other users.
 */
describe('hostile YAML', () => {
  const mockDir = createMockDirectory();
  let backend: TestBackend;
  let baseUrl: string;
  const alice = mockCredentials.user.header('user:default/alice');

  async function timed<T>(
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: T; ms: number }> {
    const started = Date.now();
    const response = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        Authorization: alice,
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      },
    });
    const body = (await response.json()) as T;
    return { status: response.status, body, ms: Date.now() - started };
  }

  /** A request sent while `hostile` is under way, and how long it took. */
  async function alongside<T>(hostile: () => Promise<T>) {
    const pending = hostile();
    await new Promise(resolve => setTimeout(resolve, 20));
    const other = await timed('/api/catalog/entities?limit=1');
    return { result: await pending, other };
  }

  beforeAll(async () => {
    mockDir.setContent({
      'org.yaml': ORG_YAML,
      'paths.yaml': PATHS_YAML,
      repos: {
        hostile: {
          'catalog-info.yaml': HOSTILE_COMPONENT,
          'k8s/deployment.yaml': NESTED_KEYS,
          'k8s/service.yaml': flatMap(20_000),
          '.github/workflows/ci.yaml': NESTED_KEYS,
          '.golden-paths/scaffold.yaml': NESTED_KEYS,
        },
      },
    });
    commitAll(mockDir.resolve('repos/hostile'), 'Mallory');
    const running = await startLocalRepositoriesBackend(mockDir, [
      'org.yaml',
      'paths.yaml',
      'repos/hostile/catalog-info.yaml',
    ]);
    ({ backend, baseUrl } = running);
    await waitForCatalog(running, {
      user: 'user:default/alice',
      filter: 'filter=kind=component',
      ready: items => items.length === 1 && allFollowPaths(items),
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('validates keys nested hundreds of levels deep at once, and says why', async () => {
    const { result, other } = await alongside(() =>
      timed<ValidateResponse>('/api/golden-paths/validate', {
        method: 'POST',
        body: JSON.stringify({ yaml: NESTED_KEYS }),
      }),
    );
    expect(result.status).toBe(200);
    expect(result.body.problems).toEqual([
      expect.objectContaining({
        line: 1,
        message: expect.stringMatching(/nesting is deeper than 100 levels/),
      }),
    ]);
    // Before the limited reader: about 7 s for the validation, and the
    // other request waited as long.
    expect(result.ms).toBeLessThan(2_000);
    expect(other.status).toBe(200);
    expect(other.ms).toBeLessThan(2_000);
  });

  it('keeps answering other requests while it validates a map of 60,000 keys', async () => {
    const yaml = flatMap(60_000);
    expect(yaml.length).toBeGreaterThan(800_000);
    const { result, other } = await alongside(() =>
      timed<ValidateResponse>('/api/golden-paths/validate', {
        method: 'POST',
        body: JSON.stringify({ yaml }),
      }),
    );
    expect(result.status).toBe(200);
    expect(result.body.problems[0].message).toMatch(
      /more than 100000 keys and values|took longer than/,
    );
    // Before: about 34 s, during which nothing else was answered.
    expect(result.ms).toBeLessThan(8_000);
    expect(other.status).toBe(200);
    expect(other.ms).toBeLessThan(8_000);
  });

  it("evaluates a follower whose manifests and CI file are hostile, and says they don't parse", async () => {
    const { result: refresh, other } = await alongside(() =>
      timed('/api/golden-paths/refresh', { method: 'POST' }),
    );
    // The test scheduler runs the evaluation before answering.
    // Before the limited reader: about 9 s, the other request waiting as long.
    expect(refresh.status).toBe(202);
    expect(refresh.ms).toBeLessThan(5_000);
    expect(other.ms).toBeLessThan(5_000);
    const entity = await timed<EntityResult>(
      '/api/golden-paths/entities/component/default/hostile',
    );
    expect(entity.status).toBe(200);
    const resources = entity.body.checks.find(
      c => c.id === 'resource-requests',
    );
    expect(resources).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/k8s\/deployment\.yaml/),
    });
  });

  it('refuses a hostile scaffold record with its file, line and column', async () => {
    const plan = await timed<{ error: { message: string } }>(
      '/api/golden-paths/entities/component/default/hostile/upgrade',
    );
    expect(plan.status).toBe(400);
    expect(plan.body.error.message).toMatch(
      /^\.golden-paths\/scaffold\.yaml line 1, column 1: nesting is deeper than 100 levels/,
    );
    // Before: about 9 s, then a schema error about the wrong field.
    expect(plan.ms).toBeLessThan(5_000);
  });
});
