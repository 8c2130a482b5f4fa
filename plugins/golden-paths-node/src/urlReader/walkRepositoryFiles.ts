import { BigIntStats, promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError } from '@backstage/errors';
import { realPathInRepository } from '../localRepositories/repositoryFolder';
import { LOCAL_READER_LIMITS_CONFIG_KEY } from './localReaderLimits';
import type { GlobState, SegmentGlob } from './segmentGlob';

/** A file found below the root of a walk, not yet read. */
export interface WalkedFile {
  /** Relative to the root of the walk, with `/`. */
  path: string;
  /** Absolute, as written (a link keeps its own path). */
  absolute: string;
  /** The real folder of the repository it belongs to. */
  realFolder: string;
  /** Of the file itself (a link's target). */
  stats: BigIntStats;
}

/** What to walk, and how far. */
export interface WalkOptions {
  /** The served directory the root is in, as configured, and its real path. */
  directory: string;
  realDirectory: string;
  /** Where to start (the directory itself, or a folder of a repository). */
  root: string;
  /** Most files and folders to look at before refusing. */
  maxEntries: number;
  signal?: AbortSignal;
  /** Only folders and files that can match, and do match, this glob. */
  glob?: SegmentGlob;
}

/** A `.git` folder anywhere, or a link that resolves into one. */
function crossesGit(realFolder: string, real: string): boolean {
  return relative(realFolder, real).split(sep).includes('.git');
}

/**
 * Every file below `root`, lazily, without reading any content: `.git`
 * folders are left out, links to folders are not followed, and a link to a
 * file is kept only when it resolves inside the same repository (the first
 * folder below the served directory) and outside `.git`; anything else is
 * skipped. Throws the signal's reason as soon as it aborts, and an
 * `InputError` after `maxEntries` entries.
 */
export async function* walkRepositoryFiles(
  options: WalkOptions,
): AsyncGenerator<WalkedFile> {
  const { directory, realDirectory, glob, signal } = options;
  const realFolderOf = (absolute: string) =>
    join(realDirectory, relative(directory, absolute).split(sep)[0]);
  let entries = 0;
  const stack: Array<{ absolute: string; path: string; state?: GlobState }> = [
    { absolute: options.root, path: '', state: glob?.start() },
  ];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    signal?.throwIfAborted();
    const dir = await fs.opendir(folder.absolute, { bufferSize: 64 });
    try {
      for await (const child of dir) {
        signal?.throwIfAborted();
        if (++entries > options.maxEntries) {
          throw new InputError(
            `${options.root} holds more than ${options.maxEntries} files and folders, the limit of ${LOCAL_READER_LIMITS_CONFIG_KEY}.maxTreeEntries`,
          );
        }
        if (child.name === '.git') {
          continue;
        }
        const absolute = join(folder.absolute, child.name);
        const path = folder.path ? `${folder.path}/${child.name}` : child.name;
        const state =
          glob && folder.state
            ? glob.step(folder.state, child.name)
            : undefined;
        if (glob && state?.length === 0) {
          continue;
        }
        if (child.isDirectory()) {
          stack.push({ absolute, path, state });
          continue;
        }
        if (glob && !glob.accepts(state!)) {
          continue;
        }
        const file = await fileAt(absolute, realFolderOf(absolute), child);
        if (file) {
          yield { path, absolute, ...file };
        }
      }
    } finally {
      await dir.close().catch(() => {});
    }
  }
}

async function fileAt(
  absolute: string,
  realFolder: string,
  entry: { isFile(): boolean; isSymbolicLink(): boolean },
): Promise<{ realFolder: string; stats: BigIntStats } | undefined> {
  if (entry.isFile()) {
    const stats = await fs.lstat(absolute, { bigint: true });
    return stats.isFile() ? { realFolder, stats } : undefined;
  }
  if (!entry.isSymbolicLink()) {
    return undefined;
  }
  const real = await realPathInRepository(absolute, { realFolder }).catch(
    () => undefined,
  );
  if (real === undefined || crossesGit(realFolder, real)) {
    return undefined;
  }
  const stats = await fs.stat(real, { bigint: true });
  return stats.isFile() ? { realFolder, stats } : undefined;
}
