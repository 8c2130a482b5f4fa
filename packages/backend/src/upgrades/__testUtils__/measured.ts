const MB = 1024 * 1024;

/**
 * What `work` resolved to, and how far the process's buffers grew at their
 * peak meanwhile (in MB): a file read whole shows as its size.
 */
export async function measured<T>(work: () => Promise<T>) {
  const before = process.memoryUsage().arrayBuffers;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    return { result, buffersMb: Math.round((peak - before) / MB) };
  } finally {
    clearInterval(sampler);
  }
}
