/*
 * What a user does and sees, in order. Each scenario asserts on visible
 * text and roles, and ends with a full-page screenshot of what it checked.
 * Later scenarios reuse the signed-in page of the first one.
 */
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { api, poll, refreshEvaluation } = require('./lib/backstage');
const { ROOT } = require('./lib/portal');

/**
 * @typedef {object} Ctx
 * @property {import('playwright-core').Page} page
 * @property {string} appUrl
 * @property {string} backendUrl
 * @property {string | undefined} goldenPathsFile the catalog's copy of
 *   examples/golden-paths.yaml, when the harness started the portal
 * @property {Record<string, any>} state
 * @property {(line: string) => void} log
 * @property {() => Promise<string>} token
 * @property {(suffix?: string) => Promise<void>} screenshot
 */

/** The example paths of examples/golden-paths.yaml, by title. */
const EXAMPLE_PATHS = [
  'Node.js HTTP service on Kubernetes',
  'Python data pipeline with Dagster',
  'Spark job on Kubernetes',
  'Distributed ML training on Kubeflow',
  '5G cloud-native network function',
  'React single-page frontend',
  'Node.js Express service (legacy)',
];
const BETA_PATHS = [
  'Distributed ML training on Kubeflow',
  '5G cloud-native network function',
];
const NODE_PATH = 'Node.js HTTP service on Kubernetes';
const NODE_TEMPLATE_URL = '/create/templates/default/node-http-service';

/**
 * The titles of the path cards on the page, in order.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
async function cardTitles(page) {
  return page
    .getByTestId('golden-path-card')
    .getByRole('heading', { level: 3 })
    .allInnerTexts()
    .then(titles => titles.map(t => t.trim()));
}

/**
 * Waits until the cards shown are exactly `expected` (in any order).
 *
 * @param {import('playwright-core').Page} page
 * @param {string[]} expected
 * @param {string} when
 */
async function expectCards(page, expected, when) {
  const want = [...expected].sort();
  let got = /** @type {string[]} */ ([]);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    got = (await cardTitles(page)).sort();
    if (JSON.stringify(got) === JSON.stringify(want)) {
      return;
    }
    await page.waitForTimeout(250);
  }
  assert.fail(
    `${when}: expected the cards ${JSON.stringify(
      want,
    )}, the page shows ${JSON.stringify(got)}`,
  );
}

/**
 * Waits for the page's URL to satisfy `check`.
 *
 * @param {import('playwright-core').Page} page
 * @param {(url: URL) => boolean} check
 * @param {string} what
 */
async function expectUrl(page, check, what) {
  try {
    await page.waitForURL(url => check(url), { timeout: 15_000 });
  } catch {
    assert.fail(`expected the URL to ${what}; it is ${page.url()}`);
  }
}

/**
 * Something to press by its name: Material UI buttons that navigate are
 * links with role="button", tabs may be links; the user sees no difference.
 *
 * @param {import('playwright-core').Page} page
 * @param {string | RegExp} name
 * @param {Array<'button' | 'link' | 'tab'>} [roles]
 */
function action(page, name, roles = ['button', 'link']) {
  const exact = typeof name === 'string';
  return roles
    .map(role => page.getByRole(role, { name, exact }))
    .reduce((a, b) => a.or(b));
}

/**
 * A scaffolder form field by its label (required fields add " *").
 *
 * @param {import('playwright-core').Page} page
 * @param {'textbox' | 'spinbutton'} role
 * @param {string} label
 */
function field(page, role, label) {
  return page.getByRole(role, {
    // Required fields' labels end in a (thin-spaced) asterisk.
    name: new RegExp(
      `^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`,
    ),
  });
}

/**
 * Replaces a form input's value as a user does: select all, type.
 *
 * @param {import('playwright-core').Locator} input
 * @param {string} value
 */
async function retype(input, value) {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await input.pressSequentially(value, { delay: 20 });
}

/**
 * Fills the node-http-service template's first step (Component).
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function fillComponentStep(page, name) {
  await field(page, 'textbox', 'Name').fill(name);
  await field(page, 'textbox', 'Description').fill(
    'Service scaffolded by the end-to-end tests.',
  );
  const owner = field(page, 'textbox', 'Owner');
  await owner.click();
  await owner.pressSequentially('platform', { delay: 30 });
  // Options show display names: "Platform Team" for group:default/platform-team.
  await page
    .getByRole('option', { name: /platform[- ]team/i })
    .first()
    .click();
  const system = field(page, 'textbox', 'System');
  await system.click();
  await system.pressSequentially('payments', { delay: 30 });
  await page
    .getByRole('option', { name: /^payments$/i })
    .first()
    .click();
}

/** @type {import('./lib/harness').Scenario[]} */
const scenarios = [
  {
    name: 'sign-in',
    title: 'guest signs in with the sign-in page\'s "Enter" button',
    timeoutMs: 120_000,
    run: async (/** @type {Ctx} */ { page, screenshot }) => {
      await page.goto('/', { waitUntil: 'domcontentloaded' });
      const enter = page.getByRole('button', { name: 'Enter' });
      await enter.waitFor({ timeout: 60_000 });
      await screenshot('sign-in-page');
      await enter.click();
      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Golden Paths' })
        .waitFor({ timeout: 60_000 });
      await screenshot();
    },
  },
  {
    name: 'golden-paths-list',
    title: 'the Golden Paths page lists the 7 example paths',
    needs: ['sign-in'],
    run: async (/** @type {Ctx} */ { page, screenshot }) => {
      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Golden Paths' })
        .click();
      await expectUrl(
        page,
        url => url.pathname === '/golden-paths',
        'be /golden-paths',
      );
      await page
        .getByRole('heading', { name: 'Golden Paths', level: 1 })
        .waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^7 paths$/ })
        .waitFor({ timeout: 60_000 });
      await expectCards(page, EXAMPLE_PATHS, 'the Golden Paths page');
      await screenshot();
    },
  },
  {
    name: 'search-and-filter',
    title:
      'search and the lifecycle filter narrow the list; the URL keeps the view',
    needs: ['sign-in'],
    run: async (/** @type {Ctx} */ { page, screenshot }) => {
      await page.goto('/golden-paths');
      await expectCards(page, EXAMPLE_PATHS, 'before searching');

      const search = page.getByRole('searchbox', { name: 'Search' });
      await search.pressSequentially('spark', { delay: 40 });
      await expectCards(
        page,
        ['Spark job on Kubernetes'],
        'after searching "spark"',
      );
      await page
        .getByRole('status')
        .filter({ hasText: '1 of 7 paths' })
        .waitFor();
      await expectUrl(
        page,
        url => url.searchParams.get('q') === 'spark',
        'carry q=spark',
      );
      await screenshot('search');

      await search.fill('');
      await expectCards(page, EXAMPLE_PATHS, 'after clearing the search');
      await page.getByRole('button', { name: /^Lifecycle/ }).click();
      await page.getByRole('option', { name: /^beta/ }).click();
      await page.keyboard.press('Escape');
      await expectCards(page, BETA_PATHS, 'with lifecycle = beta');
      await expectUrl(
        page,
        url => url.searchParams.getAll('lifecycle').join() === 'beta',
        'carry lifecycle=beta',
      );

      // The URL alone reproduces the view.
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await expectCards(page, BETA_PATHS, `after opening ${url} afresh`);
      await page
        .getByRole('status')
        .filter({ hasText: '2 of 7 paths' })
        .waitFor();
      await screenshot();
    },
  },
  {
    name: 'path-page',
    title: 'a path page shows adoption, compliance and its followers',
    needs: ['sign-in'],
    timeoutMs: 240_000,
    run: async (
      /** @type {Ctx} */ { page, backendUrl, token, screenshot, log },
    ) => {
      // The backend evaluates every minute; ask for one now and wait for it.
      const t = await token();
      await refreshEvaluation(backendUrl, t);
      const followers = await poll(
        'payments-api and refund-service as followers of node-http-service',
        async () => {
          const body = await api(
            backendUrl,
            t,
            '/api/golden-paths/paths/default/node-http-service/followers?limit=100',
          );
          const refs = (body?.items ?? []).map(
            (/** @type {any} */ f) => f.entityRef,
          );
          return refs.includes('component:default/payments-api') &&
            refs.includes('component:default/refund-service')
            ? refs
            : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 3000 },
      );
      log(`backend: ${followers.length} followers of node-http-service`);

      await page.goto('/golden-paths');
      await page
        .getByRole('heading', { name: NODE_PATH, level: 3 })
        .getByRole('link')
        .click();
      await expectUrl(
        page,
        url => url.pathname === '/golden-paths/default/node-http-service',
        'be /golden-paths/default/node-http-service',
      );
      await page.getByRole('heading', { name: NODE_PATH, level: 1 }).waitFor();

      await expectFigures(page, followers.length);
      await expectFollowers(page, ['payments-api', 'refund-service']);
      await screenshot();
    },
  },
  {
    name: 'golden-path-entity-tab',
    title: 'the GoldenPath entity page has a "Golden path" tab with the path',
    needs: ['sign-in'],
    run: async (/** @type {Ctx} */ { page, screenshot }) => {
      await page.goto('/catalog/default/goldenpath/node-http-service');
      await action(page, 'Golden path', ['tab', 'link']).click();
      await expectUrl(
        page,
        url => url.pathname.endsWith('/golden-path'),
        'end in /golden-path',
      );
      await expectFigures(page, 2);
      await expectFollowers(page, ['payments-api', 'refund-service']);
      await screenshot();
    },
  },
  {
    name: 'component-card',
    title: 'the payments-api overview shows its Golden path card with checks',
    needs: ['sign-in'],
    run: async (/** @type {Ctx} */ { page, screenshot }) => {
      await page.goto('/catalog/default/component/payments-api');
      const card = goldenPathCard(page);
      await card.waitFor({ timeout: 60_000 });
      await card.getByRole('link', { name: NODE_PATH }).first().waitFor();
      await expectChecks(card, 'payments-api');
      await screenshot();
    },
  },
  {
    name: 'start-opens-template',
    title: '"Start" on the path page opens its template\'s form',
    needs: ['sign-in'],
    run: async (/** @type {Ctx} */ { page, screenshot }) => {
      await page.goto('/golden-paths/default/node-http-service');
      await page.getByRole('heading', { name: NODE_PATH, level: 1 }).waitFor();
      await action(page, /^Start\b/)
        .first()
        .click();
      await expectUrl(
        page,
        url => url.pathname === NODE_TEMPLATE_URL,
        `be ${NODE_TEMPLATE_URL}`,
      );
      await page
        .getByRole('heading', { name: 'Node.js HTTP service', exact: true })
        .first()
        .waitFor({ timeout: 60_000 });
      await field(page, 'textbox', 'Name').waitFor();
      await field(page, 'textbox', 'Owner').waitFor();
      await screenshot();
    },
  },
  {
    name: 'cost-preview',
    title: 'the cost preview follows CPU request and maximum replicas',
    needs: ['sign-in'],
    run: async (/** @type {Ctx} */ { page, screenshot, state, log }) => {
      await page.goto(NODE_TEMPLATE_URL);
      state.componentName = `e2e-svc-${Date.now().toString(36)}`;
      await fillComponentStep(page, state.componentName);
      await page.getByRole('button', { name: 'Next' }).click();
      const preview = page.getByTestId('golden-path-cost-preview');
      const figure = preview.getByText(/per month$/);
      await figure.waitFor({ timeout: 30_000 });
      const before = (await figure.innerText()).trim();
      log(`cost with the defaults: ${before}`);

      await retype(field(page, 'textbox', 'CPU request'), '500m');
      await poll(
        'the estimate to change after CPU request 100m → 500m',
        async () => (await figure.innerText()).trim() !== before,
        { timeoutMs: 10_000, intervalMs: 250 },
      );
      const afterCpu = (await figure.innerText()).trim();
      log(`cost with CPU request 500m: ${afterCpu}`);

      await retype(field(page, 'spinbutton', 'Maximum replicas'), '20');
      await poll(
        'the estimate to change after maximum replicas 10 → 20',
        async () => (await figure.innerText()).trim() !== afterCpu,
        { timeoutMs: 10_000, intervalMs: 250 },
      );
      const afterReplicas = (await figure.innerText()).trim();
      log(`cost with 20 replicas at most: ${afterReplicas}`);
      // More CPU per replica raises both ends; more replicas only the top.
      const [min0, max0] = costRange(before);
      const [min1, max1] = costRange(afterCpu);
      const [min2, max2] = costRange(afterReplicas);
      assert.ok(
        min1 > min0 && max1 > max0,
        `a 5× CPU request should raise the estimate: "${before}" → "${afterCpu}"`,
      );
      assert.ok(
        min2 === min1 && max2 > max1,
        `twice the maximum replicas should raise only the upper bound: "${afterCpu}" → "${afterReplicas}"`,
      );
      await screenshot();
    },
  },
  {
    name: 'scaffold',
    title:
      'the node-http-service template scaffolds a service and registers it',
    needs: ['sign-in', 'cost-preview'],
    timeoutMs: 360_000,
    run: async (
      /** @type {Ctx} */ { page, backendUrl, token, screenshot, state, log },
    ) => {
      // Continues the form of the cost preview scenario, on the Runtime step.
      await page.getByRole('button', { name: 'Next' }).click();
      await field(page, 'textbox', 'Cost center').fill('CC-4242');
      await page.getByRole('button', { name: 'Review' }).click();
      await page
        .getByText(state.componentName, { exact: true })
        .first()
        .waitFor();
      await screenshot('review');
      await page.getByRole('button', { name: 'Create' }).click();
      await expectUrl(
        page,
        url => url.pathname.startsWith('/create/tasks/'),
        'be a task page',
      );
      log(`task ${page.url()}`);
      // The task's state from the scaffolder, to fail fast with its log
      // instead of waiting for a link that will not come.
      const taskId = new URL(page.url()).pathname.split('/').pop();
      const t = await token();
      const task = await poll(
        `scaffolder task ${taskId} to finish`,
        async () => {
          const body = await api(
            backendUrl,
            t,
            `/api/scaffolder/v2/tasks/${taskId}`,
          );
          return ['completed', 'failed', 'cancelled'].includes(body.status)
            ? body
            : undefined;
        },
        { timeoutMs: 300_000, intervalMs: 2000 },
      );
      if (task.status !== 'completed') {
        const events = await api(
          backendUrl,
          t,
          `/api/scaffolder/v2/tasks/${taskId}/events`,
        );
        const lines = events
          .map((/** @type {any} */ e) => e.body?.message)
          .filter(Boolean)
          .slice(-15)
          .join('\n');
        assert.fail(`the scaffolder task ended ${task.status}:\n${lines}`);
      }
      await page
        .getByRole('link', { name: 'Open in catalog' })
        .waitFor({ timeout: 60_000 });
      for (const step of await page
        .getByText(
          /^(Check the choices|Render the|Write the|Write catalog|Publish the|Register in)/,
        )
        .all()) {
        log(`step done: ${(await step.innerText()).replace(/\s+/g, ' ')}`);
      }
      await screenshot();
    },
  },
  {
    name: 'new-component-card',
    title: "the new component's page shows its Golden path checks",
    needs: ['sign-in', 'scaffold'],
    timeoutMs: 300_000,
    run: async (
      /** @type {Ctx} */ { page, backendUrl, token, screenshot, state, log },
    ) => {
      const name = state.componentName;
      await page.getByRole('link', { name: 'Open in catalog' }).click();
      await expectUrl(
        page,
        url => url.pathname === `/catalog/default/component/${name}`,
        `be /catalog/default/component/${name}`,
      );
      const t = await token();
      await refreshEvaluation(backendUrl, t);
      const result = await poll(
        `the backend's evaluation of component:default/${name}`,
        async () => {
          const body = await api(
            backendUrl,
            t,
            `/api/golden-paths/entities/component/default/${name}`,
            { allow404: true },
          );
          if (!body) {
            await refreshEvaluation(backendUrl, t);
          }
          return body?.checks?.length ? body : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 5000 },
      );
      log(
        `backend: ${result.checks.length} checks, ${
          result.checks.filter((/** @type {any} */ c) => c.status === 'pass')
            .length
        } pass`,
      );
      const card = goldenPathCard(page);
      await poll(
        'check results in the Golden path card',
        async () => {
          await page.reload();
          return card.waitFor({ timeout: 20_000 }).then(
            () => true,
            () => false,
          );
        },
        { timeoutMs: 90_000, intervalMs: 1000 },
      );
      await card.getByRole('link', { name: NODE_PATH }).first().waitFor();
      const shown = await expectChecks(card, name);
      assert.equal(
        shown,
        result.checks.length,
        `the card shows ${shown} check results, the backend has ${result.checks.length}`,
      );
      await screenshot();
    },
  },
  {
    name: 'upgrade',
    title:
      'after a hand edit and a new path version, Upgrade plans, then writes a branch with both sides',
    needs: ['sign-in', 'new-component-card'],
    timeoutMs: 300_000,
    run: async (
      /** @type {Ctx} */ {
        page,
        backendUrl,
        token,
        screenshot,
        state,
        log,
        goldenPathsFile,
      },
    ) => {
      assert.ok(
        goldenPathsFile,
        'this scenario releases a new path version in the catalog file of the portal it starts; it cannot run against E2E_BASE_URL',
      );
      const name = state.componentName;
      const repository = path.join(ROOT, '.data', 'repositories', name);
      const git = (/** @type {string[]} */ ...args) =>
        execFileSync('git', args, {
          cwd: repository,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 'E2E Developer',
            GIT_AUTHOR_EMAIL: 'dev@example.com',
            GIT_COMMITTER_NAME: 'E2E Developer',
            GIT_COMMITTER_EMAIL: 'dev@example.com',
          },
        });

      // A developer's change, committed: one line the template also
      // changes (README), one in a file the template renames.
      const sampling = `// ${name}: sample 10 % of traces in production`;
      fs.appendFileSync(
        path.join(repository, 'src', 'instrumentation.ts'),
        `${sampling}\n`,
      );
      const readmeFile = path.join(repository, 'README.md');
      const readme = fs.readFileSync(readmeFile, 'utf8');
      const ours = '- **Supply chain.** Our CI (owned by the e2e team) builds';
      assert.match(readme, /- \*\*Supply chain\.\*\* CI builds/);
      fs.writeFileSync(
        readmeFile,
        readme.replace(/- \*\*Supply chain\.\*\* CI builds/, ours),
      );
      git('commit', '-qam', 'Sampling and README');
      const head = git('rev-parse', 'HEAD').trim();

      // The platform team releases 2.2.0 of the path.
      const paths = fs.readFileSync(goldenPathsFile, 'utf8');
      fs.writeFileSync(
        goldenPathsFile,
        paths.replace(/^ {2}version: 2\.1\.0$/m, '  version: 2.2.0'),
      );
      const t = await token();
      await poll(
        'the node-http-service path at 2.2.0 in the catalog',
        async () => {
          await api(backendUrl, t, '/api/catalog/refresh', {
            method: 'POST',
            body: { entityRef: 'goldenpath:default/node-http-service' },
          });
          const entity = await api(
            backendUrl,
            t,
            '/api/catalog/entities/by-name/goldenpath/default/node-http-service',
          );
          return entity.spec.version === '2.2.0' ? true : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 3000 },
      );
      await poll(
        `the drift of component:default/${name}`,
        async () => {
          await refreshEvaluation(backendUrl, t);
          const result = await api(
            backendUrl,
            t,
            `/api/golden-paths/entities/component/default/${name}`,
          );
          return result.drift.status === 'minor-behind' ? true : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 5000 },
      );

      // The card shows the drift and offers the upgrade.
      await page.reload();
      const card = goldenPathCard(page);
      await card.waitFor({ timeout: 60_000 });
      await card
        .getByText(/minor version behind/i)
        .first()
        .waitFor();
      await card.getByRole('button', { name: 'Upgrade' }).click();
      const dialog = page.getByRole('dialog');
      const readmeRow = dialog
        .getByRole('row')
        .filter({ hasText: 'README.md' });
      await readmeRow.waitFor({ timeout: 120_000 });
      assert.match(await readmeRow.innerText(), /Conflict/);
      const renamed = dialog
        .getByRole('row')
        .filter({ hasText: 'src/telemetry.ts' });
      assert.match(await renamed.innerText(), /Renamed/);
      assert.equal(
        git('branch', '--list', 'golden-paths/*'),
        '',
        'the plan wrote a branch',
      );
      await screenshot('plan');

      await dialog
        .getByRole('button', { name: 'Create upgrade branch' })
        .click();
      await dialog
        .getByText('Upgrade branch created')
        .waitFor({ timeout: 120_000 });
      await dialog
        .getByText(/Resolve the conflict markers in 1 file/)
        .waitFor();
      await screenshot();

      const branch = 'golden-paths/upgrade-node-http-service';
      const show = (/** @type {string} */ file) =>
        git('show', `${branch}:${file}`);
      assert.equal(git('rev-parse', `${branch}^`).trim(), head);
      assert.equal(git('rev-parse', 'HEAD').trim(), head);
      assert.ok(show('src/telemetry.ts').includes(sampling));
      assert.ok(show('package.json').includes('./dist/telemetry.js'));
      const merged = show('README.md');
      assert.ok(merged.includes('<<<<<<< your repository'));
      assert.ok(merged.includes('>>>>>>> node-http-service 2.2.0'));
      assert.ok(merged.includes(ours));
      log(`branch ${branch} at ${git('rev-parse', '--short', branch).trim()}`);
      await dialog.getByRole('button', { name: 'Close' }).click();

      // The path page plans every follower that is behind, by version.
      await page.goto('/golden-paths/default/node-http-service');
      await page.getByRole('button', { name: 'Plan upgrades' }).click();
      // The plan's row (the followers table above has one for it too).
      const row = page
        .getByRole('row')
        .filter({ hasText: name })
        .filter({ hasText: /conflict/ });
      await row.waitFor({ timeout: 120_000 });
      assert.match(await row.innerText(), /1 conflict/);
      await screenshot('bulk');
    },
  },
  {
    name: 'editor-error-line',
    title: 'the editor flags spec.lifecycle: retired at its line',
    needs: ['sign-in'],
    run: async (/** @type {Ctx} */ { page, screenshot }) => {
      await page.goto('/golden-paths');
      await action(page, 'Write a golden path').click();
      await expectUrl(
        page,
        url => url.pathname === '/golden-paths/editor',
        'be /golden-paths/editor',
      );
      const editor = page.locator('.cm-content').first();
      await editor.waitFor({ timeout: 60_000 });
      await editor.click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(RETIRED_PATH_YAML);
      const problems = page.getByRole('region', { name: 'Problems' });
      const problem = problems
        .getByRole('button')
        .filter({ hasText: 'spec.lifecycle' })
        .first();
      await problem.waitFor({ timeout: 15_000 });
      const text = (await problem.innerText()).replace(/\s+/g, ' ');
      assert.match(
        text,
        new RegExp(`^line ${RETIRED_LINE}, column \\d+: `),
        `the problem for spec.lifecycle should name line ${RETIRED_LINE}: "${text}"`,
      );
      await screenshot();
    },
  },
];

/** A GoldenPath whose lifecycle is not one of the allowed values. */
const RETIRED_PATH_YAML = [
  'apiVersion: golden-paths.dev/v1alpha1',
  'kind: GoldenPath',
  'metadata:',
  '  name: e2e-retired-path',
  '  title: E2E retired path',
  'spec:',
  '  owner: group:default/platform-team',
  '  lifecycle: retired',
  '  category: service',
  '  version: 1.0.0',
  '  templates: [template:default/node-http-service]',
  '  guarantees: [owner, ci]',
  '',
].join('\n');
const RETIRED_LINE = 8;

/**
 * The Golden path card of an entity page, once it lists checks.
 *
 * @param {import('playwright-core').Page} page
 */
function goldenPathCard(page) {
  return page
    .locator('.MuiCard-root')
    .filter({ hasText: /^Golden path/ })
    .filter({ has: page.getByRole('list', { name: 'Checks' }) })
    .first();
}

/**
 * The lower and upper bound of an estimate such as "$5.39 – $26.94 per month".
 *
 * @param {string} text
 * @returns {[number, number]}
 */
function costRange(text) {
  const numbers = (text.match(/\d[\d,]*(\.\d+)?/g) ?? []).map(n =>
    Number(n.replace(/,/g, '')),
  );
  assert.ok(numbers.length >= 1, `no amount in the estimate "${text}"`);
  return [numbers[0], numbers[numbers.length - 1]];
}

/**
 * Asserts the card's check list: every item has a pass/fail/unknown status.
 *
 * @param {import('playwright-core').Locator} card
 * @param {string} entity for the message
 * @returns {Promise<number>} how many checks it lists
 */
async function expectChecks(card, entity) {
  const items = card
    .getByRole('list', { name: 'Checks' })
    .getByRole('listitem');
  const count = await items.count();
  assert.ok(count > 0, `the Golden path card of ${entity} lists no checks`);
  const statuses = await card.getByLabel(/^(pass|fail|unknown)$/).count();
  assert.equal(
    statuses,
    count,
    `the Golden path card of ${entity} lists ${count} checks but ${statuses} pass/fail/unknown marks`,
  );
  return count;
}

/**
 * Asserts that the followers table links to these components (shown by
 * their titles, e.g. "Payments API").
 *
 * @param {import('playwright-core').Page} page
 * @param {string[]} names
 */
async function expectFollowers(page, names) {
  const table = page.getByRole('table', { name: 'Followers' });
  await table.waitFor({ timeout: 60_000 });
  for (const name of names) {
    const link = table.locator(`a[href$="/catalog/default/component/${name}"]`);
    await link
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async () => {
        assert.fail(
          `the followers table has no link to ${name}: "${(
            await table.innerText()
          ).replace(/\s+/g, ' ')}"`,
        );
      });
  }
}

/**
 * Asserts the figures of a path page: followers and compliance.
 *
 * @param {import('playwright-core').Page} page
 * @param {number} minFollowers
 */
async function expectFigures(page, minFollowers) {
  const figures = page.getByRole('group', { name: 'Figures' });
  await figures.waitFor({ timeout: 60_000 });
  const text = (await figures.innerText()).replace(/\s+/g, ' ');
  const followers = /(\d+) Followers|Followers (\d+)/.exec(text);
  assert.ok(followers, `the figures show no follower count: "${text}"`);
  const count = Number(followers[1] ?? followers[2]);
  assert.ok(
    count >= minFollowers,
    `the figures show ${count} followers, expected at least ${minFollowers}: "${text}"`,
  );
  assert.match(text, /Compliant/, `the figures show no compliance: "${text}"`);
  assert.match(
    text,
    /\d+%/,
    `the figures show no compliance percentage: "${text}"`,
  );
  assert.match(
    text,
    /\d+ of \d+ pass every check/,
    `the figures do not say how many pass: "${text}"`,
  );
}

module.exports = { scenarios };
