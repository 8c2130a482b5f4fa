import { constants, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { NotAllowedError } from '@backstage/errors';
import type { RenderedFile } from '../scaffold/manifest';
import {
  TEMPLATE_READ_LIMITS_CONFIG_KEY,
  type TemplateReadLimits,
} from './templateReadLimits';

/** The error of a read past one of the limits, naming its config key. */
export function limitError(
  what: string,
  limit: keyof TemplateReadLimits,
  value: number,
): NotAllowedError {
  return new NotAllowedError(
    `${what} is larger than ${TEMPLATE_READ_LIMITS_CONFIG_KEY}.${limit} (${value}); it was not read`,
  );
}

/**
 * One file of a template folder, without following a symbolic link (the
 * open itself refuses one, so a swap after a check cannot lead elsewhere),
 * and only when it is no larger than `maxFileBytes`.
 */
export async function readTemplateFile(
  path: string,
  what: string,
  limits: Pick<TemplateReadLimits, 'maxFileBytes'>,
): Promise<{ content: Buffer; executable: boolean }> {
  const handle = await fs.open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new NotAllowedError(`${what} is not a file`);
    }
    if (stats.size > limits.maxFileBytes) {
      throw limitError(what, 'maxFileBytes', limits.maxFileBytes);
    }
    const content = await handle.readFile();
    if (content.length > limits.maxFileBytes) {
      throw limitError(what, 'maxFileBytes', limits.maxFileBytes);
    }
    return { content, executable: (stats.mode & 0o111) !== 0 };
  } finally {
    await handle.close();
  }
}

/**
 * Every file below a template folder, within the limits: symbolic links
 * and `.git` are skipped, never followed, and the walk stops at the first
 * limit passed instead of reading on. `what` names the folder in errors as
 * the caller knows it (its URL), never by its real path.
 */
export async function readTemplateFolder(
  directory: string,
  what: string,
  limits: TemplateReadLimits,
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  let entries = 0;
  let bytes = 0;
  const pending: string[] = [''];
  while (pending.length > 0) {
    const relative = pending.shift()!;
    // Entry by entry, so a folder of millions stops at the limit.
    const children = await fs.opendir(join(directory, relative));
    for await (const child of children) {
      if (child.isSymbolicLink() || child.name === '.git') {
        continue;
      }
      entries += 1;
      if (entries > limits.maxFilesPerRevision) {
        throw limitError(
          `${what} (files and folders)`,
          'maxFilesPerRevision',
          limits.maxFilesPerRevision,
        );
      }
      const path = relative ? `${relative}/${child.name}` : child.name;
      if (child.isDirectory()) {
        pending.push(path);
      } else if (child.isFile()) {
        const file = await readTemplateFile(
          join(directory, path),
          `${what}: ${path}`,
          limits,
        );
        bytes += file.content.length;
        if (bytes > limits.maxBytesPerRevision) {
          throw limitError(
            what,
            'maxBytesPerRevision',
            limits.maxBytesPerRevision,
          );
        }
        files.push({ path, ...file });
      }
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
