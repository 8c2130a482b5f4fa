import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { GoldenPathsApi } from '@golden-paths/golden-paths-common';
import { ORDERS_API, upgradePlan, upgradeResult } from './upgrades';
import { goldenPathsApiRef } from '../api';
import { UpgradeDialog } from '../components/UpgradeDialog/UpgradeDialog';

/** Rendering of the upgrade dialog's tests. */

/** An API that plans the test plan and runs it, unless told otherwise. */
export function upgradeApi(overrides: Partial<GoldenPathsApi> = {}) {
  return {
    planUpgrade: jest.fn().mockResolvedValue(upgradePlan()),
    runUpgrade: jest.fn().mockResolvedValue(upgradeResult()),
    ...overrides,
  };
}

/** The dialog, open, for orders-api. */
export async function renderDialog(goldenPathsApi: Partial<GoldenPathsApi>) {
  const onClose = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[goldenPathsApiRef, goldenPathsApi]]}>
      <UpgradeDialog
        entityRef={ORDERS_API}
        title="orders-api"
        open
        onClose={onClose}
      />
    </TestApiProvider>,
  );
  return { onClose };
}
