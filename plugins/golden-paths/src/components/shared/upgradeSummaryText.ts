import type { UpgradeSummary } from '@golden-paths/golden-paths-common';
import { countOf } from './countOf';

/** An upgrade plan's counts in words: "3 files to change · 1 conflict · 2 flagged". */
export function upgradeSummaryText(summary: UpgradeSummary): string {
  return [
    countOf(summary.changed, 'file to change', 'files to change'),
    countOf(summary.conflicts, 'conflict'),
    `${summary.flagged} flagged`,
  ].join(' · ');
}
