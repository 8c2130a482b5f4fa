/*
 * The Golden Paths page: the list of paths, its search and its filters.
 */
import { expect, test } from '../support/fixtures';
import { BETA_PATHS, EXAMPLE_PATHS, expectCards } from '../support/goldenPaths';
import { shot } from '../support/screenshot';

test('the Golden Paths page lists the 7 example paths', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Golden Paths' })
    .click();
  await expect(page).toHaveURL(url => url.pathname === '/golden-paths');
  await expect(
    page.getByRole('heading', { name: 'Golden Paths', level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /^7 paths$/ }),
  ).toBeVisible({ timeout: 60_000 });
  await expectCards(page, EXAMPLE_PATHS, 'the Golden Paths page');
  await shot(page, 'list');
});

test('search and the lifecycle filter narrow the list; the URL keeps the view', async ({
  page,
}) => {
  await page.goto('/golden-paths');
  await expectCards(page, EXAMPLE_PATHS, 'before searching');

  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.pressSequentially('spark', { delay: 40 });
  await expectCards(
    page,
    ['Spark job on Kubernetes'],
    'after searching "spark"',
  );
  await expect(
    page.getByRole('status').filter({ hasText: '1 of 7 paths' }),
  ).toBeVisible();
  await expect(page).toHaveURL(url => url.searchParams.get('q') === 'spark');
  await shot(page, 'search');

  await search.fill('');
  await expectCards(page, EXAMPLE_PATHS, 'after clearing the search');
  await page.getByRole('button', { name: /^Lifecycle/ }).click();
  await page.getByRole('option', { name: /^beta/ }).click();
  await page.keyboard.press('Escape');
  await expectCards(page, BETA_PATHS, 'with lifecycle = beta');
  await expect(page).toHaveURL(
    url => url.searchParams.getAll('lifecycle').join() === 'beta',
  );

  // The URL alone reproduces the view.
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await expectCards(page, BETA_PATHS, `after opening ${url} afresh`);
  await expect(
    page.getByRole('status').filter({ hasText: '2 of 7 paths' }),
  ).toBeVisible();
  await shot(page, 'filter');
});
