import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { NotImplementedError } from '@backstage/errors';

/**
 * A Git host's URL reader, as the real ones behave: `readTree` streams the
 * tree, asks the filter with each file's size before keeping its content,
 * and stops when the signal fires. It records what it was asked for, so a
 * test sees how much of a repository a caller read.
 */
export class DirectoryHostReader implements UrlReaderService {
  /** Every file the filter was asked about, relative to the root. */
  readonly offered: string[] = [];
  /** Every file whose content was read, relative to the root. */
  readonly contentsRead: string[] = [];

  constructor(private readonly root: string) {}

  async readUrl(): Promise<never> {
    throw new NotImplementedError('readUrl');
  }
  async search(): Promise<never> {
    throw new NotImplementedError('search');
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const base = join(this.root, new URL(url).pathname);
    const paths: string[] = [];
    const walk = async (directory: string) => {
      for (const entry of await readdir(directory, { withFileTypes: true })) {
        const full = join(directory, entry.name);
        if (entry.isDirectory()) {
          await walk(full);
        } else {
          paths.push(full);
        }
      }
    };
    await walk(base);
    return {
      etag: 'served-from-disk',
      files: async () => {
        const files = [];
        for (const full of paths) {
          options?.signal?.throwIfAborted();
          const path = relative(base, full);
          const { size } = await stat(full);
          this.offered.push(relative(this.root, full));
          if (options?.filter && !options.filter(path, { size })) {
            continue;
          }
          const content = await readFile(full);
          this.contentsRead.push(relative(this.root, full));
          files.push({ path, content: async () => content });
        }
        return files;
      },
      archive: async () => {
        throw new NotImplementedError('archive');
      },
      dir: async () => {
        throw new NotImplementedError('dir');
      },
    };
  }
}
