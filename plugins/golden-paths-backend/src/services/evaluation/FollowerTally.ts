import {
  compareVersions,
  type DriftCounts,
  type PathDetails,
} from '@golden-paths/golden-paths-common';
import type { StoredComponentResult } from '../../database/EvaluationStore';

/** The figures of a path that depend on its followers. */
export type FollowerFigures = Pick<
  PathDetails,
  'adoption' | 'compliant' | 'complianceRatio' | 'checks' | 'drift' | 'versions'
>;

/** Drift counts of no follower. */
export function emptyDriftCounts(): DriftCounts {
  return {
    'up-to-date': 0,
    'patch-behind': 0,
    'minor-behind': 0,
    'major-behind': 0,
    ahead: 0,
    unknown: 0,
    deprecated: 0,
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * Adds up a path's followers one at a time, so an evaluation never holds
 * every result in memory; the same sums serve callers who may read only some
 * followers.
 */
export class FollowerTally {
  readonly #checks: ReadonlyArray<{ id: string; title: string }>;
  readonly #counts = new Map<
    string,
    { pass: number; fail: number; unknown: number }
  >();
  readonly #versions = new Map<string, number>();
  readonly #drift = emptyDriftCounts();
  #adoption = 0;
  #compliant = 0;

  /**
   * @param checks - The checks that apply to the path's followers, in the
   * order the portal shows them.
   */
  constructor(checks: ReadonlyArray<{ id: string; title: string }>) {
    this.#checks = checks;
    for (const check of checks) {
      this.#counts.set(check.id, { pass: 0, fail: 0, unknown: 0 });
    }
  }

  /** Adds `count` followers (one by default) that share this result. */
  add(
    result: Pick<StoredComponentResult, 'compliant' | 'drift' | 'checks'>,
    count = 1,
  ): void {
    this.#adoption += count;
    if (result.compliant) {
      this.#compliant += count;
    }
    this.#drift[result.drift.status] += count;
    if (result.drift.deprecated) {
      this.#drift.deprecated += count;
    }
    const version = result.drift.currentVersion ?? 'unknown';
    this.#versions.set(version, (this.#versions.get(version) ?? 0) + count);
    for (const check of result.checks) {
      const counts = this.#counts.get(check.id);
      if (counts) {
        counts[check.status] += count;
      }
    }
  }

  figures(): FollowerFigures {
    return {
      adoption: this.#adoption,
      compliant: this.#compliant,
      complianceRatio: ratio(this.#compliant, this.#adoption),
      checks: this.#checks.map(check => {
        const counts = this.#counts.get(check.id)!;
        return {
          id: check.id,
          title: check.title,
          ...counts,
          passRatio: ratio(counts.pass, this.#adoption),
        };
      }),
      drift: { ...this.#drift },
      versions: [...this.#versions.entries()]
        .map(([version, count]) => ({ version, count }))
        .sort(
          (a, b) => b.count - a.count || compareVersions(a.version, b.version),
        ),
    };
  }
}
