import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { assertOwnGitDirectory } from '../localRepositories/localGitDirectory';
import { localRepositoryName } from '../localRepositories/localRepositoryName';
import { repositoryLocation } from '../localRepositories/repositoryLocation';
import type { RenderedFile } from '../scaffold/manifest';
import { GitOutputLimitError, runGit } from '../upgrade/git';
import { readBlobs } from '../upgrade/blobs';
import { resolveCommit } from '../upgrade/developerRepository';
import { listTree } from '../upgrade/treeEntries';
import type { RepositorySide } from '../upgrade/types';
import {
  RepositoryBudget,
  readTimeoutError,
  untilAborted,
} from './repositoryBudget';
import type { RepositoryReadLimits } from './upgradeLimits';

/**
 * A component's repository as an upgrade sees it: a local git repository
 * (the embedded default: the branch is made in it) or files read through
 * the URL readers (a Git host: the upgrade becomes a pull request).
 */
export type ComponentRepository =
  | {
      kind: 'local';
      directory: string;
      /** Its folder within the configured directory, as users name it. */
      name: string;
      gitDir: string;
      commit: string;
      side: RepositorySide;
    }
  | {
      kind: 'remote';
      url: string;
      files: RenderedFile[];
      side: RepositorySide;
      /** What the URL reader says the tree is at (a commit, on Git hosts). */
      etag?: string;
    };

function isInside(directory: string, parent: string): boolean {
  const path = relative(parent, directory);
  return path !== '' && !path.startsWith('..') && !path.startsWith(sep);
}

/** Bytes of `git ls-tree -l` output allowed per file (a long path and its size). */
const LISTING_BYTES_PER_FILE = 1024;

/**
 * Finds and opens the repository an entity was scaffolded into, within
 * `limits`: more files, a larger file, more bytes or more time than they
 * allow refuses the plan with an error that names the limit's config key.
 */
export async function openComponentRepository(
  entity: Entity,
  options: {
    urlReader: UrlReaderService;
    localDirectories: string[];
    limits: RepositoryReadLimits;
    /** The plan's own deadline. */
    signal?: AbortSignal;
  },
): Promise<ComponentRepository> {
  const location = repositoryLocation(entity);
  if (!location) {
    throw new NotFoundError(
      'The component names no repository: it has neither backstage.io/source-location nor a location it was registered from',
    );
  }
  const { limits } = options;
  const budget = new RepositoryBudget(limits);
  const stop = new AbortController();
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = AbortSignal.any([
    stop.signal,
    timeout,
    ...(options.signal ? [options.signal] : []),
  ]);
  const count = (path: string, size: number | undefined) => {
    const exceeded = budget.add(path, size);
    if (exceeded) {
      stop.abort(exceeded);
    }
    return exceeded;
  };
  try {
    return await untilAborted(
      location.startsWith('file:')
        ? openLocalRepository(location, options.localDirectories, {
            limits,
            signal,
            count,
          })
        : openRemoteRepository(location, options.urlReader, {
            limits,
            signal,
            count,
          }),
      signal,
    );
  } catch (error) {
    if (budget.exceeded) {
      throw budget.exceeded;
    }
    if (error instanceof GitOutputLimitError) {
      throw budget.tooManyFiles();
    }
    if (options.signal?.aborted) {
      throw options.signal.reason;
    }
    if (timeout.aborted) {
      throw readTimeoutError(limits);
    }
    throw error;
  }
}

interface ReadBounds {
  limits: RepositoryReadLimits;
  signal: AbortSignal;
  /** Counts a file; the error when it passes a bound (the read then stops). */
  count: (path: string, size: number | undefined) => Error | undefined;
}

async function openLocalRepository(
  location: string,
  localDirectories: string[],
  bounds: ReadBounds,
): Promise<ComponentRepository> {
  const directory = fileURLToPath(location).replace(/\/$/, '');
  // Errors and plans name the folder within the configured directory,
  // never the host's absolute path.
  const name = localRepositoryName(directory, localDirectories);
  if (!name || !localDirectories.some(d => isInside(directory, d))) {
    throw new NotFoundError(
      `The component's repository (its backstage.io/source-location, or the folder of the file it was registered from) is not inside a configured local repositories directory (goldenPaths.scaffolder.localPublish.directory, goldenPaths.localRepositories.directories)`,
    );
  }
  const gitDir = join(directory, '.git');
  if (!(await stat(gitDir).catch(() => undefined))) {
    throw new NotFoundError(
      `The component's folder ${name} in the local repositories directory is not a git repository`,
    );
  }
  await assertOwnGitDirectory(directory, localDirectories);
  const commit = await resolveCommit(gitDir, 'HEAD');
  // Every file and its size, before the merge reads any of them; the
  // listing itself stops at what maxFiles files could print.
  const { stdout } = await runGit({
    gitDir,
    args: ['ls-tree', '-r', '-l', '-z', '--full-tree', commit],
    signal: bounds.signal,
    maxOutputBytes: (bounds.limits.maxFiles + 1) * LISTING_BYTES_PER_FILE,
  });
  for (const record of stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    const [, type, , size] = record.slice(0, tab).split(/ +/);
    const exceeded =
      type === 'blob'
        ? bounds.count(record.slice(tab + 1), Number(size))
        : undefined;
    if (exceeded) {
      throw exceeded;
    }
  }
  return {
    kind: 'local',
    directory,
    name,
    gitDir,
    commit,
    side: { type: 'git', gitDir, commit },
  };
}

async function openRemoteRepository(
  location: string,
  urlReader: UrlReaderService,
  bounds: ReadBounds,
): Promise<ComponentRepository> {
  // The filter sees each file's size before its content is kept; a file
  // that passes a bound aborts the download.
  const tree = await urlReader.readTree(location, {
    signal: bounds.signal,
    filter: (path, info) => !bounds.count(path, info?.size),
  });
  const entries = await tree.files();
  const files: RenderedFile[] = [];
  // Readers that give no size (or ignore the filter) are held to the same
  // bounds on what they did read.
  const read = new RepositoryBudget(bounds.limits);
  for (const entry of entries) {
    const content = await entry.content();
    const exceeded = read.add(entry.path, content.length);
    if (exceeded) {
      throw exceeded;
    }
    files.push({ path: entry.path, content });
  }
  return {
    kind: 'remote',
    url: location,
    files,
    side: { type: 'files', files },
    etag: tree.etag,
  };
}

/**
 * What the repository is at: where it is and its commit, or the URL
 * reader's ETag, or (from a reader that gives none) a digest of its files.
 */
export function repositoryVersion(repository: ComponentRepository): string {
  if (repository.kind === 'local') {
    return `${repository.directory}@${repository.commit}`;
  }
  if (repository.etag) {
    return `${repository.url}@${repository.etag}`;
  }
  const hash = createHash('sha256');
  for (const file of repository.files) {
    hash.update(`${file.path}\0${file.content.length}\0`).update(file.content);
  }
  return `${repository.url}#${hash.digest('hex')}`;
}

/** One file of the repository as it is, or undefined. */
export async function readRepositoryFile(
  repository: ComponentRepository,
  path: string,
): Promise<Buffer | undefined> {
  if (repository.kind === 'remote') {
    return repository.files.find(f => f.path === path)?.content;
  }
  const { stdout, code } = await runGit({
    gitDir: repository.gitDir,
    args: ['cat-file', 'blob', `${repository.commit}:${path}`],
    okCodes: c => c === 0 || c === 128,
  });
  return code === 0 ? stdout : undefined;
}

/** Every file of the repository (only needed for a recopy). */
export async function listRepositoryFiles(
  repository: ComponentRepository,
): Promise<Map<string, Buffer>> {
  if (repository.kind === 'remote') {
    return new Map(repository.files.map(f => [f.path, f.content]));
  }
  // One ls-tree and one cat-file --batch, whatever the number of files.
  const listing = await listTree(repository.gitDir, repository.commit);
  const blobs = [...listing].filter(
    ([, entry]) => entry.mode !== '160000' && entry.mode !== '120000',
  );
  const contents = await readBlobs(
    repository.gitDir,
    blobs.map(([, entry]) => entry.oid),
  );
  return new Map(
    blobs.map(([path, entry]) => [path, contents.get(entry.oid)!]),
  );
}
