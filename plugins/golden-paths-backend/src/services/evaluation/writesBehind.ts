/** Starts a write behind the caller's back; see {@link withWritesBehind}. */
export type StartWrite = (write: () => Promise<void>) => Promise<void>;

/**
 * Runs `work`, which starts writes with the function it is given and goes
 * on while they run: a page's results are written while the next page is
 * read and evaluated.
 *
 * At most `limit` writes run at once (starting one more waits for one to
 * finish), so memory stays bounded by a few pages. A failed write fails the
 * whole: the next start throws its error, and `withWritesBehind` throws it
 * once every write has settled. It never returns or throws while a write
 * is still running, so a caller that undoes the writes on failure undoes
 * all of them.
 */
export async function withWritesBehind(
  limit: number,
  work: (startWrite: StartWrite) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;

  const startWrite: StartWrite = async write => {
    while (running.size >= limit) {
      await Promise.race(running);
    }
    if (failure) {
      throw failure.error;
    }
    const settled: Promise<void> = Promise.resolve()
      .then(write)
      .catch(error => {
        failure ??= { error };
      })
      .then(() => {
        running.delete(settled);
      });
    running.add(settled);
  };

  try {
    await work(startWrite);
  } finally {
    await Promise.all(running);
  }
  if (failure) {
    throw failure.error;
  }
}
