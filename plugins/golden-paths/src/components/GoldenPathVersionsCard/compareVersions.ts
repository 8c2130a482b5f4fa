/**
 * Orders versions newest first, as semver without pre-release ordering;
 * anything that is not a version sorts last, by text.
 */
export function compareVersionsDescending(a: string, b: string): number {
  const parse = (v: string) =>
    /^v?(\d+)\.(\d+)\.(\d+)/.exec(v)?.slice(1, 4).map(Number);
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) {
    if (pa) return -1;
    if (pb) return 1;
    return a.localeCompare(b);
  }
  for (let i = 0; i < 3; i++) {
    if (pa[i] !== pb[i]) {
      return pb[i] - pa[i];
    }
  }
  return a.localeCompare(b);
}
