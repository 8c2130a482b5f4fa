/**
 * The trailers that mark a commit as one Golden Paths wrote for an upgrade:
 * the path it upgrades to, and the tree it wrote. A branch is Golden Paths'
 * to move only while its head carries both and still has that tree: a
 * commit added on top has no such trailers, and an amended one has another
 * tree.
 */
const UPGRADE_TRAILER = 'Golden-Paths-Upgrade';
const TREE_TRAILER = 'Golden-Paths-Tree';

/** The commit message with the trailers of an upgrade to `pathRef`. */
export function withUpgradeTrailers(
  message: string,
  trailers: { pathRef: string; tree: string },
): string {
  return `${message.trimEnd()}\n\n${UPGRADE_TRAILER}: ${
    trailers.pathRef
  }\n${TREE_TRAILER}: ${trailers.tree}\n`;
}

/**
 * Whether a commit is an upgrade to `pathRef` exactly as Golden Paths wrote
 * it: its last paragraph holds both trailers, and its tree is the one named.
 */
export function isUpgradeCommit(
  commit: { message: string; tree: string },
  pathRef: string,
): boolean {
  const paragraphs = commit.message.trimEnd().split(/\n\s*\n/);
  const trailers = new Map<string, string>();
  for (const line of paragraphs[paragraphs.length - 1].split('\n')) {
    const match = /^([A-Za-z-]+):\s*(\S+)\s*$/.exec(line);
    if (match) {
      trailers.set(match[1], match[2]);
    }
  }
  return (
    trailers.get(UPGRADE_TRAILER) === pathRef &&
    trailers.get(TREE_TRAILER) === commit.tree
  );
}
