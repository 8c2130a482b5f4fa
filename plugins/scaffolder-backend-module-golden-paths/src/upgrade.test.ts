import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TestBackend,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import catalogModuleGoldenPaths from '@golden-paths/catalog-backend-module-golden-paths';
// The end-to-end upgrade runs the real Golden Paths backend (its plan and
// run endpoints) beside this module, as a portal does.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import goldenPathsBackend from '@golden-paths/golden-paths-backend';
import type {
  UpgradePlan,
  UpgradeResult,
} from '@golden-paths/golden-paths-common';
import {
  SCAFFOLD_RECORD_PATH,
  parseScaffoldRecord,
} from '@golden-paths/golden-paths-node';
import scaffolderModuleGoldenPaths, {
  goldenPathsLocalUrlReaderServiceFactory,
} from './index';
import {
  EXAMPLES_DIR,
  exampleValues,
  readExampleTemplates,
} from './__testUtils__/exampleTemplates';
import {
  backendRequests,
  runScaffolderTask,
  waitFor,
} from './__testUtils__/backendRequests';
import { upgradeTestConfig } from './__testUtils__/upgradeTestConfig';
import { git } from './__testUtils__/git';

// Each test drives a real backend (and git): sized for a busy 2-core
// machine, never jest's 5 s default.
jest.setTimeout(120_000);

/*
 * The whole upgrade on the embedded default, through the real catalog,
 * scaffolder and Golden Paths backends: scaffold the Node.js service at the
 * path's version 2.1.0, change the repository as a developer would, release
 * 2.2.0 by bumping the path, plan the upgrade, run it through the scaffolder,
 * and read the branch it made.
 */

describe('upgrading a scaffolded service to its path’s new version', () => {
  let backend: TestBackend;
  let workdir: string;
  let repositories: string;
  let baseUrl: string;

  const request = backendRequests(() => baseUrl);

  async function runTask(templateRef: string, values: Record<string, unknown>) {
    const { status, events } = await runScaffolderTask(
      request,
      templateRef,
      values,
    );
    if (status !== 'completed') {
      throw new Error(
        `task ${status}: ${JSON.stringify(
          events
            .filter(e => e.body?.status === 'failed' || e.type === 'completion')
            .map(e => e.body?.message),
        )}`,
      );
    }
    return events.find(e => e.type === 'completion')?.body?.output;
  }

  beforeAll(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'golden-paths-upgrade-'));
    repositories = join(workdir, 'repositories');
    // A copy of the examples, so the test can release a new path version.
    for (const file of [
      'golden-paths.yaml',
      'org.yaml',
      'systems.yaml',
      'golden-paths-upgrade.yaml',
    ]) {
      await cp(join(EXAMPLES_DIR, file), join(workdir, file));
    }
    await cp(
      join(EXAMPLES_DIR, 'templates/node-http-service'),
      join(workdir, 'templates/node-http-service'),
      { recursive: true },
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
        mockServices.rootConfig.factory({
          data: upgradeTestConfig({
            workdir,
            repositories,
            locations: [
              'golden-paths.yaml',
              'org.yaml',
              'systems.yaml',
              'golden-paths-upgrade.yaml',
              'templates/node-http-service/template.yaml',
            ],
          }),
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    baseUrl = `http://localhost:${port}`;
    await waitFor(
      'the path and both templates in the catalog',
      async () =>
        (
          await request(
            'GET',
            '/api/catalog/entities/by-query?filter=kind=goldenpath,kind=template&limit=100',
          )
        ).body?.items?.length ?? 0,
      count => count >= 9,
    );
  }, 120_000);

  afterAll(async () => {
    await backend?.stop();
    await rm(workdir, { recursive: true, force: true });
  });

  it('scaffolds at 2.1.0, plans and runs the upgrade to 2.2.0 onto a branch with both sides’ changes', async () => {
    // 1. Scaffold at the path's current version.
    const template = readExampleTemplates().find(
      t => t.name === 'node-http-service',
    )!;
    await runTask('template:default/node-http-service', {
      ...exampleValues(template, 'orders-api'),
      apiToken: 'not-a-real-secret-but-never-stored',
    });
    const repository = join(repositories, 'orders-api');
    const record = parseScaffoldRecord(
      await readFile(join(repository, SCAFFOLD_RECORD_PATH), 'utf8'),
    );
    expect(record.path.version).toBe('2.1.0');
    expect(JSON.stringify(record)).not.toContain('not-a-real-secret');

    // 2. The developer changes the repository and commits.
    const telemetryLine = '// orders-api: sample 10 % of traces in production';
    await writeFile(
      join(repository, 'src/instrumentation.ts'),
      `${await readFile(
        join(repository, 'src/instrumentation.ts'),
        'utf8',
      )}${telemetryLine}\n`,
    );
    const readme = await readFile(join(repository, 'README.md'), 'utf8');
    await writeFile(
      join(repository, 'README.md'),
      readme.replace(
        /- \*\*Supply chain\.\*\* CI builds the image/,
        '- **Supply chain.** Our CI (owned by the orders team) builds the image',
      ),
    );
    await writeFile(
      join(repository, 'src/orders.ts'),
      'export const orders = [];\n',
    );
    git(repository, 'add', '-A');
    git(repository, 'commit', '-qm', 'Orders: sampling, README, orders module');
    const head = git(repository, 'rev-parse', 'HEAD').trim();
    const status = git(repository, 'status', '--porcelain');

    // 3. The platform team releases 2.2.0 of the path.
    const pathsFile = join(workdir, 'golden-paths.yaml');
    const paths = await readFile(pathsFile, 'utf8');
    await writeFile(
      pathsFile,
      paths.replace('version: 2.1.0', 'version: 2.2.0'),
    );
    await waitFor(
      'the path at 2.2.0 and the new component in the catalog',
      async () => [
        (
          await request(
            'GET',
            '/api/catalog/entities/by-name/goldenpath/default/node-http-service',
          )
        ).body?.spec?.version,
        (
          await request(
            'GET',
            '/api/catalog/entities/by-name/component/default/orders-api',
          )
        ).status,
      ],
      ([version, componentStatus]) =>
        version === '2.2.0' && componentStatus === 200,
    );

    // 4. The plan, dry: nothing written.
    const planned = await request<UpgradePlan>(
      'GET',
      '/api/golden-paths/entities/component/default/orders-api/upgrade',
    );
    expect(planned.status).toBe(200);
    const plan = planned.body;
    expect(plan).toMatchObject({
      fromVersion: '2.1.0',
      toVersion: '2.2.0',
      mode: 'merge',
      delivery: {
        kind: 'local-branch',
        branch: 'golden-paths/upgrade-node-http-service',
        // Its folder in the configured directory, not the host's path.
        repository: 'orders-api',
      },
    });
    expect(JSON.stringify(plan)).not.toContain(workdir);
    const outcome = (path: string) => plan.files.find(f => f.path === path);
    expect(outcome('src/telemetry.ts')).toMatchObject({
      outcome: 'renamed',
      previousPath: 'src/instrumentation.ts',
    });
    expect(outcome('README.md')).toMatchObject({
      outcome: 'conflict',
      flagged: true,
    });
    expect(outcome('tsconfig.build.json')).toMatchObject({
      outcome: 'deleted',
    });
    expect(outcome('package.json')?.outcome).toBe('taken');
    expect(outcome('src/orders.ts')).toBeUndefined();
    expect(plan.releaseNotes).toBeTruthy();
    // Version 2.1.0 rendered again is exactly what was scaffolded.
    expect(plan.notes).toBeUndefined();
    expect(git(repository, 'branch', '--list', 'golden-paths/*')).toBe('');

    // 5. Run it through the scaffolder, as the user.
    const output = await runTask('template:default/golden-paths-upgrade', {
      component: 'component:default/orders-api',
    });
    expect(output?.text?.[0]?.content).toContain(
      'golden-paths/upgrade-node-http-service',
    );

    // 6. The branch: both sides' changes, markers where both touched a line.
    const branch = 'golden-paths/upgrade-node-http-service';
    const show = (path: string) => git(repository, 'show', `${branch}:${path}`);
    expect(git(repository, 'rev-parse', `${branch}^`).trim()).toBe(head);
    expect(show('src/telemetry.ts')).toContain(telemetryLine);
    expect(() => show('src/instrumentation.ts')).toThrow();
    expect(() => show('tsconfig.build.json')).toThrow();
    expect(show('src/orders.ts')).toBe('export const orders = [];\n');
    expect(show('package.json')).toContain('./dist/telemetry.js');
    const mergedReadme = show('README.md');
    expect(mergedReadme).toContain('<<<<<<< your repository');
    expect(mergedReadme).toContain('>>>>>>> node-http-service 2.2.0');
    expect(mergedReadme).toContain('owned by the orders team');
    expect(parseScaffoldRecord(show(SCAFFOLD_RECORD_PATH)).path.version).toBe(
      '2.2.0',
    );
    expect(show('catalog-info.yaml')).toContain(
      'golden-paths.dev/path-version: 2.2.0',
    );

    // The developer's checkout is as it was.
    expect(git(repository, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(git(repository, 'status', '--porcelain')).toBe(status);
    expect(git(repository, 'fsck', '--strict', '--no-progress')).toBe('');

    // Running it again through the API updates the branch in place.
    const again = await request<UpgradeResult>(
      'POST',
      '/api/golden-paths/entities/component/default/orders-api/upgrade',
    );
    expect(again.status).toBe(200);
    expect(again.body.delivery.repository).toBe('orders-api');
    expect(git(repository, 'rev-parse', branch).trim()).toBe(
      again.body.delivery.commit,
    );
    expect(git(repository, 'rev-parse', `${branch}^`).trim()).toBe(head);
  }, 300_000);

  it('never moves the upgrade branch off a commit someone added to it', async () => {
    const repository = join(repositories, 'orders-api');
    const branch = 'golden-paths/upgrade-node-http-service';
    // The developer resolves the conflict on the branch, in a worktree.
    const worktree = join(workdir, 'resolve-conflicts');
    git(repository, 'worktree', 'add', '-q', worktree, branch);
    await writeFile(join(worktree, 'README.md'), '# orders-api\n');
    git(worktree, 'commit', '-qam', 'Resolve the README conflict');
    git(repository, 'worktree', 'remove', worktree);
    const theirs = git(repository, 'rev-parse', branch).trim();

    const again = await request(
      'POST',
      '/api/golden-paths/entities/component/default/orders-api/upgrade',
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /^The branch golden-paths\/upgrade-node-http-service ends with a commit the upgrade did not write \([0-9a-f]{7}\); .*delete the branch, then run the upgrade again\.$/,
    );
    expect(git(repository, 'rev-parse', branch).trim()).toBe(theirs);
  });

  it('plans every follower that is behind, on the path page’s bulk view', async () => {
    const plans = await request(
      'GET',
      '/api/golden-paths/paths/default/node-http-service/upgrade-plans',
    );
    expect(plans.status).toBe(200);
    expect(plans.body).toMatchObject({
      path: {
        entityRef: 'goldenpath:default/node-http-service',
        version: '2.2.0',
      },
      followers: [
        {
          entityRef: 'component:default/orders-api',
          version: '2.1.0',
          plan: {
            fromVersion: '2.1.0',
            toVersion: '2.2.0',
            mode: 'merge',
            summary: { conflicts: 1 },
          },
        },
      ],
    });
  });

  it('answers clearly for what cannot be upgraded', async () => {
    const notFollowing = await request(
      'GET',
      '/api/golden-paths/entities/group/default/platform-team/upgrade',
    );
    expect(notFollowing.status).toBe(404);
    expect(notFollowing.body.error.message).toMatch(/follows no golden path/);

    const missing = await request(
      'GET',
      '/api/golden-paths/entities/component/default/nobody/upgrade',
    );
    expect(missing.status).toBe(404);
  });

  it('says when the old version no longer renders what the repository was made from', async () => {
    const skeletonReadme = join(
      workdir,
      'templates/node-http-service/versions/2.1.0/skeleton/README.md',
    );
    const original = await readFile(skeletonReadme, 'utf8');
    await writeFile(skeletonReadme, `${original}\nEdited after release.\n`);
    try {
      const planned = await request<UpgradePlan>(
        'GET',
        '/api/golden-paths/entities/component/default/orders-api/upgrade',
      );
      expect(planned.status).toBe(200);
      expect(planned.body.mode).toBe('merge');
      expect(planned.body.notes).toEqual([
        expect.stringMatching(
          /^The template's revision of 2\.1\.0 changed since this repository was made from it/,
        ),
        expect.stringMatching(
          /^Version 2\.1\.0 renders 1 file\(s\) differently today .*\(README\.md\)/,
        ),
      ]);
    } finally {
      await writeFile(skeletonReadme, original);
    }
  });

  it('offers a labelled two-way recopy when the old version can no longer be rendered', async () => {
    await rm(join(workdir, 'templates/node-http-service/versions/2.1.0'), {
      recursive: true,
    });
    const planned = await request<UpgradePlan>(
      'GET',
      '/api/golden-paths/entities/component/default/orders-api/upgrade',
    );
    expect(planned.status).toBe(200);
    const plan = planned.body;
    expect(plan.mode).toBe('recopy');
    expect(plan.recopyReason).toMatch(/can no longer be rendered.*2\.1\.0/);
    // The revision named as the template's annotation writes it.
    expect(plan.recopyReason).toMatch(/at \.\/versions\/2\.1\.0/);
    expect(JSON.stringify(plan)).not.toContain(workdir);
    const outcome = (path: string) => plan.files.find(f => f.path === path);
    // Changed by the developer: overwritten and flagged; untouched: recopied.
    expect(outcome('README.md')).toMatchObject({
      outcome: 'overwritten',
      flagged: true,
    });
    expect(outcome('package.json')).toMatchObject({
      outcome: 'recopied',
      flagged: false,
    });
    expect(outcome('src/orders.ts')).toBeUndefined();
  });
});
