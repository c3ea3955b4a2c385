import { setImmediate as setImmediatePromise } from 'node:timers/promises';

/** When the probe still waiting for a turn of the event loop was scheduled, if one is. */
let probeSince: number | undefined;

/**
 * Gives the event loop a turn, but only when it has had none for `afterMs`. PGlite answers queries
 * without returning to the event loop, so a chain of queries (a relay backlog, queued transactions)
 * starves timers and sockets — the whole embedded server — until it ends; yielding after every event
 * instead would put the relay behind every other chain (a batch waited up to 133 ms for its turn).
 * A probe scheduled with `setImmediate` tells whether the loop has turned since.
 */
export async function yieldIfStarved(afterMs = 5): Promise<void> {
  const now = performance.now();
  if (probeSince === undefined) {
    probeSince = now;
    setImmediate(() => (probeSince = undefined));
    return;
  }
  if (now - probeSince >= afterMs) await setImmediatePromise();
}
