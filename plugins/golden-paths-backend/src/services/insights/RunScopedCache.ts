/**
 * Answers computed from one evaluation run, kept until another run becomes
 * current: the stored results, and the facts they are filtered by, change
 * only then. Bounded, least recently used first out; a failed computation
 * is not kept.
 */
export class RunScopedCache<T> {
  readonly #maxEntries: number;
  #runId: number | undefined;
  readonly #entries = new Map<string, Promise<T>>();

  constructor(options: { maxEntries: number }) {
    this.#maxEntries = options.maxEntries;
  }

  get(runId: number, key: string, compute: () => Promise<T>): Promise<T> {
    if (runId !== this.#runId) {
      this.#entries.clear();
      this.#runId = runId;
    }
    const cached = this.#entries.get(key);
    if (cached) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const computed = compute();
    this.#entries.set(key, computed);
    computed.catch(() => {
      if (this.#entries.get(key) === computed) {
        this.#entries.delete(key);
      }
    });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) {
        break;
      }
      this.#entries.delete(oldest);
    }
    return computed;
  }
}
