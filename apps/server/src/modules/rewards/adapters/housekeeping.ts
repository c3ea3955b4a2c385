import type { Logger } from 'pino';
import type { Tx } from '../../../platform/db/tx.ts';
import type { IdempotencyStore } from '../application/idempotency-ports.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';

/** How long an Idempotency-Key is remembered: a retry after this runs as a new request (docs/rewards-api.md). */
export const IDEMPOTENCY_KEY_RETENTION_MS = 7 * 24 * 60 * 60_000;
const SWEEP_MS = 10 * 60_000;
const BATCH = 5_000;

/** Forgets idempotency keys past their retention, a batch at a time so no sweep holds locks for long. */
export async function forgetOldIdempotencyKeys(keys: IdempotencyStore, db: Tx, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_RETENTION_MS);
  let forgotten = 0;
  for (;;) {
    const n = await keys.forgetBefore(db, before, BATCH);
    forgotten += n;
    if (n < BATCH) return forgotten;
  }
}

/** The module's timer: old idempotency keys are swept every ten minutes on every instance (the delete is idempotent). */
export function housekeeping(deps: RewardsDeps, logger: Logger) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const sweep = (): void => {
    running ??= forgetOldIdempotencyKeys(deps.keys, deps.db, deps.clock.now())
      .then((n) => {
        if (n > 0) logger.info({ forgotten: n }, 'forgot idempotency keys past their retention');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'rewards housekeeping failed; retrying'))
      .finally(() => {
        running = undefined;
      });
  };
  return {
    start(): void {
      timer = setInterval(sweep, SWEEP_MS).unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
