/*
 * The suite's `test`: Playwright's, with the portal under test (its
 * backend, a guest token for direct calls) and the page's failure context
 * attached to the report.
 */
import { expect, test as base } from '@playwright/test';
import { api, guestToken, refreshEvaluation } from '../lib/backstage';
import { backendUrl, goldenPathsFile } from './env';
import { attachFailureContext, watchPageErrors } from './screenshot';

/** The portal under test, beside the page's baseURL. */
export interface Portal {
  /** e.g. http://localhost:7007 */
  backendUrl: string;
  /** A guest token for direct backend calls. */
  token: string;
  /** The catalog's copy of examples/golden-paths.yaml, if started here. */
  goldenPathsFile?: string;
}

type WorkerFixtures = {
  portal: Portal;
  /**
   * The followers of node-http-service once an evaluation has found
   * payments-api and refund-service among them (the backend evaluates
   * every minute; this asks for one now and waits for it).
   */
  nodeServiceFollowers: string[];
};

export const test = base.extend<{}, WorkerFixtures>({
  portal: [
    async ({}, use) => {
      const url = backendUrl();
      await use({
        backendUrl: url,
        token: await guestToken(url),
        goldenPathsFile: goldenPathsFile(),
      });
    },
    { scope: 'worker' },
  ],

  nodeServiceFollowers: [
    async ({ portal }, use) => {
      const { backendUrl: url, token } = portal;
      await refreshEvaluation(url, token);
      let refs: string[] = [];
      await expect(async () => {
        const body = await api(
          url,
          token,
          '/api/golden-paths/paths/default/node-http-service/followers?limit=100',
        );
        refs = (body?.items ?? []).map((f: any) => f.entityRef);
        expect(refs).toEqual(
          expect.arrayContaining([
            'component:default/payments-api',
            'component:default/refund-service',
          ]),
        );
      }, 'payments-api and refund-service as followers of node-http-service').toPass(
        { timeout: 180_000, intervals: [3000] },
      );
      console.log(`backend: ${refs.length} followers of node-http-service`);
      await use(refs);
    },
    { scope: 'worker', timeout: 240_000 },
  ],

  page: async ({ page }, use) => {
    const errors = watchPageErrors(page);
    await use(page);
    await attachFailureContext(page, errors);
  },
});

export { expect };
