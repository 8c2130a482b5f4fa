/*
 * The guest signs in with the sign-in page's "Enter" button; the signed-in
 * state is kept for every other test (the `portal` project's storageState).
 */
import { expect, test } from '../support/fixtures';
import { STORAGE_STATE } from '../support/env';
import { shot } from '../support/screenshot';

test('guest signs in with the sign-in page\'s "Enter" button', async ({
  page,
}) => {
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const enter = page.getByRole('button', { name: 'Enter' });
  // The dev server's first page load compiles nothing more, but is slow.
  await expect(enter).toBeVisible({ timeout: 60_000 });
  await shot(page, 'sign-in-page');
  await enter.click();
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Golden Paths' }),
  ).toBeVisible({ timeout: 60_000 });
  await shot(page, 'signed-in');
  await page.context().storageState({ path: STORAGE_STATE });
});
