import { InputError } from '@backstage/errors';

/** Longest glob `search` accepts, in characters (after the fixed folders). */
export const MAX_GLOB_LENGTH = 1024;
/** Most `**` segments a glob may have. */
export const MAX_GLOBSTARS = 16;

const GLOBSTAR = '**';

/**
 * Where a match stands after some folders: the pattern segments that may
 * come next (sorted, each once). Empty: nothing below can match.
 */
export type GlobState = ReadonlyArray<number>;

/** `*` (any run) and `?` (one character) within one path segment. */
function segmentMatches(pattern: string, name: string): boolean {
  // Greedy with one backtrack point: at most pattern × name steps.
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') {
    p++;
  }
  return p === pattern.length;
}

/**
 * A glob over `/`-separated paths, matched one segment at a time as a set of
 * positions in the pattern (no regular expression, no backtracking across
 * segments): a segment `**` stands for any number of folders, `*` for any
 * characters within one segment, `?` for one; everything else is literal.
 * Matching a path costs at most (pattern length × path length) steps,
 * whatever the number of globstars.
 */
export class SegmentGlob {
  readonly #segments: string[];

  constructor(pattern: string) {
    if (pattern.length > MAX_GLOB_LENGTH) {
      throw new InputError(
        `The search pattern is ${pattern.length} characters long; at most ${MAX_GLOB_LENGTH} are allowed`,
      );
    }
    this.#segments = pattern
      .split('/')
      .filter(segment => segment !== '')
      .map(segment =>
        segment.includes(GLOBSTAR) && segment !== GLOBSTAR
          ? segment.replace(/\*{2,}/g, '*')
          : segment,
      );
    const globstars = this.#segments.filter(s => s === GLOBSTAR).length;
    if (globstars > MAX_GLOBSTARS) {
      throw new InputError(
        `The search pattern has ${globstars} "**" segments; at most ${MAX_GLOBSTARS} are allowed`,
      );
    }
  }

  /** Before any folder. */
  start(): GlobState {
    return this.#closure([0]);
  }

  /** After one more path segment. */
  step(state: GlobState, name: string): GlobState {
    const next: number[] = [];
    for (const index of state) {
      const segment = this.#segments[index];
      if (segment === undefined) {
        continue;
      }
      if (segment === GLOBSTAR) {
        next.push(index);
      } else if (segmentMatches(segment, name)) {
        next.push(index + 1);
      }
    }
    return this.#closure(next);
  }

  /** Whether the path that led to `state` matches the whole pattern. */
  accepts(state: GlobState): boolean {
    return state.includes(this.#segments.length);
  }

  /** Whether a whole `/`-separated path matches. */
  matches(path: string): boolean {
    let state = this.start();
    for (const name of path.split('/')) {
      state = this.step(state, name);
      if (state.length === 0) {
        return false;
      }
    }
    return this.accepts(state);
  }

  /** A globstar may match no folder: its position implies the next one. */
  #closure(positions: number[]): GlobState {
    const seen = new Set<number>();
    for (const start of positions) {
      let index = start;
      while (!seen.has(index)) {
        seen.add(index);
        if (this.#segments[index] !== GLOBSTAR) {
          break;
        }
        index++;
      }
    }
    return [...seen].sort((a, b) => a - b);
  }
}
