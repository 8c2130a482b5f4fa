import type { UpgradeSummary } from '@golden-paths/golden-paths-common';

const count = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** An upgrade plan's counts in words: "3 files to change · 1 conflict · 2 flagged". */
export function upgradeSummaryText(summary: UpgradeSummary): string {
  return [
    count(summary.changed, 'file to change', 'files to change'),
    count(summary.conflicts, 'conflict', 'conflicts'),
    `${summary.flagged} flagged`,
  ].join(' · ');
}
