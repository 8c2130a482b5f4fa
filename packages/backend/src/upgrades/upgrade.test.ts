import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  UpgradePlan,
  UpgradeResult,
} from '@golden-paths/golden-paths-common';
import {
  SCAFFOLD_RECORD_PATH,
  parseScaffoldRecord,
} from '@golden-paths/golden-paths-node';
import { createUpgradeAction } from '@golden-paths/scaffolder-backend-module-golden-paths';
import {
  type ScaffolderTestBackend,
  runTemplate,
} from '@golden-paths/test-utils';
import { parse, stringify } from 'yaml';
import { git } from './__testUtils__/git';
import {
  UPGRADE_EXAMPLE_FILES,
  copyUpgradeExamples,
  hasComponent,
  releasePathVersion,
  scaffoldExample,
  startUpgradeBackend,
} from './__testUtils__/upgradeScenario';

/*
 * The whole upgrade on the embedded default, through the real catalog,
 * scaffolder and Golden Paths backends: scaffold the Node.js service at the
 * path's version 2.1.0, change the repository as a developer would, release
 * 2.2.0 by bumping the path, plan the upgrade, run it through the scaffolder,
 * and read the branch it made. The examples of golden-paths:upgrade run as
 * templates of their own.
 */

/** The examples of golden-paths:upgrade (which need none of its services). */
const { examples = [] } = createUpgradeAction(
  {} as Parameters<typeof createUpgradeAction>[0],
);

/** Each example of golden-paths:upgrade as a template, its steps' outputs as its output. */
const exampleTemplates = examples.map((example, i) => {
  const steps: Array<{ id: string }> = parse(example.example).steps;
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: `upgrade-example-${i + 1}`, title: example.description },
    spec: {
      owner: 'group:default/platform-team',
      type: 'maintenance',
      parameters: [{ properties: { component: { type: 'string' } } }],
      steps,
      output: Object.fromEntries(
        steps.map(step => [step.id, `\${{ steps.${step.id}.output }}`]),
      ),
    },
  };
});

describe('upgrading a scaffolded service to its path’s new version', () => {
  let world: ScaffolderTestBackend;
  let workdir: string;
  let repositories: string;
  let repository: string;
  const request: ScaffolderTestBackend['request'] = (...args) =>
    world.request(...args);
  const branch = 'golden-paths/upgrade-node-http-service';
  const telemetryLine = '// orders-api: sample 10 % of traces in production';
  /** The developer's commit, and the state of their checkout. */
  let head: string;
  let status: string;

  beforeAll(async () => {
    ({ workdir, repositories } = await copyUpgradeExamples(
      'golden-paths-upgrade-',
    ));
    repository = join(repositories, 'orders-api');
    await writeFile(
      join(workdir, 'upgrade-examples.yaml'),
      exampleTemplates.map(t => stringify(t)).join('---\n'),
    );
    world = await startUpgradeBackend({
      workdir,
      repositories,
      locations: [
        ...UPGRADE_EXAMPLE_FILES,
        'upgrade-examples.yaml',
        'templates/node-http-service/template.yaml',
      ],
      entities: 9 + exampleTemplates.length,
    });

    // 1. Scaffold at the path's current version.
    await scaffoldExample(request, 'node-http-service', 'orders-api', {
      apiToken: 'not-a-real-secret-but-never-stored',
    });

    // 2. The developer changes the repository and commits.
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
    head = git(repository, 'rev-parse', 'HEAD').trim();
    status = git(repository, 'status', '--porcelain');

    // 3. The platform team releases 2.2.0 of the path.
    await releasePathVersion(request, workdir, '2.2.0', {
      until: () => hasComponent(request, 'orders-api'),
    });
  }, 300_000);

  afterAll(async () => {
    await world?.backend.stop();
    await rm(workdir, { recursive: true, force: true });
  });

  it('scaffolded at 2.1.0, and recorded no secret', async () => {
    const record = parseScaffoldRecord(
      await readFile(join(repository, SCAFFOLD_RECORD_PATH), 'utf8'),
    );
    expect(record.path.version).toBe('2.1.0');
    expect(JSON.stringify(record)).not.toContain('not-a-real-secret');
  });

  it('plans and runs the upgrade to 2.2.0 onto a branch with both sides’ changes', async () => {
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
    const output = await runTemplate(
      request,
      'template:default/golden-paths-upgrade',
      { component: 'component:default/orders-api' },
    );
    expect(output?.text?.[0]?.content).toContain(
      'golden-paths/upgrade-node-http-service',
    );

    // 6. The branch: both sides' changes, markers where both touched a line.
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

  it('runs each example of golden-paths:upgrade: a plan writes nothing, a run updates the branch', async () => {
    const before = git(repository, 'rev-parse', branch).trim();
    const planned = await runTemplate(
      request,
      'template:default/upgrade-example-2',
      { component: 'component:default/orders-api' },
    );
    expect(planned.plan).toMatchObject({
      fromVersion: '2.1.0',
      toVersion: '2.2.0',
      mode: 'merge',
      branch,
      repository: 'orders-api',
      conflicts: 1,
    });
    expect(planned.plan.commit).toBeUndefined();
    expect(git(repository, 'rev-parse', branch).trim()).toBe(before);

    const ran = await runTemplate(
      request,
      'template:default/upgrade-example-1',
      {},
    );
    expect(ran.upgrade).toMatchObject({ mode: 'merge', branch, conflicts: 1 });
    expect(git(repository, 'rev-parse', branch).trim()).toBe(
      ran.upgrade.commit,
    );
    expect(git(repository, 'rev-parse', `${branch}^`).trim()).toBe(head);
  }, 300_000);

  it('never moves the upgrade branch off a commit someone added to it', async () => {
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
