import { promises as fs } from 'node:fs';
import {
  dirname,
  isAbsolute,
  join,
  posix,
  relative,
  sep,
  win32,
} from 'node:path';
import {
  isChildPath,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError, isError } from '@backstage/errors';
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

/**
 * Resolves a directory given as action input inside the workspace, written
 * as templates are written on every platform: relative, with forward slashes
 * only. Absolute paths, backslashes and `..` out of the workspace are
 * refused outright; then symbolic links are followed, so a link in the
 * workspace that points outside it is refused too.
 *
 * @public
 */
export function resolveWorkspaceDirectory(
  workspacePath: string,
  value: string,
  inputName: string,
): string {
  return resolveWorkspaceChild(
    workspacePath,
    workspacePath,
    normalizeWorkspaceRelative(value, inputName),
    inputName,
  );
}

/**
 * Resolves a file given as action input inside the workspace, by the rules
 * of {@link resolveWorkspaceDirectory}; the path must name a file, not `.`
 * or a path ending in a slash.
 *
 * @public
 */
export function resolveWorkspaceFile(
  workspacePath: string,
  value: string,
  inputName: string,
): string {
  const normalized = normalizeWorkspaceRelative(value, inputName);
  if (normalized === '.' || normalized.endsWith('/')) {
    throw new InputError(`${inputName} must name a file`);
  }
  return resolveWorkspaceChild(
    workspacePath,
    workspacePath,
    normalized,
    inputName,
  );
}

/**
 * Checks a path that an action writes into a generated file (a Dockerfile
 * named in a pipeline) rather than opening: relative to the repository's
 * root and never above it. Nothing is resolved, as the repository the path
 * will be read in is not the workspace.
 *
 * @public
 */
export function assertRepositoryRelativePath(
  value: string,
  inputName: string,
): void {
  if (isAbsolute(value) || leavesRoot(posix.normalize(value))) {
    throw new InputError(
      `${inputName} must be a path inside the repository, relative to its root`,
    );
  }
}

/**
 * Writes a file of the workspace, creating its directory. Unless
 * `overwrite`, an existing file is refused atomically (flag `wx`), so that
 * nothing already in the workspace is replaced unless the template asks for
 * it: an InputError names the file as `what`.
 *
 * @public
 */
export async function writeWorkspaceFile(
  path: string,
  content: string,
  options: { overwrite: boolean; what: string },
): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  try {
    await fs.writeFile(path, content, {
      encoding: 'utf8',
      flag: options.overwrite ? 'w' : 'wx',
    });
  } catch (error) {
    if (errorCode(error) === 'EEXIST') {
      throw new InputError(
        `${options.what} already exists in the workspace; set overwrite: true to replace it`,
      );
    }
    throw error;
  }
}

/**
 * A relative path with forward slashes, normalized; absolute paths,
 * backslashes and `..` out of the workspace are refused.
 */
function normalizeWorkspaceRelative(value: string, inputName: string): string {
  if (isAbsolute(value) || win32.isAbsolute(value) || value.includes('\\')) {
    throw new InputError(
      `${inputName} must be a relative path with forward slashes inside the workspace`,
    );
  }
  const normalized = posix.normalize(value);
  if (leavesRoot(normalized)) {
    throw new InputError(`${inputName} must stay inside the workspace`);
  }
  return normalized;
}

/** Whether a normalized POSIX path climbs above where it starts. */
function leavesRoot(normalized: string): boolean {
  return normalized === '..' || normalized.startsWith('../');
}

/**
 * Resolves `name` inside `directory`, itself inside the workspace, following
 * symbolic links: the result must stay inside both, so a file that is a link
 * to somewhere else is refused like a linked directory.
 *
 * @public
 */
export function resolveWorkspaceChild(
  workspacePath: string,
  directory: string,
  name: string,
  inputName: string,
): string {
  try {
    const absolute = resolveSafeChildPath(directory, name);
    return resolveSafeChildPath(workspacePath, absolute);
  } catch (error) {
    if (isError(error) && error.name === 'NotAllowedError') {
      throw new InputError(
        `${inputName} resolves outside the workspace through a symbolic link`,
      );
    }
    throw error;
  }
}

/**
 * Whether anything (a file, a directory or a symbolic link, even a broken
 * one) is at `path`. Links are not followed.
 *
 * @public
 */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return false;
    }
    throw error;
  }
}
