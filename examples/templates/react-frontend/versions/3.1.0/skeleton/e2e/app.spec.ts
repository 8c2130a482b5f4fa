import { expect, test } from '@playwright/test';

test('shows the app with its runtime configuration', async ({ page }) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: '${{ values.name }}' }),
  ).toBeVisible();
  await expect(page.getByText('Environment: local')).toBeVisible();
});
