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
  const failed = (result.steps ?? []).filter(s => s.status === 'failed');
  if (failed.length || !result.steps?.length) {
    const log = (result.log ?? [])
      .map(l => l.body?.message)
      .filter(Boolean)
      .slice(-15)
      .join('\n');
    throw new Error(
      `the template's dry-run failed at ${failed
        .map(s => s.id)
        .join(', ')}:\n${log}`,
    );
  }
  return result;
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
  try {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    });
    page.setDefaultTimeout(120_000);
    await page.goto(`${appUrl}/golden-paths`);
    const enter = page.getByRole('button', { name: /enter/i });
    if (await enter.isVisible({ timeout: 30_000 }).catch(() => false)) {
      await enter.click(); // the guest sign-in page
    }
    await page.getByText(EXPECTED.title).first().waitFor();
    await page.screenshot({
      path: path.join(screenshotDir, 'golden-paths-page.png'),
      fullPage: true,
    });

    const [, , name] = /^(\w+):(\w+)\/(.+)$/.exec(EXPECTED.follower);
    await page.goto(`${appUrl}/catalog/default/component/${name}`);
    await page
      .getByRole('heading', { name: /golden path/i })
      .first()
      .waitFor();
    await page.getByText(EXPECTED.title).first().waitFor();
    await page.screenshot({
      path: path.join(screenshotDir, 'follower-card.png'),
      fullPage: true,
    });
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
