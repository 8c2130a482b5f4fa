import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { repositoryLocation } from '../localRepositories/repositoryLocation';
import type { RenderedFile } from '../scaffold/manifest';
import { runGit } from '../upgrade/git';
import { readBlobs } from '../upgrade/blobs';
import { resolveCommit } from '../upgrade/developerRepository';
import { listTree } from '../upgrade/treeEntries';
import type { RepositorySide } from '../upgrade/types';

/**
 * A component's repository as an upgrade sees it: a local git repository
 * (the embedded default: the branch is made in it) or files read through
 * the URL readers (a Git host: the upgrade becomes a pull request).
 */
export type ComponentRepository =
  | {
      kind: 'local';
      directory: string;
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

/** Finds and opens the repository an entity was scaffolded into. */
export async function openComponentRepository(
  entity: Entity,
  options: { urlReader: UrlReaderService; localDirectories: string[] },
): Promise<ComponentRepository> {
  const location = repositoryLocation(entity);
  if (!location) {
    throw new NotFoundError(
      'The component names no repository: it has neither backstage.io/source-location nor a location it was registered from',
    );
  }
  if (location.startsWith('file:')) {
    const directory = fileURLToPath(location).replace(/\/$/, '');
    if (!options.localDirectories.some(d => isInside(directory, d))) {
      throw new NotFoundError(
        `The component's repository ${directory} is not inside a configured local repositories directory (goldenPaths.scaffolder.localPublish.directory, goldenPaths.localRepositories.directories)`,
      );
    }
    const gitDir = join(directory, '.git');
    if (!(await stat(gitDir).catch(() => undefined))) {
      throw new NotFoundError(
        `The component's folder ${directory} is not a git repository`,
      );
    }
    const commit = await resolveCommit(gitDir, 'HEAD');
    return {
      kind: 'local',
      directory,
      gitDir,
      commit,
      side: { type: 'git', gitDir, commit },
    };
  }
  const tree = await options.urlReader.readTree(location);
  const files = await Promise.all(
    (
      await tree.files()
    ).map(async file => ({
      path: file.path,
      content: await file.content(),
    })),
  );
  return {
    kind: 'remote',
    url: location,
    files,
    side: { type: 'files', files },
    etag: tree.etag,
  };
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
