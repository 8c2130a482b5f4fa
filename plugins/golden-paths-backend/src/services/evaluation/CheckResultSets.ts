import type { CheckResult } from '@golden-paths/golden-paths-common';
import type {
  GoldenPathCheck,
  GoldenPathCheckVerdict,
} from '@golden-paths/golden-paths-node';
import { shareValue } from '../../database/sharedJson';

/** One result per check of a path, in the checks' order. */
export interface ResultSet {
  readonly checks: CheckResult[];
  /** Every check passes. */
  readonly compliant: boolean;
}

/** A node of the trie of known sets, reached by one result per check. */
interface SetNode {
  readonly next: Map<CheckResult, SetNode>;
  set?: ResultSet;
}

/*
 * What one path's lookup remembers. Followers mostly get the same few
 * results, but a reason may name something of each follower (a repository's
 * location, say); beyond these counts results are no longer shared, so
 * memory stays bounded whatever the reasons say.
 */
const REMEMBERED_RESULTS_PER_CHECK = 200;
const REMEMBERED_SET_NODES = 2000;

/**
 * The check results of one path's followers, shared among followers: the
 * same verdict of a check gives the same CheckResult, and the same results
 * of all checks give the same {@link ResultSet}. They are frozen and marked
 * shared, so the store serializes each set once rather than per follower.
 */
export class CheckResultSets {
  readonly #checks: ReadonlyArray<GoldenPathCheck>;
  /** Per check: status, then reason, then fix, to the result. */
  readonly #results: Array<
    Map<string, Map<string, Map<string | undefined, CheckResult>>>
  >;
  readonly #resultCounts: number[];
  readonly #remembered = new WeakSet<CheckResult>();
  readonly #root: SetNode = { next: new Map() };
  #nodes = 0;

  /** @param checks - The path's checks, in the order results are given. */
  constructor(checks: ReadonlyArray<GoldenPathCheck>) {
    this.#checks = checks;
    this.#results = checks.map(() => new Map());
    this.#resultCounts = checks.map(() => 0);
  }

  /** The result of the check at `index` (in the path's checks) for a verdict. */
  result(index: number, verdict: GoldenPathCheckVerdict): CheckResult {
    const { status, reason } = verdict;
    const fix = verdict.fix || undefined;
    const byStatus = this.#results[index];
    let byReason = byStatus.get(status);
    let byFix = byReason?.get(reason);
    const known = byFix?.get(fix);
    if (known) {
      return known;
    }
    const check = this.#checks[index];
    const result: CheckResult = fix
      ? { id: check.id, title: check.title, status, reason, fix }
      : { id: check.id, title: check.title, status, reason };
    if (this.#resultCounts[index] >= REMEMBERED_RESULTS_PER_CHECK) {
      return result;
    }
    this.#resultCounts[index] += 1;
    if (!byReason) {
      byReason = new Map();
      byStatus.set(status, byReason);
    }
    if (!byFix) {
      byFix = new Map();
      byReason.set(reason, byFix);
    }
    byFix.set(fix, shareValue(result));
    this.#remembered.add(result);
    return result;
  }

  /**
   * The set of these results, one per check in order. The array is only
   * read: the caller may reuse it.
   */
  setOf(results: ReadonlyArray<CheckResult>): ResultSet {
    let node = this.#root;
    for (const result of results) {
      let next = node.next.get(result);
      if (!next) {
        if (
          !this.#remembered.has(result) ||
          this.#nodes >= REMEMBERED_SET_NODES
        ) {
          return { checks: [...results], compliant: allPass(results) };
        }
        next = { next: new Map() };
        node.next.set(result, next);
        this.#nodes += 1;
      }
      node = next;
    }
    if (!node.set) {
      const checks = shareValue([...results]);
      node.set = Object.freeze({ checks, compliant: allPass(checks) });
    }
    return node.set;
  }
}

function allPass(results: ReadonlyArray<CheckResult>): boolean {
  return results.every(result => result.status === 'pass');
}
