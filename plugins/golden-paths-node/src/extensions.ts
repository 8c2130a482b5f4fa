import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { GoldenPathCheck } from './types';

/**
 * Lets modules add checks to the Golden Paths backend's evaluation.
 *
 * @public
 */
export interface GoldenPathsChecksExtensionPoint {
  /**
   * Adds checks. Ids must be unique among every check, the built-in ones
   * included.
   */
  addChecks(...checks: GoldenPathCheck[]): void;
}

/**
 * The extension point for {@link GoldenPathsChecksExtensionPoint}.
 *
 * @example
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'golden-paths',
 *   moduleId: 'runbook-check',
 *   register(env) {
 *     env.registerInit({
 *       deps: { checks: goldenPathsChecksExtensionPoint },
 *       async init({ checks }) {
 *         checks.addChecks(runbookCheck);
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const goldenPathsChecksExtensionPoint =
  createExtensionPoint<GoldenPathsChecksExtensionPoint>({
    id: 'golden-paths.checks',
  });
