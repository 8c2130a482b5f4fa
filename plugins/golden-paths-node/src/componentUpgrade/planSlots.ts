import { ServiceUnavailableError } from '@backstage/errors';
import { untilAborted } from './repositoryBudget';
import { type UpgradeLimits, upgradeLimitKey } from './upgradeLimits';

/** Seconds a caller refused for want of a slot is told to wait. */
const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * How many upgrade plans one backend instance prepares at once: at most
 * `concurrency` run, at most `maxQueued` wait in order, and the rest are
 * refused at once; each runs under a deadline of `planTimeoutMs`.
 */
export class PlanSlots {
  readonly #limits: Pick<
    UpgradeLimits,
    'concurrency' | 'maxQueued' | 'planTimeoutMs'
  >;
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(
    limits: Pick<UpgradeLimits, 'concurrency' | 'maxQueued' | 'planTimeoutMs'>,
  ) {
    this.#limits = limits;
  }

  /**
   * Runs `work` in a slot, with a signal that fires at the deadline; the
   * slot is freed when the work settles or the deadline passes.
   */
  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const limits = this.#limits;
    if (this.#running < limits.concurrency) {
      this.#running += 1;
    } else if (this.#waiting.length < limits.maxQueued) {
      // #release hands its slot over: #running stays as it is.
      await new Promise<void>(resolve => this.#waiting.push(resolve));
    } else {
      throw Object.assign(
        new ServiceUnavailableError(
          `${this.#running} upgrade plans are being prepared and ${
            this.#waiting.length
          } wait, the most this backend allows (${upgradeLimitKey(
            'concurrency',
          )}, ${upgradeLimitKey('maxQueued')}); try again shortly`,
        ),
        { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
      );
    }
    const deadline = new AbortController();
    const timer = setTimeout(
      () =>
        deadline.abort(
          new ServiceUnavailableError(
            `The upgrade plan took longer than ${
              limits.planTimeoutMs
            } ms (${upgradeLimitKey('planTimeoutMs')}) and was stopped`,
          ),
        ),
      limits.planTimeoutMs,
    );
    try {
      return await untilAborted(work(deadline.signal), deadline.signal);
    } finally {
      clearTimeout(timer);
      this.#release();
    }
  }

  #release() {
    const next = this.#waiting.shift();
    if (next) {
      next();
    } else {
      this.#running -= 1;
    }
  }
}
