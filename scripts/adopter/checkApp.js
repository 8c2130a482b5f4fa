/*
 * What an adopter checks once the app runs: through the HTTP API with a
 * guest's token (the catalog holds the GoldenPath with its relations, the
 * Golden Paths API answers with adoption, the path's template dry-runs) and
 * in Chromium (the Golden Paths page lists the path, the card renders on a
 * follower's page).
 */
const fs = require('node:fs');
const path = require('node:path');
const { api, poll } = require('../../e2e/lib/backstage');
const { launchChromium } = require('../../e2e/lib/browser');

/** What the README's example registration brings, and what is checked. */
const EXPECTED = {
  path: { namespace: 'default', name: 'node-http-service' },
  title: 'Node.js HTTP service on Kubernetes',
  template: 'template:default/node-http-service',
  follower: 'component:default/payments-api',
};

function hasRelation(entity, type, target) {
  return (entity.relations ?? []).some(
    r => r.type === type && r.targetRef === target,
  );
}

/** The GoldenPath in the catalog, with both of its relations. */
async function checkCatalog(backendUrl, token) {
  const { namespace, name } = EXPECTED.path;
  return poll(
    `the catalog's goldenpath:${namespace}/${name} with its template and follower relations`,
    async () => {
      const entity = await api(
        backendUrl,
        token,
        `/api/catalog/entities/by-name/goldenpath/${namespace}/${name}`,
        { allow404: true },
      );
      return (
        entity &&
        hasRelation(entity, 'goldenPathTemplate', EXPECTED.template) &&
        hasRelation(entity, 'goldenPathFollowedBy', EXPECTED.follower) &&
        entity
      );
    },
    { timeoutMs: 600_000, intervalMs: 3000 },
  );
}

/** `/api/golden-paths/paths` lists the path with its followers counted. */
async function checkPathsApi(backendUrl, token) {
  const ref = `goldenpath:${EXPECTED.path.namespace}/${EXPECTED.path.name}`;
  return poll(
    `GET /api/golden-paths/paths with ${ref} and its adoption`,
    async () => {
      await api(backendUrl, token, '/api/golden-paths/refresh', {
        method: 'POST',
      }).catch(() => undefined); // one already running will do
      const page = await api(backendUrl, token, '/api/golden-paths/paths');
      const summary = page.items.find(p => p.ref === ref);
      return summary && summary.adoption >= 1 && summary;
    },
    { timeoutMs: 600_000, intervalMs: 5000 },
  );
}

/** Every file under `dir`, as the template editor sends them to dry-run. */
function directoryContents(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return directoryContents(file, base);
    }
    return [
      {
        path: path.relative(base, file),
        base64Content: fs.readFileSync(file).toString('base64'),
      },
    ];
  });
}

/**
 * The path's template dry-runs in the app's scaffolder.
 *
 * @param {{ templateDir: string, values: Record<string, unknown> }} template
 */
async function checkDryRun(backendUrl, token, { templateDir, values }) {
  const entity = await api(
    backendUrl,
    token,
    `/api/catalog/entities/by-name/template/default/${
      EXPECTED.template.split('/')[1]
    }`,
  );
  const result = await api(backendUrl, token, '/api/scaffolder/v2/dry-run', {
    method: 'POST',
    body: {
      template: entity,
      values,
      secrets: {},
      directoryContents: directoryContents(templateDir),
    },
  });
  const status = new Map();
  for (const entry of result.log ?? []) {
    if (entry.body?.stepId && entry.body?.status) {
      status.set(entry.body.stepId, entry.body.status);
    }
  }
  const steps = (result.steps ?? []).map(s => s.id);
  // catalog:register has no dry-run mode: the scaffolder skips it.
  const failed = steps.filter(
    id => !['completed', 'skipped'].includes(status.get(id)),
  );
  if (failed.length || !steps.length) {
    const log = (result.log ?? [])
      .map(l => l.body?.message)
      .filter(Boolean)
      .slice(-15)
      .join('\n');
    throw new Error(
      `the template's dry-run failed at ${failed
        .map(id => `${id} (${status.get(id) ?? 'never ran'})`)
        .join(', ')}:\n${log}`,
    );
  }
  const files = (result.directoryContents ?? []).map(f => f.path);
  for (const wanted of ['catalog-info.yaml', '.golden-paths/scaffold.yaml']) {
    if (!files.includes(wanted)) {
      throw new Error(
        `the template's dry-run wrote no ${wanted} (it wrote: ${files.join(
          ', ',
        )})`,
      );
    }
  }
  return { steps: steps.map(id => `${id}: ${status.get(id)}`), files };
}

/**
 * Chromium, as a guest: the Golden Paths page lists the path; the
 * follower's page shows the Golden Path card.
 *
 * @param {string} appUrl
 * @param {string} screenshotDir
 */
async function checkInBrowser(appUrl, screenshotDir) {
  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(120_000);
  const shot = name =>
    page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
  try {
    await page.goto(`${appUrl}/golden-paths`);
    // The app's guest sign-in page comes first (create-app's default).
    const enter = page.getByRole('button', { name: /enter/i });
    const title = page.getByText(EXPECTED.title).first();
    await enter.or(title).first().waitFor();
    if (await enter.isVisible()) {
      await enter.click();
    }
    await page.getByText(EXPECTED.title).first().waitFor();
    await shot('golden-paths-page.png');

    const [, kind, namespace, name] = /^(\w+):(\w+)\/(.+)$/.exec(
      EXPECTED.follower,
    );
    await page.goto(`${appUrl}/catalog/${namespace}/${kind}/${name}`);
    // The card: its title, and the path the component follows as a link.
    await page.getByText('Golden path', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: EXPECTED.title }).first().waitFor();
    await shot('follower-card.png');
  } catch (error) {
    await shot('failure.png').catch(() => {});
    throw new Error(
      `${
        error instanceof Error ? error.message : error
      }\nat ${page.url()}; see ${path.join(screenshotDir, 'failure.png')}`,
    );
  } finally {
    await browser.close();
  }
}

module.exports = {
  EXPECTED,
  checkCatalog,
  checkPathsApi,
  checkDryRun,
  checkInBrowser,
};
