import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { type RepositoryReadLimits, upgradeLimitKey } from './upgradeLimits';

/**
 * Counts what a read of a component's repository takes, file by file, and
 * says which bound a file passes: the plan is refused rather than made from
 * part of the repository.
 */
export class RepositoryBudget {
  readonly #limits: RepositoryReadLimits;
  #files = 0;
  #bytes = 0;
  /** The first bound passed; later files are not counted. */
  exceeded?: InputError;

  constructor(limits: RepositoryReadLimits) {
    this.#limits = limits;
  }

  /**
   * Counts one file of `size` bytes (when known). Returns the error when
   * this file passes a bound, and keeps it in {@link RepositoryBudget.exceeded}.
   */
  add(path: string, size: number | undefined): InputError | undefined {
    if (this.exceeded) {
      return this.exceeded;
    }
    const limits = this.#limits;
    this.#files += 1;
    if (this.#files > limits.maxFiles) {
      return this.tooManyFiles();
    }
    if (size === undefined) {
      return undefined;
    }
    if (size > limits.maxFileBytes) {
      return this.#refuse(
        `has a file of ${size} bytes (${path}), larger than ${limits.maxFileBytes} bytes`,
        'repositories.maxFileBytes',
      );
    }
    this.#bytes += size;
    if (this.#bytes > limits.maxTotalBytes) {
      return this.#refuse(
        `holds more than ${limits.maxTotalBytes} bytes`,
        'repositories.maxTotalBytes',
      );
    }
    return undefined;
  }

  /** The error of a repository with more files than allowed. */
  tooManyFiles(): InputError {
    return this.#refuse(
      `has more than ${this.#limits.maxFiles} files`,
      'repositories.maxFiles',
    );
  }

  #refuse(what: string, key: string): InputError {
    this.exceeded ??= new InputError(
      `The component's repository ${what}, more than an upgrade reads (${upgradeLimitKey(
        key,
      )}); nothing was planned`,
    );
    return this.exceeded;
  }
}

/** The error of a repository read that took longer than allowed. */
export function readTimeoutError(
  limits: RepositoryReadLimits,
): ServiceUnavailableError {
  return new ServiceUnavailableError(
    `Reading the component's repository took longer than ${
      limits.timeoutMs
    } ms (${upgradeLimitKey('repositories.timeoutMs')}); nothing was planned`,
  );
}

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it
 * fires: a reader that ignores the signal cannot hold the caller.
 */
export function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
