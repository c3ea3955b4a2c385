import type { Logger } from 'pino';
import { runIssuerRound, type IssuerPolicy } from '../application/issuer-saga.ts';
import type { IssuerClient } from '../application/issuer-port.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';

/** Runs the issuer saga: a round every `intervalMs`, and at once when a redemption wakes it. */
export function issuerRunner(deps: RewardsDeps, issuer: IssuerClient, policy: IssuerPolicy, logger: Logger, intervalMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;
  const round = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const claimed = await runIssuerRound(deps, issuer, policy, logger);
          if (claimed > 0) again = true;
        } while (again && !stopped);
      } catch (error) {
        logger.warn({ err: error }, 'issuer saga round failed; retrying on the next tick');
      } finally {
        running = undefined;
      }
    })();
  };
  return {
    start(): void {
      stopped = false;
      timer = setInterval(round, intervalMs);
      timer.unref();
      round();
    },
    wake: round,
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
