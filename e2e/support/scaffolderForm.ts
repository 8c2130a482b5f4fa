/*
 * The node-http-service template's form, filled as a user does.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * A scaffolder form field by its label (required fields add " *").
 *
 * @param page - a template's form
 * @param role - textbox, or spinbutton for numbers
 * @param label - the label without the asterisk
 */
export function field(
  page: Page,
  role: 'textbox' | 'spinbutton',
  label: string,
): Locator {
  return page.getByRole(role, {
    // Required fields' labels end in a (thin-spaced) asterisk.
    name: new RegExp(
      `^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`,
    ),
  });
}

/**
 * Replaces a form input's value as a user does: select all, type.
 *
 * @param input - the field
 * @param value - its new value
 */
export async function retype(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await input.pressSequentially(value, { delay: 20 });
}

/**
 * Fills the node-http-service template's first step (Component).
 *
 * @param page - the template's form
 * @param name - the new component's name
 */
export async function fillComponentStep(
  page: Page,
  name: string,
): Promise<void> {
  await field(page, 'textbox', 'Name').fill(name);
  await field(page, 'textbox', 'Description').fill(
    'Service scaffolded by the end-to-end tests.',
  );
  const owner = field(page, 'textbox', 'Owner');
  await owner.click();
  await owner.pressSequentially('platform', { delay: 30 });
  // Options show display names: "Platform Team" for group:default/platform-team.
  await page
    .getByRole('option', { name: /platform[- ]team/i })
    .first()
    .click();
  const system = field(page, 'textbox', 'System');
  await system.click();
  await system.pressSequentially('payments', { delay: 30 });
  await page
    .getByRole('option', { name: /^payments$/i })
    .first()
    .click();
}

/**
 * The lower and upper bound of an estimate such as "$5.39 – $26.94 per month".
 *
 * @param text - the estimate as shown
 */
export function costRange(text: string): [number, number] {
  const numbers = (text.match(/\d[\d,]*(\.\d+)?/g) ?? []).map(n =>
    Number(n.replace(/,/g, '')),
  );
  expect(numbers.length, `an amount in the estimate "${text}"`).toBeGreaterThan(
    0,
  );
  return [numbers[0], numbers[numbers.length - 1]];
}
