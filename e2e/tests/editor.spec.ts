/*
 * The path editor: a problem in the YAML is flagged at its line.
 */
import { expect, test } from '../support/fixtures';
import { action } from '../support/goldenPaths';
import { shot } from '../support/screenshot';

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

test('the editor flags spec.lifecycle: retired at its line', async ({
  page,
}) => {
  await page.goto('/golden-paths');
  await action(page, 'Write a golden path').click();
  await expect(page).toHaveURL(url => url.pathname === '/golden-paths/editor');
  const editor = page.locator('.cm-content').first();
  await expect(editor).toBeVisible({ timeout: 60_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(RETIRED_PATH_YAML);
  const problem = page
    .getByRole('region', { name: 'Problems' })
    .getByRole('button')
    .filter({ hasText: 'spec.lifecycle' })
    .first();
  await expect(
    problem,
    `the problem for spec.lifecycle names line ${RETIRED_LINE}`,
  ).toHaveText(new RegExp(`^\\s*line ${RETIRED_LINE}, column \\d+:\\s`), {
    useInnerText: true,
  });
  await shot(page, 'editor');
});
