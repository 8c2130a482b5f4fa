import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchBackend } from './backend';
import { vacuum } from './evaluationRuns';

/* The catalog's processing loop: waited for, quiesced, or kept busy. */
/** Entities the catalog serves: stitched, `final_entity` written. */
export async function stitchedCount(backend: BenchBackend): Promise<number> {
  const row = await backend
    .catalogDb('final_entities')
    .whereNotNull('final_entity')
    .count({ count: '*' })
    .first();
  return Number(row?.count ?? 0);
}

/** Waits until the catalog serves `expected` entities. */
export async function waitForStitched(
  backend: BenchBackend,
  expected: number,
  onProgress: (count: number) => void,
): Promise<void> {
  let lastCount = -1;
  let lastChange = Date.now();
  let lastVacuum = Date.now();
  for (;;) {
    const count = await stitchedCount(backend);
    if (count >= expected) {
      onProgress(count);
      await vacuum(backend, 'catalog');
      return;
    }
    if (Date.now() - lastVacuum > 120_000) {
      await vacuum(backend, 'catalog');
      lastVacuum = Date.now();
    }
    if (count !== lastCount) {
      lastCount = count;
      lastChange = Date.now();
      onProgress(count);
    } else if (Date.now() - lastChange > 300_000) {
      const errors = await backend
        .catalogDb('refresh_state')
        .whereNot('errors', '')
        .select('entity_ref', 'errors')
        .limit(3);
      throw new Error(
        `The catalog stopped at ${count} of ${expected} entities; errors: ${JSON.stringify(
          errors,
        )}`,
      );
    }
    await sleep(5000);
  }
}

/**
 * The processing loop picks entities whose `next_update_at` has passed.
 * Quiescent: none of the processed ones due for a day (unprocessed ones
 * stay due, so an interrupted load still completes).
 */
export async function quiesceProcessingLoop(
  backend: BenchBackend,
): Promise<void> {
  const db = backend.catalogDb;
  await db('refresh_state')
    .whereNotNull('result_hash')
    .update({ next_update_at: db.raw(`now() + interval '1 day'`) });
  // Let the batches already taken finish.
  await sleep(5000);
}

/**
 * Keeps the processing loop busy, as in a large catalog whose loop never
 * catches up with the default 100-150 s interval: every entity is made due,
 * and again whenever fewer than 1000 are left. Returns a function that
 * stops it and says how many entities the loop took meanwhile.
 */
export async function keepProcessingLoopBusy(
  backend: BenchBackend,
): Promise<() => Promise<number>> {
  const db = backend.catalogDb;
  const makeAllDue = () =>
    db('refresh_state').update({ next_update_at: db.fn.now() });
  let due = await makeAllDue();
  let taken = 0;
  let stopped = false;
  const watching = (async () => {
    while (!stopped) {
      await sleep(2000);
      const now = await dueEntities(backend);
      taken += Math.max(0, due - now);
      due = now < 1000 && !stopped ? await makeAllDue() : now;
    }
  })();
  return async () => {
    stopped = true;
    await watching;
    taken += Math.max(0, due - (await dueEntities(backend)));
    return taken;
  };
}

/** Entities due for processing now. */
export async function dueEntities(backend: BenchBackend): Promise<number> {
  const row = await backend
    .catalogDb('refresh_state')
    .where('next_update_at', '<=', backend.catalogDb.fn.now())
    .count({ count: '*' })
    .first();
  return Number(row?.count ?? 0);
}
