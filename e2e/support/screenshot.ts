/*
 * What each test leaves in the HTML report besides Playwright's own
 * failure screenshot and trace: a full-page screenshot of what it checked,
 * and on failure the dev server's build errors and the page's uncaught
 * errors.
 */
import { test, type Page } from '@playwright/test';

/**
 * Attaches a full-page screenshot to the running test's report. Backstage
 * pages scroll inside a 100vh layout, not the document, so Playwright's
 * fullPage alone stops at the viewport: the viewport is made as tall as the
 * content for the shot.
 *
 * @param page - the page to take
 * @param name - the attachment's name, e.g. "search" or "plan"
 */
export async function shot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const hidden = await page.evaluate(() => {
    let most = 0;
    for (const el of document.querySelectorAll(
      'main, main *, body > div, body > div > div',
    )) {
      if (/auto|scroll/.test(getComputedStyle(el).overflowY)) {
        most = Math.max(most, el.scrollHeight - el.clientHeight);
        el.scrollTop = 0;
      }
    }
    window.scrollTo(0, 0);
    return most;
  });
  if (hidden > 0) {
    await page.setViewportSize({
      width: viewport.width,
      height: Math.min(viewport.height + hidden, 8000),
    });
  }
  try {
    const body = await page.screenshot({
      fullPage: true,
      animations: 'disabled',
    });
    await test.info().attach(name, { body, contentType: 'image/png' });
  } finally {
    if (hidden > 0) {
      await page.setViewportSize(viewport);
    }
  }
}

/**
 * Collects the page's uncaught errors, for {@link attachFailureContext}.
 *
 * @param page - the page to watch
 * @returns the list the errors are added to
 */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(error.message));
  return errors;
}

/**
 * The text of the dev server's error overlay (a failed build), if shown.
 *
 * @param page - the page under test
 */
async function buildErrorOverlay(page: Page): Promise<string | undefined> {
  for (const id of [
    'react-refresh-overlay',
    'webpack-dev-server-client-overlay',
  ]) {
    if (await page.locator(`iframe#${id}`).count()) {
      return page
        .frameLocator(`iframe#${id}`)
        .locator('body')
        .innerText({ timeout: 2000 })
        .catch(() => '');
    }
  }
  return undefined;
}

/**
 * When the running test failed: attaches the dev server's build errors
 * shown over the page, and the page's last uncaught errors, to its report.
 *
 * @param page - the page under test
 * @param pageErrors - from {@link watchPageErrors}
 */
export async function attachFailureContext(
  page: Page,
  pageErrors: string[],
): Promise<void> {
  const info = test.info();
  if (info.status === info.expectedStatus || page.isClosed()) {
    return;
  }
  const overlay = await buildErrorOverlay(page).catch(() => undefined);
  if (overlay) {
    await info.attach('dev server build errors', {
      body: overlay,
      contentType: 'text/plain',
    });
  }
  if (pageErrors.length) {
    await info.attach('uncaught errors in the page', {
      body: pageErrors.slice(-10).join('\n\n'),
      contentType: 'text/plain',
    });
  }
}
