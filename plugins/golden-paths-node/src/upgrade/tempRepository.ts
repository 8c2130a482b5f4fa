import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit } from './git';
import type { ObjectFormat } from './objectId';

/** A bare repository of our own under the system's temporary folder. */
export interface TempRepository {
  /** The folder holding the repository and scratch files. */
  root: string;
  gitDir: string;
  format: ObjectFormat;
  dispose(): Promise<void>;
}

/**
 * Lets `gitDir` read (never write) the objects of another object folder.
 * Idempotent.
 */
export async function addAlternate(gitDir: string, objectsDir: string) {
  const file = join(gitDir, 'objects', 'info', 'alternates');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (!existing.split('\n').includes(objectsDir)) {
    await appendFile(file, `${objectsDir}\n`);
  }
}

/**
 * Creates a temporary bare repository; with `alternateObjects`, it reads
 * that object folder's objects without copying them.
 */
export async function createTempRepository(options: {
  format: ObjectFormat;
  alternateObjects?: string;
}): Promise<TempRepository> {
  const root = await mkdtemp(join(tmpdir(), 'golden-paths-merge-'));
  const dispose = () => rm(root, { recursive: true, force: true });
  const gitDir = join(root, 'repo.git');
  try {
    await runGit({
      args: [
        'init',
        '--bare',
        '--quiet',
        '--template=',
        `--object-format=${options.format}`,
        gitDir,
      ],
    });
    if (options.alternateObjects) {
      await addAlternate(gitDir, options.alternateObjects);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { root, gitDir, format: options.format, dispose };
}
