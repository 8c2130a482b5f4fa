import { createHash } from 'node:crypto';
import type { ScaffoldManifestEntry } from './scaffoldRecord';

/**
 * A file as a template renders it or a repository holds it.
 *
 * @public
 */
export interface RenderedFile {
  /** The path relative to the repository's root, with `/` separators. */
  path: string;
  /** The file's bytes. */
  content: Buffer;
  /** Whether the file has its executable bit set. */
  executable?: boolean;
}

/** Plain code-unit order, the same on every machine and locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The manifest of rendered files, sorted by path.
 *
 * @public
 */
export function manifestOf(files: RenderedFile[]): ScaffoldManifestEntry[] {
  return [...files]
    .sort((a, b) => compareCodeUnits(a.path, b.path))
    .map(file => ({
      path: file.path,
      sha256: sha256(file.content),
      ...(file.executable ? { executable: true } : {}),
    }));
}

/**
 * One hash over a tree of files (paths, modes and contents), written
 * `sha256:<hex>`: what a template revision is pinned by.
 *
 * @public
 */
export function contentHashOf(files: RenderedFile[]): string {
  const hash = createHash('sha256');
  for (const entry of manifestOf(files)) {
    hash.update(
      `${entry.executable ? '755' : '644'} ${entry.sha256} ${entry.path}\n`,
    );
  }
  return `sha256:${hash.digest('hex')}`;
}
