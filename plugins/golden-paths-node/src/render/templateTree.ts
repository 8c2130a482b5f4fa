import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  resolveSafeChildPath,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { RenderedFile } from '../scaffold/manifest';
import {
  TEMPLATE_DIRECTORIES_CONFIG_KEY,
  resolveTrustedTemplateDirectories,
} from './templateDirectories';
import {
  limitError,
  readTemplateFile,
  readTemplateFolder,
} from './templateFolder';
import {
  DEFAULT_TEMPLATE_READ_LIMITS,
  readTemplateReadLimits,
  type TemplateReadLimits,
} from './templateReadLimits';

/**
 * What reads a template's files, wherever the template is registered from.
 *
 * @public
 */
export interface TemplateTreeReaderOptions {
  /** Reads templates registered from a URL. */
  urlReader: UrlReaderService;
  /** The Git hosts, to resolve a revision's location against the template's URL. */
  integrations: ScmIntegrationRegistry;
  /**
   * The absolute directories a template registered from a file may be read
   * in (see `readTemplateTreeConfig`); any other `file:` URL is read through
   * the URL readers or not at all.
   */
  templateDirectories: string[];
  /** Bounds on one read; `goldenPaths.templates` defaults when absent. */
  templateLimits?: TemplateReadLimits;
}

/**
 * The trusted template directories and read limits of the app's
 * configuration, for `TemplateTreeReader` and what builds one
 * (`ComponentUpgrader`, the `golden-paths:template:render` action).
 *
 * @public
 */
export function readTemplateTreeConfig(
  config: Config,
): Pick<TemplateTreeReaderOptions, 'templateDirectories' | 'templateLimits'> {
  return {
    templateDirectories: resolveTrustedTemplateDirectories(config),
    templateLimits: readTemplateReadLimits(config),
  };
}

function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return (
    path === '' ||
    (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path))
  );
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Reads the files of a folder next to a registered template. A template
 * registered from a file is read from the disk, but only below its own
 * folder and only inside the directories the configuration trusts (its
 * `catalog.locations` of type `file` and `goldenPaths.templates.directories`),
 * by real path, so a symbolic link cannot lead out. Everything else goes
 * through the URL readers, so a Git host's tag or branch works the same and
 * a template registered from a URL can never name the backend's own files.
 * Every read is bounded in files and bytes.
 *
 * @public
 */
export class TemplateTreeReader {
  readonly #urlReader: UrlReaderService;
  readonly #integrations: ScmIntegrationRegistry;
  readonly #directories: string[];
  readonly #limits: TemplateReadLimits;

  constructor(options: TemplateTreeReaderOptions) {
    this.#urlReader = options.urlReader;
    this.#integrations = options.integrations;
    this.#directories = options.templateDirectories;
    this.#limits = options.templateLimits ?? DEFAULT_TEMPLATE_READ_LIMITS;
  }

  /** The URL of `target` (relative, or absolute) seen from the template file. */
  resolve(templateUrl: string, target: string): string {
    if (templateUrl.startsWith('file:')) {
      if (
        SCHEME.test(target) ||
        isAbsolute(target) ||
        target.startsWith('\\')
      ) {
        throw new NotAllowedError(
          `A template registered from a file reads its revisions below its own folder, not from ${target}`,
        );
      }
      const base = dirname(fileURLToPath(templateUrl));
      return pathToFileURL(resolveSafeChildPath(base, target)).toString();
    }
    const resolved = this.#integrations.resolveUrl({
      url: target,
      base: templateUrl,
    });
    if (resolved.toLowerCase().startsWith('file:')) {
      throw new NotAllowedError(
        `A template registered from ${templateUrl} reads its revisions through the URL readers, never from the backend's files (${target})`,
      );
    }
    return resolved;
  }

  /**
   * Every file below `url`. With `templateUrl` (the registered template's
   * own URL), a folder on the disk must also be below the template's folder.
   */
  async readTree(
    url: string,
    options?: { templateUrl?: string },
  ): Promise<RenderedFile[]> {
    if (url.toLowerCase().startsWith('file:')) {
      const directory = await this.#trustedPath(url, options?.templateUrl);
      if (directory) {
        return readTemplateFolder(directory, url, this.#limits).catch(error => {
          if (error?.code === 'ENOTDIR' || error?.code === 'ENOENT') {
            throw new NotFoundError(`No folder at ${url}`);
          }
          throw error;
        });
      }
    }
    return this.#readTreeByUrl(url);
  }

  /** One file, such as the registered template itself. */
  async readFile(url: string): Promise<Buffer> {
    if (url.toLowerCase().startsWith('file:')) {
      const path = await this.#trustedPath(url);
      if (path) {
        try {
          return (await readTemplateFile(path, url, this.#limits)).content;
        } catch (error) {
          if (error instanceof NotAllowedError) {
            throw error;
          }
          throw new NotFoundError(`No file at ${url}`);
        }
      }
    }
    return this.#readFileByUrl(url);
  }

  /**
   * The real path of a `file:` URL when it is inside a trusted directory
   * (and below `templateUrl`'s folder, when given); undefined when it is
   * outside them. A path that does not exist inside them is not found.
   */
  async #trustedPath(
    url: string,
    templateUrl?: string,
  ): Promise<string | undefined> {
    const parsed = new URL(url);
    if (parsed.search || parsed.hash) {
      throw new NotAllowedError(
        `${url} is not a template folder: a file URL has no ? or # part`,
      );
    }
    const path = fileURLToPath(parsed);
    const real = await realpath(path).catch(() => undefined);
    const roots = await Promise.all(
      this.#directories.map(d => realpath(d).catch(() => d)),
    );
    if (!real) {
      if (this.#directories.some(d => isInside(d, path))) {
        throw new NotFoundError(`No folder or file at ${url}`);
      }
      return undefined;
    }
    if (!roots.some(root => isInside(root, real))) {
      return undefined;
    }
    if (templateUrl?.toLowerCase().startsWith('file:')) {
      const folder = dirname(fileURLToPath(templateUrl));
      const realFolder = await realpath(folder).catch(() => folder);
      if (!isInside(realFolder, real)) {
        throw new NotAllowedError(
          `${url} leads outside its template's folder; a template's revisions are read below it`,
        );
      }
    }
    return real;
  }

  /**
   * A `file:` URL outside the trusted directories is the URL readers' to
   * serve (Golden Paths' local repositories reader serves its own
   * directories), or nobody's: their refusal is told in our words.
   */
  async #byUrlReader<T>(url: string, read: () => Promise<T>): Promise<T> {
    if (!url.toLowerCase().startsWith('file:')) {
      return read();
    }
    try {
      return await read();
    } catch {
      throw new NotAllowedError(
        `${url} is outside the directories templates are read from: register the template in catalog.locations with type file, or add its folder to ${TEMPLATE_DIRECTORIES_CONFIG_KEY}`,
      );
    }
  }

  async #readTreeByUrl(url: string): Promise<RenderedFile[]> {
    const limits = this.#limits;
    // Decided before a file is kept, so a huge tree is not held in memory.
    const seen = {
      files: 0,
      bytes: 0,
      passed: undefined as keyof TemplateReadLimits | undefined,
    };
    const filter = (path: string, info?: { size: number }) => {
      if (seen.passed || path.split('/').includes('.git')) {
        return false;
      }
      const size = info?.size ?? 0;
      seen.files += 1;
      seen.bytes += size;
      if (seen.files > limits.maxFilesPerRevision) {
        seen.passed = 'maxFilesPerRevision';
      } else if (size > limits.maxFileBytes) {
        seen.passed = 'maxFileBytes';
      } else if (seen.bytes > limits.maxBytesPerRevision) {
        seen.passed = 'maxBytesPerRevision';
      }
      return !seen.passed;
    };
    const response = await this.#byUrlReader(url, () =>
      this.#urlReader.readTree(url, { filter }),
    );
    if (seen.passed) {
      throw limitError(url, seen.passed, limits[seen.passed]);
    }
    const read: RenderedFile[] = [];
    let total = 0;
    for (const file of await response.files()) {
      const content = await file.content();
      total += content.length;
      if (content.length > limits.maxFileBytes) {
        throw limitError(
          `${url}: ${file.path}`,
          'maxFileBytes',
          limits.maxFileBytes,
        );
      }
      if (total > limits.maxBytesPerRevision) {
        throw limitError(
          url,
          'maxBytesPerRevision',
          limits.maxBytesPerRevision,
        );
      }
      read.push({ path: file.path, content });
    }
    return read;
  }

  async #readFileByUrl(url: string): Promise<Buffer> {
    const max = this.#limits.maxFileBytes;
    const response = await this.#byUrlReader(url, () =>
      this.#urlReader.readUrl(url),
    );
    if (!response.stream) {
      const content = await response.buffer();
      if (content.length > max) {
        throw limitError(url, 'maxFileBytes', max);
      }
      return content;
    }
    // Stops reading at the limit instead of holding whatever is served.
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of response.stream()) {
      bytes += chunk.length;
      if (bytes > max) {
        throw limitError(url, 'maxFileBytes', max);
      }
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  }
}
