import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitCommandError, runGit } from './git';

/** Reads blobs by id with one `git cat-file --batch`. */
export async function readBlobs(
  gitDir: string,
  oids: Iterable<string>,
): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(oids)];
  const blobs = new Map<string, Buffer>();
  if (wanted.length === 0) return blobs;
  const { stdout } = await runGit({
    gitDir,
    args: ['cat-file', '--batch'],
    input: `${wanted.join('\n')}\n`,
  });
  let offset = 0;
  while (offset < stdout.length) {
    const newline = stdout.indexOf(0x0a, offset);
    const [oid, type, size] = stdout
      .subarray(offset, newline)
      .toString('utf8')
      .split(' ');
    if (type === 'missing' || size === undefined) {
      throw new GitCommandError(`git has no object ${oid}`);
    }
    const start = newline + 1;
    const end = start + Number(size);
    blobs.set(oid, stdout.subarray(start, end));
    offset = end + 1;
  }
  return blobs;
}

/** Writes files on disk into the object store as blobs, in order, content as is. */
export async function hashFiles(
  gitDir: string,
  paths: string[],
): Promise<string[]> {
  if (paths.length === 0) return [];
  const { stdout } = await runGit({
    gitDir,
    args: ['hash-object', '-w', '--no-filters', '--stdin-paths'],
    input: `${paths.join('\n')}\n`,
  });
  return stdout.toString('utf8').trim().split('\n');
}

/** Writes in-memory contents into the object store as blobs, in order. */
export async function writeBlobs(
  gitDir: string,
  scratchDir: string,
  contents: Buffer[],
): Promise<string[]> {
  const paths = contents.map((_, i) => join(scratchDir, `blob-${i}`));
  await Promise.all(contents.map((c, i) => writeFile(paths[i], c)));
  return hashFiles(gitDir, paths);
}

/** A file of a tree, or undefined when the tree has no file there. */
export async function readTreeFile(
  gitDir: string,
  treeId: string,
  path: string,
): Promise<Buffer | undefined> {
  const { stdout } = await runGit({
    gitDir,
    // A path is a file name, never a pattern.
    env: { GIT_LITERAL_PATHSPECS: '1' },
    args: ['ls-tree', '-z', '--full-tree', treeId, '--', path],
  });
  const record = stdout.toString('utf8').split('\0')[0];
  const tab = record.indexOf('\t');
  const [, type, oid] = record.slice(0, tab).split(' ');
  if (tab < 0 || type !== 'blob' || record.slice(tab + 1) !== path) {
    return undefined;
  }
  return (await runGit({ gitDir, args: ['cat-file', 'blob', oid] })).stdout;
}
