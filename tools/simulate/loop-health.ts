import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** How busy a load-generator thread's event loop was since the last look (its delays add to measured latencies). */
export interface LoopHealth {
  readonly delayP99Ms: number;
  readonly delayMaxMs: number;
  /** Share of the time the loop was busy (0..1). */
  readonly utilization: number;
}

/** Starts measuring this thread's event loop; each call of the result reports and starts afresh. */
export function loopMonitor(): () => LoopHealth {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let elu = performance.eventLoopUtilization();
  return () => {
    const next = performance.eventLoopUtilization();
    const health = { delayP99Ms: delay.percentile(99) / 1e6, delayMaxMs: delay.max / 1e6, utilization: performance.eventLoopUtilization(next, elu).utilization };
    elu = next;
    delay.reset();
    return health;
  };
}
