import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  resolveSafeChildPath,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import { serializeDirectoryContents } from '@backstage/plugin-scaffolder-node';
import type { RenderedFile } from '../scaffold/manifest';

/**
 * What reads a template's files, wherever the template is registered from.
 *
 * @public
 */
export interface TemplateTreeReaderOptions {
  urlReader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
}

/**
 * Reads the files of a folder next to a registered template: from the
 * disk when the template was registered from a file (as the scaffolder's
 * own `fetch:template` does, and only below the template's folder), else
 * through the URL readers, so a Git host's tag or branch works the same.
 *
 * @public
 */
export class TemplateTreeReader {
  readonly #urlReader: UrlReaderService;
  readonly #integrations: ScmIntegrationRegistry;

  constructor(options: TemplateTreeReaderOptions) {
    this.#urlReader = options.urlReader;
    this.#integrations = options.integrations;
  }

  /** The URL of `target` (relative, or absolute) seen from the template file. */
  resolve(templateUrl: string, target: string): string {
    if (templateUrl.startsWith('file:')) {
      const base = dirname(fileURLToPath(templateUrl));
      if (/^[a-z]+:/i.test(target)) {
        throw new NotFoundError(
          `A template registered from a file reads its revisions below its own folder, not from ${target}`,
        );
      }
      return pathToFileURL(resolveSafeChildPath(base, target)).toString();
    }
    return this.#integrations.resolveUrl({ url: target, base: templateUrl });
  }

  async readTree(url: string): Promise<RenderedFile[]> {
    if (url.startsWith('file:')) {
      const directory = fileURLToPath(url);
      const found = await stat(directory).catch(() => undefined);
      if (!found?.isDirectory()) {
        throw new NotFoundError(`No folder at ${url}`);
      }
      // The scaffolder's own reader: dot files, executable bits, no .git.
      const files = await serializeDirectoryContents(directory);
      return files
        .filter(file => !file.symlink)
        .map(({ path, content, executable }) => ({
          path,
          content,
          executable,
        }));
    }
    const response = await this.#urlReader.readTree(url);
    const files = await response.files();
    return Promise.all(
      files.map(async file => ({
        path: file.path,
        content: await file.content(),
      })),
    );
  }

  async readFile(url: string): Promise<Buffer> {
    if (url.startsWith('file:')) {
      return readFile(fileURLToPath(url)).catch(() => {
        throw new NotFoundError(`No file at ${url}`);
      });
    }
    const response = await this.#urlReader.readUrl(url);
    return response.buffer();
  }
}
