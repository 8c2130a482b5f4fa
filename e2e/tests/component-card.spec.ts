/*
 * A component's overview: its Golden path card with the checks' results.
 */
import { expect, test } from '../support/fixtures';
import {
  NODE_PATH,
  expectChecks,
  goldenPathCard,
} from '../support/goldenPaths';
import { shot } from '../support/screenshot';

test('the payments-api overview shows its Golden path card with checks', async ({
  page,
  nodeServiceFollowers: _evaluated,
}) => {
  await page.goto('/catalog/default/component/payments-api');
  const card = goldenPathCard(page);
  // The first entity page of a fresh browser context loads its chunks.
  await expect(card).toBeVisible({ timeout: 120_000 });
  await expect(
    card.getByRole('link', { name: NODE_PATH }).first(),
  ).toBeVisible();
  await expectChecks(card, 'payments-api');
  await shot(page, 'component-card');
});
