import { monitorEventLoopDelay } from 'node:perf_hooks';

/* The process's heap, RSS and event loop while something runs. */
const MB = 1024 * 1024;

export interface ProcessSample {
  heapBaselineMb: number;
  heapPeakMb: number;
  heapGrowthMb: number;
  /** Heap after a full collection at the end, minus the baseline. */
  heapRetainedMb: number;
  rssPeakMb: number;
  /** `monitorEventLoopDelay`, 10 ms resolution. */
  loopDelayMaxMs: number;
  loopDelayP99Ms: number;
  /** Ticks of a 20 ms interval that came more than 100 ms late. */
  stalls: number;
  longestStallMs: number;
}

/**
 * Samples heap and RSS every 50 ms and watches the event loop until the
 * returned function is called. Collects garbage first (with --expose-gc),
 * so the baseline is what is live.
 */
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export function startSampling(): () => ProcessSample {
  gc();
  const baseline = process.memoryUsage();
  let heapPeak = baseline.heapUsed;
  let rssPeak = baseline.rss;
  const memory = setInterval(() => {
    const usage = process.memoryUsage();
    heapPeak = Math.max(heapPeak, usage.heapUsed);
    rssPeak = Math.max(rssPeak, usage.rss);
  }, 50);

  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const TICK_MS = 20;
  let stalls = 0;
  let longestStall = 0;
  let last = performance.now();
  const drift = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    last = now;
    if (late > 100) {
      stalls += 1;
      longestStall = Math.max(longestStall, late);
    }
  }, TICK_MS);

  return () => {
    clearInterval(memory);
    clearInterval(drift);
    histogram.disable();
    const end = process.memoryUsage();
    heapPeak = Math.max(heapPeak, end.heapUsed);
    rssPeak = Math.max(rssPeak, end.rss);
    gc();
    const retained = process.memoryUsage().heapUsed;
    return {
      heapBaselineMb: baseline.heapUsed / MB,
      heapPeakMb: heapPeak / MB,
      heapGrowthMb: (heapPeak - baseline.heapUsed) / MB,
      heapRetainedMb: (retained - baseline.heapUsed) / MB,
      rssPeakMb: rssPeak / MB,
      loopDelayMaxMs: histogram.max / 1e6,
      loopDelayP99Ms: histogram.percentile(99) / 1e6,
      stalls,
      longestStallMs: longestStall,
    };
  };
}
