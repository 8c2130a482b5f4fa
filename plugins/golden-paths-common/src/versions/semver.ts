import semver from 'semver';

/**
 * Whether a value is a semantic version exactly as semver.org defines it
 * (`1.4.0`, `2.0.0-rc.1`, `1.0.0+build.5`): no `v` prefix, no surrounding
 * spaces, which the `semver` package would otherwise accept.
 *
 * @public
 */
export function isSemver(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  const parsed = semver.parse(value);
  if (!parsed) {
    return false;
  }
  const build = parsed.build.length > 0 ? `+${parsed.build.join('.')}` : '';
  return value === `${parsed.version}${build}`;
}

function versionOrder(direction: 1 | -1) {
  return (a: string, b: string): number => {
    const va = semver.valid(a);
    const vb = semver.valid(b);
    if (va && vb) {
      return direction * semver.compare(va, vb) || a.localeCompare(b);
    }
    if (va || vb) {
      return va ? -1 : 1;
    }
    return a.localeCompare(b);
  };
}

/**
 * Orders versions oldest first by semver precedence (`1.9.0` before
 * `1.10.0`, a pre-release before its release); anything that is not a
 * version sorts last, by text. For `Array.prototype.sort`.
 *
 * @public
 */
export const compareVersions: (a: string, b: string) => number =
  versionOrder(1);

/**
 * Orders versions newest first by semver precedence; anything that is not a
 * version still sorts last, by text. For `Array.prototype.sort`.
 *
 * @public
 */
export const compareVersionsNewestFirst: (a: string, b: string) => number =
  versionOrder(-1);
