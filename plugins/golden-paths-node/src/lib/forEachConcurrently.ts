/**
 * Runs `work` on every item, at most `concurrency` at a time; rejects with
 * the first failure once the running items have settled.
 *
 * @public
 */
export async function forEachConcurrently<T>(
  items: ReadonlyArray<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      if (failure) {
        return;
      }
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, worker),
  );
  if (failure) {
    throw failure.error;
  }
}
