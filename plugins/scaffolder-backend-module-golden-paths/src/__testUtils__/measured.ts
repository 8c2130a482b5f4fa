const MB = 1024 * 1024;

/** The response, how long it took, and the process's peak memory growth. */
export async function measured<T>(work: () => Promise<T>) {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakBuffers = before.arrayBuffers;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
  }, 5);
  const started = Date.now();
  try {
    const result = await work();
    return {
      result,
      ms: Date.now() - started,
      rssMb: Math.round((peakRss - before.rss) / MB),
      buffersMb: Math.round((peakBuffers - before.arrayBuffers) / MB),
    };
  } finally {
    clearInterval(sampler);
  }
}
