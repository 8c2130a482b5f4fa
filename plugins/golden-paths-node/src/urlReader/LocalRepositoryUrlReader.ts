import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  ReadTreeResponseFactory,
  ReadUrlResponseFactory,
} from '@backstage/backend-defaults/urlReader';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';
import { errorCode } from '../lib/errorCode';
import {
  findLocalRepositoryFolder,
  type LocalRepositoryFolder,
  realPathInRepository,
} from '../localRepositories/repositoryFolder';
import {
  DEFAULT_LOCAL_READER_LIMITS,
  LOCAL_READER_LIMITS_CONFIG_KEY,
  LocalReaderLimits,
} from './localReaderLimits';
import {
  fileTooLarge,
  readRepositoryFile,
  repositoryFileStream,
} from './readRepositoryFile';
import { SegmentGlob } from './segmentGlob';
import { WalkedFile, walkRepositoryFiles } from './walkRepositoryFiles';
import { fileEtag, treeEtag } from './localFileEtags';
import { hasGlob, isServedBy } from './servedPaths';

const OUTSIDE =
  'is not inside a local repositories directory (goldenPaths.scaffolder.localPublish.directory or goldenPaths.localRepositories.directories)';

/** Where a URL leads: the path as written, and its repository. */
type Resolved = {
  path: string;
  real: string;
  repository: LocalRepositoryFolder;
};

/**
 * Reads `file://` URLs of local repositories, and nothing else: those that
 * `golden-paths:publish:local` created, and those in the further directories
 * of `goldenPaths.localRepositories.directories`. A repository is a folder
 * right below one of these directories; every file read must stay inside
 * the repository it was asked about once symbolic links are resolved, and
 * never inside a `.git` directory. Trees and searches are walked without
 * reading the files the caller's filter or glob leaves out, within
 * `goldenPaths.localRepositories.limits`, and stop when the signal aborts.
 */
export class LocalRepositoryUrlReader implements UrlReaderService {
  readonly #directories: ReadonlyArray<string>;
  readonly #treeResponseFactory: ReadTreeResponseFactory;
  readonly #limits: LocalReaderLimits;

  constructor(options: {
    /** Absolute paths of the directories of repositories to serve. */
    directories: ReadonlyArray<string>;
    treeResponseFactory: ReadTreeResponseFactory;
    limits?: LocalReaderLimits;
  }) {
    if (options.directories.length === 0) {
      throw new Error('LocalRepositoryUrlReader needs at least one directory');
    }
    if (!options.directories.every(directory => isAbsolute(directory))) {
      throw new Error('LocalRepositoryUrlReader needs absolute directories');
    }
    this.#directories = [...options.directories];
    this.#treeResponseFactory = options.treeResponseFactory;
    this.#limits = options.limits ?? DEFAULT_LOCAL_READER_LIMITS;
  }

  /** The predicate: a `file:` URL below one of the served directories. */
  canRead(url: URL): boolean {
    if (url.protocol !== 'file:') {
      return false;
    }
    try {
      const path = fileURLToPath(url);
      return this.#directories.some(directory => isServedBy(directory, path));
    } catch {
      return false;
    }
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    options?.signal?.throwIfAborted();
    const { path, real, repository } = await this.#resolve(url);
    const stats = await fs.stat(real, { bigint: true });
    if (!stats.isFile()) {
      throw new NotFoundError(`could not read ${url}, it is not a file`);
    }
    if (stats.size > BigInt(this.#limits.maxFileBytes)) {
      throw fileTooLarge(url, stats.size, this.#limits.maxFileBytes);
    }
    const etag = fileEtag(stats);
    const lastModifiedAt = stats.mtime;
    if (options?.etag && options.etag === etag) {
      throw new NotModifiedError();
    }
    if (
      options?.lastModifiedAfter &&
      lastModifiedAt <= options.lastModifiedAfter
    ) {
      throw new NotModifiedError();
    }
    const stream = repositoryFileStream({
      absolute: path,
      name: url,
      realFolder: repository.realFolder,
      maxBytes: this.#limits.maxFileBytes,
      signal: options?.signal,
    });
    return ReadUrlResponseFactory.fromReadable(stream, {
      etag,
      lastModifiedAt,
    });
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const signal = options?.signal;
    signal?.throwIfAborted();
    const { path: root, real, repository } = await this.#resolve(url);
    if (!(await fs.stat(real)).isDirectory()) {
      throw new NotFoundError(`${url} is not a directory`);
    }
    const files = await this.#collect(
      url,
      walkRepositoryFiles({
        directory: repository.directory,
        realDirectory: dirname(repository.realFolder),
        root,
        maxEntries: this.#limits.maxTreeEntries,
        signal,
      }),
      file =>
        !options?.filter ||
        options.filter(file.path, { size: Number(file.stats.size) }),
    );
    const etag = treeEtag(files);
    if (options?.etag && options.etag === etag) {
      throw new NotModifiedError();
    }
    const response = await this.#treeResponseFactory.fromReadableArray(
      files.map(file => ({
        data: repositoryFileStream(this.#fileRead(file, signal)),
        path: file.path,
        lastModifiedAt: file.stats.mtime,
      })),
    );
    return {
      files: () => response.files(),
      archive: () => response.archive(),
      dir: dirOptions => response.dir(dirOptions),
      etag,
    };
  }

  async search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    const signal = options?.signal;
    signal?.throwIfAborted();
    const parsed = this.#parse(url);
    const path = fileURLToPath(parsed);
    if (!hasGlob(path)) {
      return this.#searchOne(url, options);
    }

    const segments = path.split(sep);
    const firstGlob = segments.findIndex(hasGlob);
    const base = segments.slice(0, firstGlob).join(sep) || sep;
    const glob = new SegmentGlob(segments.slice(firstGlob).join('/'));
    const directory = this.#innermostDirectory(base, true);
    if (!directory) {
      throw new NotAllowedError(`${url} ${OUTSIDE}`);
    }
    let realDirectory: string;
    try {
      realDirectory = await fs.realpath(directory);
      if (base !== directory) {
        await this.#resolve(pathToFileURL(base).href);
      }
    } catch (error) {
      if ((error as Error)?.name === 'NotFoundError') {
        return { files: [], etag: '' };
      }
      throw error;
    }
    const matches = await this.#collect(
      url,
      walkRepositoryFiles({
        directory,
        realDirectory,
        root: base,
        maxEntries: this.#limits.maxTreeEntries,
        signal,
        glob,
      }),
      () => true,
    );
    const etag = treeEtag(
      matches.map(file => ({ path: file.absolute, stats: file.stats })),
    );
    if (options?.etag && options.etag === etag) {
      throw new NotModifiedError();
    }
    return {
      files: matches.map(file => ({
        url: pathToFileURL(file.absolute).href,
        content: () => readRepositoryFile(this.#fileRead(file, signal)),
        lastModifiedAt: file.stats.mtime,
      })),
      etag,
    };
  }

  toString(): string {
    return `golden-paths-local{directories=${this.#directories.join(',')}}`;
  }

  async #searchOne(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    try {
      const response = await this.readUrl(url, options);
      const content = await response.buffer();
      return {
        files: [
          {
            url,
            content: async () => content,
            lastModifiedAt: response.lastModifiedAt,
          },
        ],
        etag: response.etag ?? '',
      };
    } catch (error) {
      if ((error as Error)?.name === 'NotFoundError') {
        return { files: [], etag: '' };
      }
      throw error;
    }
  }

  /**
   * The files of a walk that `keep` keeps, within the limits of a tree:
   * their number, their sizes one by one and together.
   */
  async #collect(
    url: string,
    walk: AsyncIterable<WalkedFile>,
    keep: (file: WalkedFile) => boolean,
  ): Promise<WalkedFile[]> {
    const { maxFileBytes, maxTreeFiles, maxTreeBytes } = this.#limits;
    const files: WalkedFile[] = [];
    let bytes = 0;
    for await (const file of walk) {
      if (!keep(file)) {
        continue;
      }
      if (files.length >= maxTreeFiles) {
        throw new InputError(
          `${url} has more than ${maxTreeFiles} files, the limit of ${LOCAL_READER_LIMITS_CONFIG_KEY}.maxTreeFiles; a filter can leave some out`,
        );
      }
      const size = Number(file.stats.size);
      if (size > maxFileBytes) {
        throw fileTooLarge(`${url} ${file.path}`, size, maxFileBytes);
      }
      bytes += size;
      if (bytes > maxTreeBytes) {
        throw new InputError(
          `${url} has more than ${maxTreeBytes} bytes, the limit of ${LOCAL_READER_LIMITS_CONFIG_KEY}.maxTreeBytes; a filter can leave some out`,
        );
      }
      files.push(file);
    }
    return files;
  }

  #fileRead(file: WalkedFile, signal?: AbortSignal) {
    return {
      absolute: file.absolute,
      name: file.path,
      realFolder: file.realFolder,
      maxBytes: this.#limits.maxFileBytes,
      signal,
    };
  }

  #parse(url: string): URL {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new NotAllowedError(`${url} is not a valid URL`);
    }
    if (!this.canRead(parsed) && !this.#isADirectoryItself(parsed)) {
      throw new NotAllowedError(`${url} ${OUTSIDE}`);
    }
    return parsed;
  }

  #isADirectoryItself(url: URL): boolean {
    try {
      return (
        url.protocol === 'file:' &&
        this.#directories.includes(fileURLToPath(url))
      );
    } catch {
      return false;
    }
  }

  /** The innermost served directory that holds `path` (or is it). */
  #innermostDirectory(path: string, orItself = false): string | undefined {
    return this.#directories
      .filter(
        directory =>
          isServedBy(directory, path) || (orItself && directory === path),
      )
      .sort((a, b) => b.length - a.length)[0];
  }

  /**
   * The path of a URL this reader serves, its repository (the first folder
   * below the innermost served directory that holds it), and its real path,
   * after checking that resolving symbolic links keeps it inside that same
   * repository and out of `.git`.
   */
  async #resolve(url: string): Promise<Resolved> {
    const parsed = this.#parse(url);
    if (this.#isADirectoryItself(parsed)) {
      throw new NotAllowedError(`${url} ${OUTSIDE}`);
    }
    const path = fileURLToPath(parsed).replace(/(.)\/+$/, '$1');
    const directory = this.#innermostDirectory(path);
    let repository: LocalRepositoryFolder | undefined;
    let real: string | undefined;
    try {
      repository = directory
        ? await findLocalRepositoryFolder(path, [directory])
        : undefined;
      if (!repository) {
        throw new NotAllowedError(`${url} ${OUTSIDE}`);
      }
      real = await realPathInRepository(path, repository);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
        throw new NotFoundError(`could not read ${url}, it does not exist`);
      }
      throw error;
    }
    if (
      real === undefined ||
      relative(repository.realFolder, real).split(sep).includes('.git')
    ) {
      throw new NotAllowedError(
        `${url} leads outside its repository through a symbolic link`,
      );
    }
    return { path, real, repository };
  }
}
