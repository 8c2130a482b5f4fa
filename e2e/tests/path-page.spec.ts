/*
 * A path's own page (and the same content as the GoldenPath entity's tab):
 * adoption, compliance, followers, and "Start" into its template.
 */
import { expect, test } from '../support/fixtures';
import {
  NODE_PATH,
  NODE_PATH_URL,
  NODE_TEMPLATE_URL,
  action,
  expectFigures,
  expectFollowers,
} from '../support/goldenPaths';
import { field } from '../support/scaffolderForm';
import { shot } from '../support/screenshot';

test('a path page shows adoption, compliance and its followers', async ({
  page,
  nodeServiceFollowers,
}) => {
  await page.goto('/golden-paths');
  await page
    .getByRole('heading', { name: NODE_PATH, level: 3 })
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(url => url.pathname === NODE_PATH_URL);
  await expect(
    page.getByRole('heading', { name: NODE_PATH, level: 1 }),
  ).toBeVisible();

  await expectFigures(page, nodeServiceFollowers.length);
  await expectFollowers(page, ['payments-api', 'refund-service']);
  await shot(page, 'path-page');
});

test('the GoldenPath entity page has a "Golden path" tab with the path', async ({
  page,
  nodeServiceFollowers: _evaluated,
}) => {
  await page.goto('/catalog/default/goldenpath/node-http-service');
  await action(page, 'Golden path', ['tab', 'link']).click();
  await expect(page).toHaveURL(url => url.pathname.endsWith('/golden-path'));
  await expectFigures(page, 2);
  await expectFollowers(page, ['payments-api', 'refund-service']);
  await shot(page, 'entity-tab');
});

test('"Start" on the path page opens its template\'s form', async ({
  page,
}) => {
  await page.goto(NODE_PATH_URL);
  await expect(
    page.getByRole('heading', { name: NODE_PATH, level: 1 }),
  ).toBeVisible();
  await action(page, /^Start\b/)
    .first()
    .click();
  await expect(page).toHaveURL(url => url.pathname === NODE_TEMPLATE_URL);
  await expect(
    page
      .getByRole('heading', { name: 'Node.js HTTP service', exact: true })
      .first(),
  ).toBeVisible({ timeout: 60_000 });
  await expect(field(page, 'textbox', 'Name')).toBeVisible();
  await expect(field(page, 'textbox', 'Owner')).toBeVisible();
  await shot(page, 'template-form');
});
