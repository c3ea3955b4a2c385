import type { Logger } from 'pino';
import { closeLapsedWindows, endOpenWindow } from '../application/availability.ts';
import type { ConnectionsDeps } from '../application/connections-deps.ts';
import { expireRequests } from '../application/requests.ts';

const SWEEP_MEMORY_MS = 1000;
const SWEEP_DATABASE_MS = 2000;
const QR_RETENTION_MS = 24 * 60 * 60_000;

/** The module's timers: lapsed windows and requests, quiet positions, old QR codes, and disconnect grace for officers. */
export function housekeeping(deps: ConnectionsDeps, logger: Logger, graceSeconds: number) {
  const timers: NodeJS.Timeout[] = [];
  const graces = new Map<string, NodeJS.Timeout>();
  let running = false;
  let lastPurge = 0;
  const sweepDatabase = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await closeLapsedWindows(deps);
      await expireRequests(deps);
      const now = deps.clock.now().getTime();
      if (now - lastPurge > 10 * 60_000) {
        lastPurge = now;
        await deps.store.purgeQr(deps.db, new Date(now - QR_RETENTION_MS));
      }
    } catch (error) {
      logger.warn({ err: error }, 'connections housekeeping failed; retrying');
    } finally {
      running = false;
    }
  };
  return {
    start(): void {
      timers.push(setInterval(() => deps.hub.sweep(), SWEEP_MEMORY_MS).unref());
      timers.push(setInterval(() => void sweepDatabase(), SWEEP_DATABASE_MS).unref());
    },
    /** Someone's first socket here opened: any grace running for them stops. */
    online(userId: string): void {
      clearTimeout(graces.get(userId));
      graces.delete(userId);
      deps.hub.cameOnline(userId);
    },
    /** Someone's last socket here closed: a citizen's position goes now; an available officer has a grace period to come back (on any instance). */
    offline(userId: string, isOnlineHere: () => boolean): void {
      deps.hub.stopSharing(userId);
      if (!deps.map.windowOf(userId)) return;
      const leftAt = deps.clock.now().getTime();
      clearTimeout(graces.get(userId));
      graces.set(userId, setTimeout(() => {
        graces.delete(userId);
        const seen = deps.hub.lastSeenOnline(userId);
        if (isOnlineHere() || (seen !== undefined && seen > leftAt)) return;
        endOpenWindow(deps, userId, 'disconnected', { actorId: null, correlationId: `grace-${userId}`, causationId: null }).catch((error: unknown) => logger.warn({ err: error }, 'could not close a disconnected officer’s window'));
      }, graceSeconds * 1000).unref());
    },
    stop(): void {
      for (const timer of timers) clearInterval(timer);
      for (const timer of graces.values()) clearTimeout(timer);
      timers.length = 0;
      graces.clear();
    },
  };
}
