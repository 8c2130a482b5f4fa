/**
 * A count and what it counts, in the singular for one: `countOf(3, 'file')`
 * is "3 files", `countOf(1, 'follower is', 'followers are')` "1 follower is".
 */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
