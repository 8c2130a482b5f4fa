import { constants, promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/** One entry of a directory tree to publish, relative to its root. */
export type SourceTreeEntry =
  | { type: 'directory'; path: string }
  | { type: 'file'; path: string }
  | { type: 'symlink'; path: string; target: string };

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * Lists a directory tree, leaving out `.git` directories, and checks it can
 * be published as it is: every symbolic link must point inside the tree
 * (links are kept as links, rewritten relative when they were absolute);
 * sockets, devices and other special files are refused.
 */
export async function collectSourceTree(
  root: string,
): Promise<SourceTreeEntry[]> {
  const realRoot = await fs.realpath(root);
  const entries: SourceTreeEntry[] = [];

  async function walk(directory: string): Promise<void> {
    const children = await fs.readdir(directory, { withFileTypes: true });
    children.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const child of children) {
      if (child.name === '.git') {
        continue;
      }
      const absolute = join(directory, child.name);
      const path = toPosix(relative(root, absolute));
      if (child.isSymbolicLink()) {
        const linkTarget = await fs.readlink(absolute);
        const lexical = resolve(dirname(absolute), linkTarget);
        const real = await fs.realpath(absolute).catch(() => undefined);
        const inside =
          isChildPath(root, lexical) &&
          (real === undefined || isChildPath(realRoot, real));
        if (!inside) {
          throw new InputError(
            `the symbolic link ${path} points outside the directory being published; replace it with the file itself`,
          );
        }
        entries.push({
          type: 'symlink',
          path,
          target: isAbsolute(linkTarget)
            ? relative(dirname(absolute), lexical)
            : linkTarget,
        });
      } else if (child.isDirectory()) {
        entries.push({ type: 'directory', path });
        await walk(absolute);
      } else if (child.isFile()) {
        entries.push({ type: 'file', path });
      } else {
        throw new InputError(
          `${path} is not a regular file, directory or symbolic link, so it cannot be published`,
        );
      }
    }
  }

  await walk(root);
  return entries;
}

/** Copies what {@link collectSourceTree} listed into an empty directory. */
export async function copySourceTree(
  root: string,
  entries: SourceTreeEntry[],
  destination: string,
): Promise<void> {
  for (const entry of entries) {
    const to = join(destination, ...entry.path.split('/'));
    switch (entry.type) {
      case 'directory':
        await fs.mkdir(to);
        break;
      case 'file':
        // copyFile keeps the mode, so executable scripts stay executable.
        await fs.copyFile(
          join(root, ...entry.path.split('/')),
          to,
          constants.COPYFILE_EXCL,
        );
        break;
      case 'symlink':
        await fs.symlink(entry.target, to);
        break;
      default:
        break;
    }
  }
}
