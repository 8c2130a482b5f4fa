/*
 * What the Golden Paths pages show, as a user finds it: the example paths,
 * their cards, a path's figures and followers, an entity's Golden path
 * card with its checks.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The example paths of examples/golden-paths.yaml, by title. */
export const EXAMPLE_PATHS = [
  'Node.js HTTP service on Kubernetes',
  'Python data pipeline with Dagster',
  'Spark job on Kubernetes',
  'Distributed ML training on Kubeflow',
  '5G cloud-native network function',
  'React single-page frontend',
  'Node.js Express service (legacy)',
];
export const BETA_PATHS = [
  'Distributed ML training on Kubeflow',
  '5G cloud-native network function',
];
export const NODE_PATH = 'Node.js HTTP service on Kubernetes';
export const NODE_PATH_URL = '/golden-paths/default/node-http-service';
export const NODE_TEMPLATE_URL = '/create/templates/default/node-http-service';

/**
 * Waits until the path cards shown are exactly `expected` (in any order).
 *
 * @param page - a page listing paths
 * @param expected - their titles
 * @param when - for the message, e.g. "with lifecycle = beta"
 */
export async function expectCards(
  page: Page,
  expected: string[],
  when: string,
): Promise<void> {
  const titles = page
    .getByTestId('golden-path-card')
    .getByRole('heading', { level: 3 });
  await expect
    .poll(
      async () => (await titles.allInnerTexts()).map(t => t.trim()).sort(),
      { message: `${when}: the path cards shown` },
    )
    .toEqual([...expected].sort());
}

/**
 * Something to press by its name: Material UI buttons that navigate are
 * links with role="button", tabs may be links; the user sees no difference.
 *
 * @param page - the page
 * @param name - its accessible name (exact when a string)
 * @param roles - the roles it may have
 */
export function action(
  page: Page,
  name: string | RegExp,
  roles: Array<'button' | 'link' | 'tab'> = ['button', 'link'],
): Locator {
  const exact = typeof name === 'string';
  return roles
    .map(role => page.getByRole(role, { name, exact }))
    .reduce((a, b) => a.or(b));
}

/**
 * The Golden path card of an entity page, once it lists checks.
 *
 * @param page - an entity page
 */
export function goldenPathCard(page: Page): Locator {
  return page
    .locator('.MuiCard-root')
    .filter({ hasText: /^Golden path/ })
    .filter({ has: page.getByRole('list', { name: 'Checks' }) })
    .first();
}

/**
 * Asserts the card's check list: every item has a pass/fail/unknown status.
 *
 * @param card - from {@link goldenPathCard}
 * @param entity - for the message
 * @returns how many checks it lists
 */
export async function expectChecks(
  card: Locator,
  entity: string,
): Promise<number> {
  const items = card
    .getByRole('list', { name: 'Checks' })
    .getByRole('listitem');
  await expect(
    items.first(),
    `the Golden path card of ${entity} lists checks`,
  ).toBeVisible();
  const count = await items.count();
  await expect(
    card.getByLabel(/^(pass|fail|unknown)$/),
    `the Golden path card of ${entity} has a pass/fail/unknown mark for each of its ${count} checks`,
  ).toHaveCount(count);
  return count;
}

/**
 * Asserts that the followers table links to these components (shown by
 * their titles, e.g. "Payments API").
 *
 * @param page - a path page, or a GoldenPath entity's tab
 * @param names - component names
 */
export async function expectFollowers(
  page: Page,
  names: string[],
): Promise<void> {
  const table = page.getByRole('table', { name: 'Followers' });
  await expect(table).toBeVisible({ timeout: 60_000 });
  for (const name of names) {
    await expect(
      table.locator(`a[href$="/catalog/default/component/${name}"]`).first(),
      `the followers table links to ${name}`,
    ).toBeVisible();
  }
}

/**
 * Asserts the figures of a path page: followers and compliance.
 *
 * @param page - a path page, or a GoldenPath entity's tab
 * @param minFollowers - the follower count shown is at least this
 */
export async function expectFigures(
  page: Page,
  minFollowers: number,
): Promise<void> {
  const figures = page.getByRole('group', { name: 'Figures' });
  await expect(figures).toBeVisible({ timeout: 60_000 });
  // As the user reads it (innerText), until it has loaded.
  await expect(async () => {
    const text = (await figures.innerText()).replace(/\s+/g, ' ');
    const followers = /(\d+) Followers|Followers (\d+)/.exec(text);
    expect(followers, `a follower count in "${text}"`).toBeTruthy();
    expect(
      Number(followers?.[1] ?? followers?.[2]),
      `the follower count in "${text}"`,
    ).toBeGreaterThanOrEqual(minFollowers);
    expect(text, 'the figures show compliance').toMatch(/Compliant/);
    expect(text, 'the figures show a compliance percentage').toMatch(/\d+%/);
    expect(text, 'the figures say how many pass').toMatch(
      /\d+ of \d+ pass every check/,
    );
  }).toPass({ timeout: 30_000 });
}
