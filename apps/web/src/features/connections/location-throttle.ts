/** One position fix as the socket takes it: `accuracy` in metres, `at` the fix time in epoch ms. */
export interface LocationFix {
  lat: number;
  lon: number;
  accuracy: number;
  at: number;
}

/**
 * The gap between two sends. The server takes at most one fix a second and drops faster ones
 * (`CONNECTIONS_LOCATION_TOO_FREQUENT`); a little more than a second leaves room for network jitter.
 */
export const minSendIntervalMs = 1_100;

export interface LocationThrottleOptions {
  /** Sends a fix; answers false when it could not (socket not open), so the next one goes at once. */
  send: (fix: LocationFix) => boolean;
  intervalMs?: number;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface LocationThrottle {
  /** Offers a new fix: sent now if the last send is old enough, else kept and sent when it is (only the newest). */
  push(fix: LocationFix): void;
  /** Forgets any waiting fix and timer. */
  stop(): void;
}

/** Sends location fixes at most once per interval, never losing the newest one. */
export function createLocationThrottle(options: LocationThrottleOptions): LocationThrottle {
  const {
    send,
    intervalMs = minSendIntervalMs,
    now = Date.now,
    setTimer = (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
    clearTimer = (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  } = options;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let pending: LocationFix | undefined;
  let timer: unknown;

  function flush() {
    timer = undefined;
    const fix = pending;
    pending = undefined;
    if (fix && send(fix)) lastSentAt = now();
  }

  return {
    push(fix) {
      pending = fix;
      if (timer !== undefined) return;
      const wait = lastSentAt + intervalMs - now();
      if (wait <= 0) flush();
      else timer = setTimer(flush, wait);
    },
    stop() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
