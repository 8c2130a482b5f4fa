import { randomBytes } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  PathUpgradePlans,
  UpgradePlan,
} from '@golden-paths/golden-paths-common';
import type { ScaffolderTestBackend } from '@golden-paths/test-utils';
import { DirectoryHostReader } from './__testUtils__/directoryHostReader';
import { git } from './__testUtils__/git';
import { measured } from './__testUtils__/measured';
import { OutsiderPermissions } from './__testUtils__/outsiderPermissions';
import {
  copyUpgradeExamples,
  releasePathVersion,
  scaffoldExample,
  startUpgradeBackend,
} from './__testUtils__/upgradeScenario';

/*
 * What an upgrade plan may cost, through the HTTP API as a caller sees it:
 * a repository larger than an upgrade reads is refused at once (remote,
 * through a URL reader, and local), one caller's burst of plans is partly
 * refused with 429, a repeated plan comes from the cache (never for a
 * caller who cannot read the component), and the bulk view plans only a
 * bounded number of followers.
 */

jest.setTimeout(600_000);

const MB = 1024 * 1024;
const REMOTE_HOST = 'git.example.test';

function component(name: string, sourceLocation: string) {
  return `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    backstage.io/source-location: ${sourceLocation}
    golden-paths.dev/path: goldenpath:default/node-http-service
    golden-paths.dev/path-version: 2.1.0
spec:
  type: service
  lifecycle: production
  owner: group:default/platform-team
`;
}

describe('what an upgrade plan may cost', () => {
  let world: ScaffolderTestBackend;
  let workdir: string;
  let repositories: string;
  let remote: string;
  /** The Git host's reader, which records what the plans read. */
  let host: DirectoryHostReader;

  /** A GET as `user`, with the status, body and Retry-After. */
  async function get<T = any>(user: string, path: string) {
    const response = await fetch(`${world.baseUrl}${path}`, {
      headers: { Authorization: mockCredentials.user.header(user) },
    });
    const text = await response.text();
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  }

  const planOf = (name: string) =>
    `/api/golden-paths/entities/component/default/${name}/upgrade`;

  beforeAll(async () => {
    ({ workdir, repositories } = await copyUpgradeExamples(
      'golden-paths-upgrade-cost-',
      ['golden-paths.yaml', 'org.yaml', 'systems.yaml'],
    ));
    remote = join(workdir, 'remote');
    host = new DirectoryHostReader(remote);
    // Components on a Git host (served from `remote/`) and one local
    // repository, filled once orders-api has been scaffolded.
    await writeFile(
      join(workdir, 'components.yaml'),
      [
        component('big-file', `url:https://${REMOTE_HOST}/big-file/`),
        component('many-files', `url:https://${REMOTE_HOST}/many-files/`),
        component('local-big', `file:${join(repositories, 'local-big')}/`),
      ].join(''),
    );
    world = await startUpgradeBackend({
      workdir,
      repositories,
      features: [
        createServiceFactory({
          service: urlReaderFactoriesServiceRef,
          deps: {},
          factory: () => () =>
            [{ reader: host, predicate: url => url.host === REMOTE_HOST }],
        }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => new OutsiderPermissions(),
        }),
      ],
      locations: [
        'golden-paths.yaml',
        'org.yaml',
        'systems.yaml',
        'components.yaml',
        'templates/node-http-service/template.yaml',
      ],
      // The example paths and the Node.js service template.
      entities: 8,
      goldenPaths: {
        upgrades: {
          // Lower than the default (5000) so that 2,000 files pass it.
          repositories: { maxFiles: 1000 },
          maxFollowersPerRequest: 2,
          rateLimit: { burst: 10, perMinute: 1 },
        },
      },
    });
    const { request } = world;

    // Scaffold orders-api at 2.1.0, as a developer would.
    await scaffoldExample(request, 'node-http-service', 'orders-api');
    const ordersApi = join(repositories, 'orders-api');

    // The same repository on the Git host, once with a 50 MB file and once
    // with 2,000 more files; and locally with the 50 MB file committed.
    const bigFile = randomBytes(50 * MB);
    for (const name of ['big-file', 'many-files']) {
      await cp(ordersApi, join(remote, name), {
        recursive: true,
        filter: source => !source.includes(`${ordersApi}/.git`),
      });
    }
    await mkdir(join(remote, 'big-file/assets'), { recursive: true });
    await writeFile(join(remote, 'big-file/assets/model.bin'), bigFile);
    for (let i = 0; i < 2000; i += 1) {
      const file = join(remote, `many-files/data/${i % 20}/${i}.json`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `{"row": ${i}}\n`);
    }
    git(repositories, 'clone', '-q', ordersApi, 'local-big');
    const localBig = join(repositories, 'local-big');
    await mkdir(join(localBig, 'assets'));
    await writeFile(join(localBig, 'assets/model.bin'), bigFile);
    git(localBig, 'add', '-A');
    git(localBig, 'commit', '-qm', 'A model');

    // The platform team releases 2.2.0: every one of them is behind.
    await releasePathVersion(request, workdir, '2.2.0', {
      until: async () =>
        (
          await request(
            'GET',
            '/api/catalog/entities/by-query?filter=kind=component,relations.followsGoldenPath=goldenpath:default/node-http-service&limit=100',
          )
        ).body?.items?.length === 4,
    });
  }, 600_000);

  afterAll(async () => {
    await world?.backend.stop();
    await rm(workdir, { recursive: true, force: true });
  });

  it('refuses at once, naming the limit, a repository larger than an upgrade reads', async () => {
    const cases: Array<[string, RegExp]> = [
      ['big-file', /goldenPaths\.upgrades\.repositories\.maxFileBytes/],
      ['many-files', /goldenPaths\.upgrades\.repositories\.maxFiles\b/],
      ['local-big', /goldenPaths\.upgrades\.repositories\.maxFileBytes/],
    ];
    const answers: Array<{
      result: { status: number; body: any };
      buffersMb: number;
    }> = [];
    for (const [name] of cases) {
      answers.push(
        await measured(() => get('user:default/alice', planOf(name))),
      );
    }
    cases.forEach(([name, limit], i) => {
      const { result, buffersMb } = answers[i];
      // Before: the 50 MB file was read whole (+54 MB).
      expect(buffersMb).toBeLessThan(40);
      expect({ name, status: result.status }).toEqual({ name, status: 400 });
      expect(result.body.error.message).toMatch(limit);
      expect(result.body.error.message).toMatch(/nothing was planned/);
    });
    // At once: from the Git host, the 50 MB file was refused by its size
    // and never downloaded, and the read stopped at the first file past
    // maxFiles (1,000) of the 2,000 and more the repository holds.
    const of = (name: string, paths: string[]) =>
      paths.filter(path => path.startsWith(`${name}/`));
    expect(of('big-file', host.offered)).toContain('big-file/assets/model.bin');
    expect(of('big-file', host.contentsRead)).not.toContain(
      'big-file/assets/model.bin',
    );
    expect(of('many-files', host.offered)).toHaveLength(1001);
  });

  it('serves a repeated plan from the cache, but never to a caller who cannot read the component', async () => {
    const first = await get<UpgradePlan>(
      'user:default/alice',
      planOf('orders-api'),
    );
    expect(first.status).toBe(200);
    expect(first.body.timings.renderMs).toBeGreaterThan(0);
    const second = await get<UpgradePlan>(
      'user:default/alice',
      planOf('orders-api'),
    );
    expect(second.status).toBe(200);
    // The very same plan, down to the timings of the renders it did not
    // redo: a plan made again would have timings of its own.
    expect(second.body).toEqual(first.body);

    const outsider = await get('user:default/outsider', planOf('orders-api'));
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.message).toBe(
      'component:default/orders-api not found',
    );

    // A new commit is a new plan: the file 2.2.0 drops, now edited, is kept.
    const ordersApi = join(repositories, 'orders-api');
    const outcome = (plan: UpgradePlan) =>
      plan.files.find(f => f.path === 'tsconfig.build.json')?.outcome;
    expect(outcome(first.body)).toBe('deleted');
    await writeFile(
      join(ordersApi, 'tsconfig.build.json'),
      `${await readFile(join(ordersApi, 'tsconfig.build.json'), 'utf8')}\n`,
    );
    git(ordersApi, 'commit', '-qam', 'Build settings');
    const third = await get<UpgradePlan>(
      'user:default/alice',
      planOf('orders-api'),
    );
    expect(third.status).toBe(200);
    expect(outcome(third.body)).toBe('kept-modified');
  });

  it('refuses part of one caller’s burst of plans with 429 and Retry-After, and serves the rest', async () => {
    const responses = await Promise.all(
      Array.from({ length: 25 }, () =>
        get('user:default/dave', planOf('orders-api')),
      ),
    );
    const refused = responses.filter(r => r.status === 429);
    const served = responses.filter(r => r.status === 200);
    expect(served.length + refused.length).toBe(25);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(served.length).toBeLessThanOrEqual(11);
    for (const response of refused) {
      expect(Number(response.retryAfter)).toBeGreaterThan(0);
      expect(response.body.error.message).toMatch(
        /goldenPaths\.upgrades\.rateLimit/,
      );
    }
    // Another caller is not held back by dave's burst.
    expect((await get('user:default/erin', planOf('orders-api'))).status).toBe(
      200,
    );
  });

  it('plans a bounded number of followers in one bulk request and counts the rest', async () => {
    const { status, body } = await get<PathUpgradePlans>(
      'user:default/alice',
      '/api/golden-paths/paths/default/node-http-service/upgrade-plans',
    );
    expect(status).toBe(200);
    expect(body.followers).toHaveLength(2);
    expect(body.omitted).toBe(2);
  });
});
