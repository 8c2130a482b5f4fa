import { constants, promises as fs } from 'node:fs';
import { relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { realPathInRepository } from '../localRepositories/repositoryFolder';
import { LOCAL_READER_LIMITS_CONFIG_KEY } from './localReaderLimits';

const CHUNK_BYTES = 64 * 1024;

/** One file of a local repository to read, and the bounds of the read. */
export interface RepositoryFileRead {
  /** Absolute, as written. */
  absolute: string;
  /** For messages. */
  name: string;
  /** The real folder of its repository: the read must resolve inside it. */
  realFolder: string;
  maxBytes: number;
  signal?: AbortSignal;
}

/** The refusal of a file larger than `maxFileBytes`. */
export function fileTooLarge(name: string, size: bigint | number, max: number) {
  return new InputError(
    `${name} is ${size} bytes, more than the ${max} of ${LOCAL_READER_LIMITS_CONFIG_KEY}.maxFileBytes`,
  );
}

async function* chunksOf(read: RepositoryFileRead): AsyncGenerator<Buffer> {
  read.signal?.throwIfAborted();
  // Resolved again when read: what the walk saw may have been replaced.
  const real = await realPathInRepository(read.absolute, read).catch(error => {
    if (error?.code === 'ENOENT' || error?.code === 'ENOTDIR') {
      throw new NotFoundError(`could not read ${read.name}, it does not exist`);
    }
    throw error;
  });
  if (
    real === undefined ||
    relative(read.realFolder, real).split(sep).includes('.git')
  ) {
    throw new NotAllowedError(
      `${read.name} leads outside its repository through a symbolic link`,
    );
  }
  const handle = await fs.open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new NotFoundError(`could not read ${read.name}, it is not a file`);
    }
    if (stats.size > read.maxBytes) {
      throw fileTooLarge(read.name, stats.size, read.maxBytes);
    }
    let total = 0;
    for (;;) {
      read.signal?.throwIfAborted();
      // One byte more than the size left, to notice a file that grew.
      const size = Math.min(
        CHUNK_BYTES,
        Math.max(Number(stats.size) - total, 0) + 1,
      );
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) {
        return;
      }
      total += bytesRead;
      if (total > read.maxBytes) {
        throw fileTooLarge(read.name, total, read.maxBytes);
      }
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * The content of a file of a local repository as a stream that opens the
 * file only when read, re-checks that it resolves inside its repository,
 * reads at most `maxBytes` (failing beyond) and stops when the signal
 * aborts.
 */
export function repositoryFileStream(read: RepositoryFileRead): Readable {
  return Readable.from(chunksOf(read), { objectMode: false });
}

/** The whole content of a file of a local repository, within its bounds. */
export async function readRepositoryFile(
  read: RepositoryFileRead,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of chunksOf(read)) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
