import type {
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import type {
  RepositoryFile,
  RepositorySnapshot,
} from '@golden-paths/golden-paths-node';
import { forEachConcurrently } from '@golden-paths/golden-paths-node';
import { minimatch } from 'minimatch';
import type {
  EvaluationStore,
  RepositoryCacheEntry,
} from '../../database/EvaluationStore';
import type { RepositoryLimits } from './RepositoryLimits';

/** What one pass of reads did, for the run's figures. */
export interface RepositoryReadCounts {
  reads: number;
  notModified: number;
  failures: number;
}

/** One repository to read and the file patterns its checks need. */
export interface RepositoryRequest {
  location: string;
  patterns: string[];
}

/**
 * Reads the files the checks need from components' repositories through the
 * URL reader, within limits of size, count and concurrency, and keeps them by
 * ETag: a repository is downloaded again only when its ETag changed.
 */
export class RepositoryReader {
  readonly #urlReader: UrlReaderService;
  readonly #store: EvaluationStore;
  readonly #logger: LoggerService;
  readonly #limits: RepositoryLimits;

  constructor(options: {
    urlReader: UrlReaderService;
    store: EvaluationStore;
    logger: LoggerService;
    limits: RepositoryLimits;
  }) {
    this.#urlReader = options.urlReader;
    this.#store = options.store;
    this.#logger = options.logger;
    this.#limits = options.limits;
  }

  /**
   * Reads each distinct repository once. Never throws: a repository that
   * cannot be read gives an `unavailable` snapshot with the reason.
   *
   * @param budget - Remaining downloads allowed in this evaluation; the
   * function decrements it.
   */
  async read(
    requests: RepositoryRequest[],
    budget: { remaining: number },
    counts: RepositoryReadCounts,
  ): Promise<Map<string, RepositorySnapshot>> {
    const unique = new Map<string, RepositoryRequest>();
    for (const request of requests) {
      unique.set(request.location, request);
    }
    const cached = unique.size
      ? await this.#store.getRepositoryCache([...unique.keys()])
      : new Map<string, RepositoryCacheEntry>();
    const results = new Map<string, RepositorySnapshot>();
    const toCache: RepositoryCacheEntry[] = [];
    await forEachConcurrently(
      [...unique.values()],
      this.#limits.concurrency,
      async request => {
        const outcome = await this.#readOne(
          request,
          cached.get(request.location),
          budget,
          counts,
        );
        results.set(request.location, outcome.snapshot);
        if (outcome.cache) {
          toCache.push(outcome.cache);
        }
      },
    );
    if (toCache.length) {
      await this.#store.putRepositoryCache(toCache);
    }
    return results;
  }

  async #readOne(
    request: RepositoryRequest,
    cached: RepositoryCacheEntry | undefined,
    budget: { remaining: number },
    counts: RepositoryReadCounts,
  ): Promise<{ snapshot: RepositorySnapshot; cache?: RepositoryCacheEntry }> {
    const patternsKey = [...request.patterns].sort().join('\n');
    const usable =
      cached && cached.patternsKey === patternsKey ? cached : undefined;
    if (budget.remaining <= 0) {
      return {
        snapshot: usable?.snapshot ?? {
          status: 'unavailable',
          location: request.location,
          reason: `not read in this evaluation: the limit of ${
            this.#limits.maxReadsPerRun
          } repository reads per evaluation was reached`,
          files: [],
        },
      };
    }
    budget.remaining -= 1;
    try {
      const response = await this.#urlReader.readTree(request.location, {
        etag: usable?.etag,
        signal: AbortSignal.timeout(this.#limits.timeoutMs),
        filter: (path, info) =>
          request.patterns.some(pattern =>
            minimatch(path, pattern, { dot: true }),
          ) &&
          (info?.size === undefined || info.size <= this.#limits.maxFileBytes),
      });
      counts.reads += 1;
      const snapshot = await this.#snapshotOf(request.location, response);
      return {
        snapshot,
        cache: {
          location: request.location,
          etag: response.etag,
          patternsKey,
          snapshot,
          readAt: new Date(),
        },
      };
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError' && usable) {
        counts.notModified += 1;
        return { snapshot: usable.snapshot };
      }
      counts.failures += 1;
      const message = isError(error) ? error.message : String(error);
      this.#logger.debug(`Could not read ${request.location}: ${message}`);
      return {
        snapshot: {
          status: 'unavailable',
          location: request.location,
          reason: message,
          files: [],
        },
      };
    }
  }

  async #snapshotOf(
    location: string,
    response: Awaited<ReturnType<UrlReaderService['readTree']>>,
  ): Promise<RepositorySnapshot> {
    const entries = (await response.files()).sort((a, b) =>
      a.path.localeCompare(b.path),
    );
    const files: RepositoryFile[] = [];
    let bytes = 0;
    let truncated = false;
    for (const entry of entries) {
      if (files.length >= this.#limits.maxFilesPerRepository) {
        truncated = true;
        break;
      }
      const content = await entry.content();
      if (
        content.length > this.#limits.maxFileBytes ||
        bytes + content.length > this.#limits.maxBytesPerRepository
      ) {
        truncated = true;
        continue;
      }
      bytes += content.length;
      files.push({ path: entry.path, content: content.toString('utf8') });
    }
    return {
      status: 'read',
      location,
      files,
      ...(truncated ? { truncated } : {}),
    };
  }
}
