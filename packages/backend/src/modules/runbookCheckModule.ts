import { createBackendModule } from '@backstage/backend-plugin-api';
import { goldenPathsChecksExtensionPoint } from '@golden-paths/golden-paths-node';
import { runbookCheck } from './runbookCheck';

/**
 * Adds {@link runbookCheck} to the golden-path evaluation: the example of
 * `goldenPathsChecksExtensionPoint` for adopters.
 */
export const goldenPathsRunbookCheckModule = createBackendModule({
  pluginId: 'golden-paths',
  moduleId: 'runbook-check',
  register(env) {
    env.registerInit({
      deps: { checks: goldenPathsChecksExtensionPoint },
      async init({ checks }) {
        checks.addChecks(runbookCheck);
      },
    });
  },
});
