import type { HistoryPoint } from '@golden-paths/golden-paths-common';
import type { IntervalGroup } from './followerIntervalsTable';

/**
 * Each day's adoption and compliance from follower intervals: a follower
 * counts on `day` when its interval started on or before it and ends after
 * it (or has not ended).
 */
export function historyFromIntervals(
  days: string[],
  groups: IntervalGroup[],
): HistoryPoint[] {
  return days.map(day => {
    let adoption = 0;
    let compliant = 0;
    for (const group of groups) {
      if (group.fromDay <= day && (!group.toDay || group.toDay > day)) {
        adoption += group.count;
        if (group.compliant) {
          compliant += group.count;
        }
      }
    }
    return {
      day,
      adoption,
      compliant,
      complianceRatio: adoption > 0 ? compliant / adoption : null,
    };
  });
}
