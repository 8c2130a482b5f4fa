import type { DriftInfo } from '@golden-paths/golden-paths-common';

const BEHIND = new Set(['patch-behind', 'minor-behind', 'major-behind']);

/** Whether a follower is on an older version of its path, so it can upgrade. */
export function isBehind(drift: DriftInfo): boolean {
  return BEHIND.has(drift.status);
}
