import { randomBytes } from 'node:crypto';
import {
  cp,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import {
  type BackstageCredentials,
  type BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
  type PermissionsService,
  type UrlReaderService,
  type UrlReaderServiceReadTreeOptions,
  type UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import {
  TestBackend,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { NotImplementedError } from '@backstage/errors';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import {
  AuthorizeResult,
  type AuthorizePermissionRequest,
  type DefinitivePolicyDecision,
  type PolicyDecision,
  type QueryPermissionRequest,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import catalogModuleGoldenPaths from '@golden-paths/catalog-backend-module-golden-paths';
// The plan routes are the Golden Paths backend's; its renders need this
// module's actions in the real scaffolder.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import goldenPathsBackend from '@golden-paths/golden-paths-backend';
import type {
  PathUpgradePlans,
  UpgradePlan,
} from '@golden-paths/golden-paths-common';
import scaffolderModuleGoldenPaths, {
  goldenPathsLocalUrlReaderServiceFactory,
} from './index';
import {
  EXAMPLES_DIR,
  exampleValues,
  readExampleTemplates,
} from './__testUtils__/exampleTemplates';
import { backendRequests, waitFor } from './__testUtils__/backendRequests';
import { upgradeTestConfig } from './__testUtils__/upgradeTestConfig';
import { git } from './__testUtils__/git';

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

/**
 * A Git host's URL reader, as the real ones behave: `readTree` streams the
 * tree, asks the filter with each file's size before keeping its content,
 * and stops when the signal fires.
 */
class DirectoryHostReader implements UrlReaderService {
  constructor(private readonly root: string) {}

  async read(): Promise<Buffer> {
    throw new NotImplementedError('read');
  }
  async readUrl(): Promise<never> {
    throw new NotImplementedError('readUrl');
  }
  async search(): Promise<never> {
    throw new NotImplementedError('search');
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const base = join(this.root, new URL(url).pathname);
    const paths: string[] = [];
    const walk = async (directory: string) => {
      for (const entry of await readdir(directory, { withFileTypes: true })) {
        const full = join(directory, entry.name);
        if (entry.isDirectory()) {
          await walk(full);
        } else {
          paths.push(full);
        }
      }
    };
    await walk(base);
    return {
      etag: 'served-from-disk',
      files: async () => {
        const files = [];
        for (const full of paths) {
          options?.signal?.throwIfAborted();
          const path = relative(base, full);
          const { size } = await stat(full);
          if (options?.filter && !options.filter(path, { size })) {
            continue;
          }
          const content = await readFile(full);
          files.push({ path, content: async () => content });
        }
        return files;
      },
      archive: async () => {
        throw new NotImplementedError('archive');
      },
      dir: async () => {
        throw new NotImplementedError('dir');
      },
    };
  }
}

/**
 * Everyone may do everything, except `user:default/outsider`, who may read
 * paths, templates, groups and users in the catalog but no component.
 */
class OutsiderPermissions implements PermissionsService {
  #decide(
    request: { permission: QueryPermissionRequest['permission'] },
    credentials: BackstageCredentials,
  ): PolicyDecision {
    const principal = credentials.principal as Partial<BackstageUserPrincipal>;
    if (
      principal.userEntityRef === 'user:default/outsider' &&
      request.permission.name === 'catalog.entity.read'
    ) {
      return createCatalogConditionalDecision(
        request.permission as ResourcePermission<'catalog-entity'>,
        catalogConditions.isEntityKind({
          kinds: ['goldenpath', 'template', 'group', 'user'],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }

  async authorizeConditional(
    requests: QueryPermissionRequest[],
    options: { credentials: BackstageCredentials },
  ): Promise<PolicyDecision[]> {
    return requests.map(r => this.#decide(r, options.credentials));
  }

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: { credentials: BackstageCredentials },
  ): Promise<DefinitivePolicyDecision[]> {
    return requests.map(r => {
      const decision = this.#decide(
        r as { permission: QueryPermissionRequest['permission'] },
        options.credentials,
      );
      return decision.result === AuthorizeResult.CONDITIONAL
        ? { result: AuthorizeResult.DENY }
        : decision;
    });
  }
}

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

/** The response, how long it took, and the process's peak memory growth. */
async function measured<T>(work: () => Promise<T>) {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakBuffers = before.arrayBuffers;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
  }, 5);
  const started = Date.now();
  try {
    const result = await work();
    return {
      result,
      ms: Date.now() - started,
      rssMb: Math.round((peakRss - before.rss) / MB),
      buffersMb: Math.round((peakBuffers - before.arrayBuffers) / MB),
    };
  } finally {
    clearInterval(sampler);
  }
}

describe('what an upgrade plan may cost', () => {
  let backend: TestBackend;
  let workdir: string;
  let repositories: string;
  let remote: string;
  let baseUrl: string;

  const request = backendRequests(() => baseUrl);

  /** A GET as `user`, with the status, body and Retry-After. */
  async function get<T = any>(user: string, path: string) {
    const response = await fetch(`${baseUrl}${path}`, {
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
    workdir = await mkdtemp(join(tmpdir(), 'golden-paths-upgrade-cost-'));
    repositories = join(workdir, 'repositories');
    remote = join(workdir, 'remote');
    for (const file of ['golden-paths.yaml', 'org.yaml', 'systems.yaml']) {
      await cp(join(EXAMPLES_DIR, file), join(workdir, file));
    }
    await cp(
      join(EXAMPLES_DIR, 'templates/node-http-service'),
      join(workdir, 'templates/node-http-service'),
      { recursive: true },
    );
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
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        catalogModuleGoldenPaths,
        scaffolderPlugin,
        scaffolderModuleGoldenPaths,
        goldenPathsBackend,
        goldenPathsLocalUrlReaderServiceFactory,
        createServiceFactory({
          service: urlReaderFactoriesServiceRef,
          deps: {},
          factory: () => () => {
            const reader = new DirectoryHostReader(remote);
            return [{ reader, predicate: url => url.host === REMOTE_HOST }];
          },
        }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => new OutsiderPermissions(),
        }),
        mockServices.rootConfig.factory({
          data: upgradeTestConfig({
            workdir,
            repositories,
            locations: [
              'golden-paths.yaml',
              'org.yaml',
              'systems.yaml',
              'components.yaml',
              'templates/node-http-service/template.yaml',
            ],
            goldenPaths: {
              upgrades: {
                // Lower than the default (5000) so that 2,000 files pass it.
                repositories: { maxFiles: 1000 },
                maxFollowersPerRequest: 2,
                rateLimit: { burst: 10, perMinute: 1 },
              },
            },
          }),
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    baseUrl = `http://localhost:${port}`;
    await waitFor(
      'the path and its template in the catalog',
      async () =>
        (
          await request(
            'GET',
            '/api/catalog/entities/by-name/template/default/node-http-service',
          )
        ).status,
      status => status === 200,
      120_000,
    );

    // Scaffold orders-api at 2.1.0, as a developer would.
    const template = readExampleTemplates().find(
      t => t.name === 'node-http-service',
    )!;
    const created = await request('POST', '/api/scaffolder/v2/tasks', {
      templateRef: 'template:default/node-http-service',
      values: exampleValues(template, 'orders-api'),
    });
    if (created.status !== 201) {
      throw new Error(`The scaffolder answered ${created.status}`);
    }
    const task = await waitFor(
      'the scaffolder task',
      async () =>
        (
          await request('GET', `/api/scaffolder/v2/tasks/${created.body.id}`)
        ).body,
      body => ['completed', 'failed', 'cancelled'].includes(body?.status),
      240_000,
    );
    if (task.status !== 'completed') {
      throw new Error(`Scaffolding orders-api ended ${task.status}`);
    }
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
    const pathsFile = join(workdir, 'golden-paths.yaml');
    await writeFile(
      pathsFile,
      (
        await readFile(pathsFile, 'utf8')
      ).replace('version: 2.1.0', 'version: 2.2.0'),
    );
    await waitFor(
      'the path at 2.2.0 and its four followers behind it',
      async () =>
        (
          await request(
            'GET',
            '/api/catalog/entities/by-query?filter=kind=component,relations.followsGoldenPath=goldenpath:default/node-http-service&limit=100',
          )
        ).body?.items?.length === 4 &&
        (
          await request(
            'GET',
            '/api/catalog/entities/by-name/goldenpath/default/node-http-service',
          )
        ).body?.spec?.version,
      version => version === '2.2.0',
      120_000,
    );
  }, 600_000);

  afterAll(async () => {
    await backend?.stop();
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
      ms: number;
      buffersMb: number;
    }> = [];
    for (const [name] of cases) {
      answers.push(
        await measured(() => get('user:default/alice', planOf(name))),
      );
    }
    cases.forEach(([name, limit], i) => {
      const { result, ms, buffersMb } = answers[i];
      // Before: the 50 MB file was read whole (+54 MB, 4.3 s).
      expect(buffersMb).toBeLessThan(40);
      expect({ name, status: result.status }).toEqual({ name, status: 400 });
      expect(result.body.error.message).toMatch(limit);
      expect(result.body.error.message).toMatch(/nothing was planned/);
      expect(ms).toBeLessThan(10_000);
    });
  });

  it('serves a repeated plan from the cache, but never to a caller who cannot read the component', async () => {
    const first = await measured(() =>
      get<UpgradePlan>('user:default/alice', planOf('orders-api')),
    );
    expect(first.result.status).toBe(200);
    const second = await measured(() =>
      get<UpgradePlan>('user:default/alice', planOf('orders-api')),
    );
    expect(second.result.status).toBe(200);
    // The very same plan, down to the timings of the renders it did not redo.
    expect(second.result.body).toEqual(first.result.body);
    expect(second.ms).toBeLessThan(first.ms / 2);

    const outsider = await get('user:default/outsider', planOf('orders-api'));
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.message).toBe(
      'component:default/orders-api not found',
    );

    // A new commit is a new plan: the file 2.2.0 drops, now edited, is kept.
    const ordersApi = join(repositories, 'orders-api');
    const outcome = (plan: UpgradePlan) =>
      plan.files.find(f => f.path === 'tsconfig.build.json')?.outcome;
    expect(outcome(first.result.body)).toBe('deleted');
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
    const { result: responses, ms } = await measured(() =>
      Promise.all(
        Array.from({ length: 25 }, () =>
          get('user:default/dave', planOf('orders-api')),
        ),
      ),
    );
    const refused = responses.filter(r => r.status === 429);
    const served = responses.filter(r => r.status === 200);
    // Before the limits: 25 plans served in 7.3 s; now about 1.1 s.
    expect(ms).toBeLessThan(60_000);
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
