import type { HistoryPoint } from '@golden-paths/golden-paths-common';

/** The smallest of 2, 4, 6, 8, 10, 20, 40, … not below `n`: halves stay whole. */
export function niceMax(n: number): number {
  if (n <= 2) {
    return 2;
  }
  const pow = 10 ** Math.floor(Math.log10(n));
  for (const m of [2, 4, 6, 8, 10]) {
    if (m * pow >= n) {
      return m * pow;
    }
  }
  return 20 * pow;
}

export function dayTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

const DAY_FORMAT = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** `2025-03-01` → `Mar 1`. */
export function shortDay(day: string): string {
  const time = dayTime(day);
  return Number.isNaN(time) ? day : DAY_FORMAT.format(time);
}

export function percent(ratio: number | null): string {
  return ratio === null ? 'no followers' : `${Math.round(ratio * 100)}%`;
}

/** The chart in one or two sentences, for screen readers. */
export function summarize(points: ReadonlyArray<HistoryPoint>): string {
  if (points.length === 0) {
    return 'No figures yet.';
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) {
    return `On ${first.day}: ${first.adoption} followers, ${percent(
      first.complianceRatio,
    )} compliant.`;
  }
  const peak = Math.max(...points.map(p => p.adoption));
  return (
    `From ${first.day} to ${last.day}, followers went from ${first.adoption} to ${last.adoption} (peak ${peak}), ` +
    `and compliance from ${percent(first.complianceRatio)} to ${percent(
      last.complianceRatio,
    )}.`
  );
}

/** Runs of consecutive points that have a compliance ratio, for the line. */
export function complianceRuns<T extends { ratio: number | null }>(
  points: ReadonlyArray<T>,
): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  for (const point of points) {
    if (point.ratio === null) {
      if (run.length) runs.push(run);
      run = [];
    } else {
      run.push(point);
    }
  }
  if (run.length) runs.push(run);
  return runs;
}
