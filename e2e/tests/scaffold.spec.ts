/*
 * A service's life on its path, in one browser page from start to end:
 * the template's form with its cost preview, the scaffolder task, the new
 * component's Golden path card, and its upgrade when the path moves on.
 * Each test continues where the one before left the page, so they run in
 * order and are retried together.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import {
  NODE_PATH,
  NODE_PATH_URL,
  NODE_TEMPLATE_URL,
  expectChecks,
  goldenPathCard,
} from '../support/goldenPaths';
import {
  costRange,
  fillComponentStep,
  field,
  retype,
} from '../support/scaffolderForm';
import {
  evaluationOf,
  expectDrift,
  expectTaskCompleted,
  gitIn,
  releaseNodeServicePath,
  repositoryOf,
} from '../support/scaffolded';
import {
  attachFailureContext,
  shot,
  watchPageErrors,
} from '../support/screenshot';

test.describe.configure({ mode: 'serial' });

let page: Page;
let pageErrors: string[];
/** The component this run scaffolds; its repository stays in .data. */
const componentName = `e2e-svc-${Date.now().toString(36)}`;

test.beforeAll(async ({ browser, portal }) => {
  // A retry starts again from the form: the path back at 2.1.0 first.
  const { goldenPathsFile } = portal;
  if (
    goldenPathsFile &&
    !/^ {2}version: 2\.1\.0$/m.test(fs.readFileSync(goldenPathsFile, 'utf8'))
  ) {
    await releaseNodeServicePath({ ...portal, goldenPathsFile }, '2.1.0');
  }
  page = await browser.newPage();
  pageErrors = watchPageErrors(page);
});

test.afterEach(async () => {
  await attachFailureContext(page, pageErrors);
});

test.afterAll(async () => {
  await page.close();
});

test('the cost preview follows CPU request and maximum replicas', async () => {
  await page.goto(NODE_TEMPLATE_URL);
  await fillComponentStep(page, componentName);
  await page.getByRole('button', { name: 'Next' }).click();
  const figure = page
    .getByTestId('golden-path-cost-preview')
    .getByText(/per month$/);
  await expect(figure).toBeVisible();
  const before = (await figure.innerText()).trim();
  console.log(`cost with the defaults: ${before}`);

  await retype(field(page, 'textbox', 'CPU request'), '500m');
  await expect(
    figure,
    'the estimate changes after CPU request 100m → 500m',
  ).not.toHaveText(before);
  const afterCpu = (await figure.innerText()).trim();
  console.log(`cost with CPU request 500m: ${afterCpu}`);

  await retype(field(page, 'spinbutton', 'Maximum replicas'), '20');
  await expect(
    figure,
    'the estimate changes after maximum replicas 10 → 20',
  ).not.toHaveText(afterCpu);
  const afterReplicas = (await figure.innerText()).trim();
  console.log(`cost with 20 replicas at most: ${afterReplicas}`);

  // More CPU per replica raises both ends; more replicas only the top.
  const [min0, max0] = costRange(before);
  const [min1, max1] = costRange(afterCpu);
  const [min2, max2] = costRange(afterReplicas);
  const cpu = `a 5× CPU request raises the estimate: "${before}" → "${afterCpu}"`;
  expect(min1, cpu).toBeGreaterThan(min0);
  expect(max1, cpu).toBeGreaterThan(max0);
  const replicas = `twice the maximum replicas raise only the upper bound: "${afterCpu}" → "${afterReplicas}"`;
  expect(min2, replicas).toBe(min1);
  expect(max2, replicas).toBeGreaterThan(max1);
  await shot(page, 'cost-preview');
});

test('the node-http-service template scaffolds a service and registers it', async ({
  portal,
}) => {
  test.setTimeout(360_000);
  // Continues the form of the cost preview test, on the Runtime step.
  await page.getByRole('button', { name: 'Next' }).click();
  await field(page, 'textbox', 'Cost center').fill('CC-4242');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(
    page.getByText(componentName, { exact: true }).first(),
  ).toBeVisible();
  await shot(page, 'review');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(url =>
    url.pathname.startsWith('/create/tasks/'),
  );
  console.log(`task ${page.url()}`);
  // The task's state from the scaffolder, to fail fast with its log
  // instead of waiting for a link that will not come.
  const taskId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expectTaskCompleted(portal, taskId);
  await expect(page.getByRole('link', { name: 'Open in catalog' })).toBeVisible(
    {
      timeout: 60_000,
    },
  );
  for (const step of await page
    .getByText(
      /^(Check the choices|Render the|Write the|Write catalog|Publish the|Register in)/,
    )
    .all()) {
    console.log(`step done: ${(await step.innerText()).replace(/\s+/g, ' ')}`);
  }
  await shot(page, 'task');
});

test("the new component's page shows its Golden path checks", async ({
  portal,
}) => {
  test.setTimeout(300_000);
  await page.getByRole('link', { name: 'Open in catalog' }).click();
  await expect(page).toHaveURL(
    url => url.pathname === `/catalog/default/component/${componentName}`,
  );
  const result = await evaluationOf(portal, componentName);
  console.log(
    `backend: ${result.checks.length} checks, ${
      result.checks.filter((c: any) => c.status === 'pass').length
    } pass`,
  );
  const card = goldenPathCard(page);
  // The page read the component before its first evaluation: reload until
  // the card has the results.
  await expect(async () => {
    await page.reload();
    await expect(card).toBeVisible({ timeout: 20_000 });
  }, 'check results in the Golden path card').toPass({ timeout: 90_000 });
  await expect(
    card.getByRole('link', { name: NODE_PATH }).first(),
  ).toBeVisible();
  const shown = await expectChecks(card, componentName);
  expect(
    shown,
    'the check results the card shows, as the backend has them',
  ).toBe(result.checks.length);
  await shot(page, 'component-card');
});

test('after a hand edit and a new path version, Upgrade plans, then writes a branch with both sides', async ({
  portal,
}) => {
  test.setTimeout(300_000);
  const { goldenPathsFile } = portal;
  // Against a portal someone else started (E2E_BASE_URL) there is no
  // catalog file to release a version in; the portal globalSetup starts
  // always has one, and the test fails if it does not.
  test.skip(
    !!process.env.E2E_BASE_URL,
    'releases a new path version in the catalog file of the portal globalSetup starts; not against E2E_BASE_URL',
  );
  if (!goldenPathsFile) {
    throw new Error(
      'globalSetup started the portal but set no E2E_GOLDEN_PATHS_FILE',
    );
  }
  const git = gitIn(componentName);

  // A developer's change, committed: one line the template also changes
  // (README), one in a file the template renames.
  const sampling = `// ${componentName}: sample 10 % of traces in production`;
  const repository = repositoryOf(componentName);
  fs.appendFileSync(
    path.join(repository, 'src', 'instrumentation.ts'),
    `${sampling}\n`,
  );
  const readmeFile = path.join(repository, 'README.md');
  const readme = fs.readFileSync(readmeFile, 'utf8');
  const ours = '- **Supply chain.** Our CI (owned by the e2e team) builds';
  expect(readme).toMatch(/- \*\*Supply chain\.\*\* CI builds/);
  fs.writeFileSync(
    readmeFile,
    readme.replace(/- \*\*Supply chain\.\*\* CI builds/, ours),
  );
  git('commit', '-qam', 'Sampling and README');
  const head = git('rev-parse', 'HEAD').trim();

  // The platform team releases 2.2.0 of the path.
  await releaseNodeServicePath({ ...portal, goldenPathsFile }, '2.2.0');
  await expectDrift(portal, componentName, 'minor-behind');

  // The card shows the drift and offers the upgrade.
  await page.reload();
  const card = goldenPathCard(page);
  await expect(card).toBeVisible({ timeout: 60_000 });
  await expect(card.getByText(/minor version behind/i).first()).toBeVisible();
  await card.getByRole('button', { name: 'Upgrade' }).click();
  const dialog = page.getByRole('dialog');
  const readmeRow = dialog.getByRole('row').filter({ hasText: 'README.md' });
  await expect(readmeRow).toBeVisible({ timeout: 120_000 });
  await expect(readmeRow).toContainText('Conflict');
  await expect(
    dialog.getByRole('row').filter({ hasText: 'src/telemetry.ts' }),
  ).toContainText('Renamed');
  expect(
    git('branch', '--list', 'golden-paths/*'),
    'a branch written by the plan',
  ).toBe('');
  await shot(page, 'plan');

  await dialog.getByRole('button', { name: 'Create upgrade branch' }).click();
  await expect(dialog.getByText('Upgrade branch created')).toBeVisible({
    timeout: 120_000,
  });
  await expect(
    dialog.getByText(/Resolve the conflict markers in 1 file/),
  ).toBeVisible();
  await shot(page, 'branch');

  const branch = 'golden-paths/upgrade-node-http-service';
  const show = (file: string) => git('show', `${branch}:${file}`);
  expect(git('rev-parse', `${branch}^`).trim()).toBe(head);
  expect(git('rev-parse', 'HEAD').trim()).toBe(head);
  expect(show('src/telemetry.ts')).toContain(sampling);
  expect(show('package.json')).toContain('./dist/telemetry.js');
  const merged = show('README.md');
  expect(merged).toContain('<<<<<<< your repository');
  expect(merged).toContain('>>>>>>> node-http-service 2.2.0');
  expect(merged).toContain(ours);
  console.log(
    `branch ${branch} at ${git('rev-parse', '--short', branch).trim()}`,
  );
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The path page plans every follower that is behind, by version.
  await page.goto(NODE_PATH_URL);
  await page.getByRole('button', { name: 'Plan upgrades' }).click();
  // The plan's row (the followers table above has one for it too).
  const row = page
    .getByRole('row')
    .filter({ hasText: componentName })
    .filter({ hasText: /conflict/ });
  await expect(row).toBeVisible({ timeout: 120_000 });
  await expect(row).toContainText('1 conflict');
  await shot(page, 'bulk');
});
