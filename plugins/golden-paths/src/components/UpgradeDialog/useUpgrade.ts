import { useApi } from '@backstage/core-plugin-api';
import type {
  UpgradePlan,
  UpgradeResult,
} from '@golden-paths/golden-paths-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../../api';

/** One component's upgrade: its plan, loaded at once, and its run, on demand. */
export interface UpgradeState {
  plan: { loading: boolean; value?: UpgradePlan; error?: Error };
  retryPlan(): void;
  run: { loading: boolean; value?: UpgradeResult; error?: Error };
  /** Runs the upgrade; the only call that writes anything. */
  start(): void;
}

export function useUpgrade(entityRef: string): UpgradeState {
  const api = useApi(goldenPathsApiRef);
  const plan = useAsyncRetry(
    () => api.planUpgrade(entityRef),
    [api, entityRef],
  );
  const [run, start] = useAsyncFn(
    () => api.runUpgrade(entityRef),
    [api, entityRef],
  );
  return {
    plan,
    retryPlan: plan.retry,
    run,
    start: () => {
      // A second press while one runs would only race the same branch.
      if (!run.loading) {
        start();
      }
    },
  };
}
