import { createHash } from 'node:crypto';
import { Stats, promises as fs } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
  isChildPath,
} from '@backstage/backend-plugin-api';
import {
  ReadTreeResponseFactory,
  ReadUrlResponseFactory,
} from '@backstage/backend-defaults/urlReader';
import {
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';

type LocalFile = {
  /** Absolute path as asked for (before resolving links). */
  path: string;
  /** The served directory the file was found in. */
  directory: string;
  content: Buffer;
  stats: Stats;
  /** A symbolic link that leads out of the directory: never read. */
  leaksOut?: boolean;
};

/** Inside `base` by the text of the path alone, without touching the disk. */
function isBelow(base: string, path: string): boolean {
  const rel = relative(base, path);
  return (
    rel !== '' &&
    rel !== '..' &&
    !rel.startsWith(`..${sep}`) &&
    !isAbsolute(rel)
  );
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function treeEtag(files: Array<{ path: string; content: Buffer }>): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(`${file.path}\0${sha256(file.content)}\n`);
  }
  return hash.digest('hex');
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function hasGlob(path: string): boolean {
  return /[*?]/.test(path);
}

/** `**` crosses directories, `*` and `?` do not. */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      if (pattern[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Below `directory` and not inside a `.git` directory there. */
function isServedBy(directory: string, path: string): boolean {
  return (
    isBelow(directory, path) &&
    !relative(directory, path).split(sep).includes('.git')
  );
}

const OUTSIDE =
  'is not inside a local repositories directory (goldenPaths.scaffolder.localPublish.directory or goldenPaths.localRepositories.directories)';

/**
 * Reads `file://` URLs of local repositories, and nothing else: those that
 * `golden-paths:publish:local` created, and those in the further directories
 * of `goldenPaths.localRepositories.directories`. The path must be inside
 * one of these directories both as written and once symbolic links are
 * resolved (the same directory both times), and never inside a `.git`
 * directory.
 */
export class LocalRepositoryUrlReader implements UrlReaderService {
  readonly #directories: ReadonlyArray<string>;
  readonly #treeResponseFactory: ReadTreeResponseFactory;

  constructor(options: {
    /** Absolute paths of the directories of repositories to serve. */
    directories: ReadonlyArray<string>;
    treeResponseFactory: ReadTreeResponseFactory;
  }) {
    if (options.directories.length === 0) {
      throw new Error('LocalRepositoryUrlReader needs at least one directory');
    }
    if (!options.directories.every(directory => isAbsolute(directory))) {
      throw new Error('LocalRepositoryUrlReader needs absolute directories');
    }
    this.#directories = [...options.directories];
    this.#treeResponseFactory = options.treeResponseFactory;
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
    const { path, directory } = await this.#resolve(url);
    const file = await this.#readFile(url, path, directory);
    const etag = sha256(file.content);
    if (options?.etag && options.etag === etag) {
      throw new NotModifiedError();
    }
    if (
      options?.lastModifiedAfter &&
      file.stats.mtime <= options.lastModifiedAfter
    ) {
      throw new NotModifiedError();
    }
    return ReadUrlResponseFactory.fromReadable(Readable.from([file.content]), {
      etag,
      lastModifiedAt: file.stats.mtime,
    });
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const { path: root, directory } = await this.#resolve(url);
    const stats = await fs.stat(root);
    if (!stats.isDirectory()) {
      throw new NotFoundError(`${url} is not a directory`);
    }
    const files = (await this.#walk(root, directory)).filter(
      file =>
        !options?.filter ||
        options.filter(toPosix(relative(root, file.path)), {
          size: file.stats.size,
        }),
    );
    this.#refuseLeaks(files);
    const relativeFiles = files.map(file => ({
      path: toPosix(relative(root, file.path)),
      content: file.content,
      lastModifiedAt: file.stats.mtime,
    }));
    const etag = treeEtag(relativeFiles);
    if (options?.etag && options.etag === etag) {
      throw new NotModifiedError();
    }
    const response = await this.#treeResponseFactory.fromReadableArray(
      relativeFiles.map(file => ({
        data: Readable.from([file.content]),
        path: file.path,
        lastModifiedAt: file.lastModifiedAt,
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
    const parsed = this.#parse(url);
    const path = fileURLToPath(parsed);
    if (!hasGlob(path)) {
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

    const segments = path.split(sep);
    const firstGlob = segments.findIndex(hasGlob);
    const base = segments.slice(0, firstGlob).join(sep) || sep;
    const directory = this.#directories.find(
      candidate => base === candidate || isServedBy(candidate, base),
    );
    if (!directory) {
      throw new NotAllowedError(`${url} ${OUTSIDE}`);
    }
    const matcher = globToRegExp(toPosix(segments.slice(firstGlob).join(sep)));
    let candidates: LocalFile[];
    try {
      const resolved = await this.#resolve(pathToFileURL(base).href, true);
      candidates = await this.#walk(resolved.path, resolved.directory);
    } catch (error) {
      if ((error as Error)?.name === 'NotFoundError') {
        return { files: [], etag: '' };
      }
      throw error;
    }
    const matches = candidates.filter(file =>
      matcher.test(toPosix(relative(base, file.path))),
    );
    this.#refuseLeaks(matches);
    const etag = treeEtag(
      matches.map(file => ({ path: file.path, content: file.content })),
    );
    if (options?.etag && options.etag === etag) {
      throw new NotModifiedError();
    }
    return {
      files: matches.map(file => ({
        url: pathToFileURL(file.path).href,
        content: async () => file.content,
        lastModifiedAt: file.stats.mtime,
      })),
      etag,
    };
  }

  toString(): string {
    return `golden-paths-local{directories=${this.#directories.join(',')}}`;
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

  /**
   * The path of a URL this reader serves, and the served directory it is
   * in, after checking that resolving symbolic links keeps it inside that
   * same directory. When served directories nest, any of those that hold
   * the path as written may hold it once resolved.
   */
  async #resolve(
    url: string,
    allowDirectoryItself = false,
  ): Promise<{ path: string; directory: string }> {
    const parsed = this.#parse(url);
    if (!allowDirectoryItself && this.#isADirectoryItself(parsed)) {
      throw new NotAllowedError(`${url} ${OUTSIDE}`);
    }
    const path = fileURLToPath(parsed);
    const holders = this.#directories.filter(
      directory =>
        isServedBy(directory, path) ||
        (allowDirectoryItself && directory === path),
    );
    let realPath: string;
    try {
      realPath = await fs.realpath(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
        throw new NotFoundError(`could not read ${url}, it does not exist`);
      }
      throw error;
    }
    for (const directory of holders) {
      const realDirectory = await fs.realpath(directory).catch(() => undefined);
      if (
        realDirectory !== undefined &&
        isChildPath(realDirectory, realPath) &&
        !relative(realDirectory, realPath).split(sep).includes('.git')
      ) {
        return { path, directory };
      }
    }
    throw new NotAllowedError(
      `${url} leads outside the local repositories directory through a symbolic link`,
    );
  }

  async #readFile(
    url: string,
    path: string,
    directory: string,
  ): Promise<LocalFile> {
    const stats = await fs.stat(path);
    if (!stats.isFile()) {
      throw new NotFoundError(`could not read ${url}, it is not a file`);
    }
    return { path, directory, content: await fs.readFile(path), stats };
  }

  #refuseLeaks(files: LocalFile[]): void {
    const leak = files.find(file => file.leaksOut);
    if (leak) {
      throw new NotAllowedError(
        `${toPosix(
          relative(leak.directory, leak.path),
        )} is a symbolic link that leads outside the local repositories directory`,
      );
    }
  }

  /**
   * Every file below a directory, leaving out `.git`. Links to files inside
   * the directory are read through; links to directories are not followed
   * (no cycles); links leading outside are marked, never read, and refused
   * by the caller when they are asked for.
   */
  async #walk(root: string, directory: string): Promise<LocalFile[]> {
    const realDirectory = await fs.realpath(directory);
    const files: LocalFile[] = [];
    const visit = async (current: string): Promise<void> => {
      const children = await fs.readdir(current, { withFileTypes: true });
      for (const child of children) {
        if (child.name === '.git') {
          continue;
        }
        const path = join(current, child.name);
        if (child.isDirectory()) {
          await visit(path);
        } else if (child.isFile()) {
          const stats = await fs.stat(path);
          files.push({
            path,
            directory,
            content: await fs.readFile(path),
            stats,
          });
        } else if (child.isSymbolicLink()) {
          const real = await fs.realpath(path).catch(() => undefined);
          if (real === undefined) {
            continue;
          }
          if (
            !isChildPath(realDirectory, real) ||
            relative(realDirectory, real).split(sep).includes('.git')
          ) {
            const stats = await fs.lstat(path);
            files.push({
              path,
              directory,
              content: Buffer.alloc(0),
              stats,
              leaksOut: true,
            });
            continue;
          }
          const stats = await fs.stat(real);
          if (stats.isFile()) {
            files.push({
              path,
              directory,
              content: await fs.readFile(real),
              stats,
            });
          }
        }
      }
    };
    await visit(root);
    return files;
  }
}
