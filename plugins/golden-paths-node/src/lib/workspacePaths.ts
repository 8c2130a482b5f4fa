import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, sep, win32 } from 'node:path';
import {
  isChildPath,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { errorCode } from './errorCode';

/**
 * Resolves a path given as action input inside the workspace. Absolute paths
 * are refused even when they happen to point into the workspace: templates
 * must not depend on where the scaffolder keeps its workspaces.
 *
 * @public
 */
export function resolveWorkspacePath(
  workspacePath: string,
  value: string,
  inputName: string,
): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `${inputName} must be a non-empty path relative to the workspace`,
    );
  }
  if (value.includes('\0')) {
    throw new InputError(`${inputName} must not contain NUL characters`);
  }
  if (isAbsolute(value) || win32.isAbsolute(value)) {
    throw new InputError(
      `${inputName} must be a path relative to the workspace, not the absolute path "${value}"`,
    );
  }
  try {
    return resolveSafeChildPath(workspacePath, value);
  } catch {
    throw new InputError(
      `${inputName} "${value}" points outside the workspace`,
    );
  }
}

/**
 * Checks that no symbolic link between `base` and `target` leads out of
 * `base`: resolveSafeChildPath only looks at the text of the path. Parts of
 * the path that do not exist yet are fine.
 *
 * @public
 */
export async function assertNoEscapingLinks(
  base: string,
  target: string,
  what: string,
): Promise<void> {
  const realBase = await fs.realpath(base);
  let current = base;
  for (const part of relative(base, target).split(sep).filter(Boolean)) {
    current = join(current, part);
    let stat;
    try {
      stat = await fs.lstat(current);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        return;
      }
      throw error;
    }
    if (stat.isSymbolicLink()) {
      let real: string;
      try {
        real = await fs.realpath(current);
      } catch {
        throw new InputError(
          `${what} goes through the broken symbolic link ${relative(
            base,
            current,
          )}`,
        );
      }
      if (!isChildPath(realBase, real)) {
        throw new InputError(
          `${what} goes through the symbolic link ${relative(
            base,
            current,
          )}, which points outside the workspace`,
        );
      }
    }
  }
}

/**
 * Workspace-relative path with forward slashes, for outputs and messages.
 *
 * @public
 */
export function toPosixRelative(base: string, target: string): string {
  return relative(base, target).split(sep).join('/');
}
