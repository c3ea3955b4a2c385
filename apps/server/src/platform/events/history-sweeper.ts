import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { yieldIfStarved } from './loop-turns.ts';

/** How long the event history and the inbox are kept (see docs/adr/0004-outbox-relay-inbox.md). */
export interface HistoryRetention {
  /** Published events older than this many days are deleted; 0 keeps them forever. */
  readonly eventDays: number;
  /** Inbox rows older than this many days are deleted (never those of an event still to publish). */
  readonly inboxDays: number;
  /** Rows per delete statement, so a sweep never holds long locks nor starves PGlite's event loop. */
  readonly rowsPerStatement?: number;
}

/**
 * Inbox rows must outlive every path that can deliver an event again: a relay lease (30 s), the relay's
 * backoff (≤ 300 s × OUTBOX_MAX_ATTEMPTS), NATS redelivery (max_deliver × (ack wait + ≤ 30 s backoff))
 * and its 2-minute duplicate window — about an hour at most. Thirty days leaves an operator time to
 * replay parked rows and dead letters without an effect happening twice.
 */
export const INBOX_DAYS = 30;

const DAY_MS = 86_400_000;

/** Deletes old published events and old inbox rows in bounded statements; returns how many of each. */
export async function sweepEventHistory(db: Db, retention: HistoryRetention, now = new Date()): Promise<{ events: number; inbox: number }> {
  const limit = retention.rowsPerStatement ?? 5000;
  let events = 0;
  if (retention.eventDays > 0) {
    const cutoff = new Date(now.getTime() - retention.eventDays * DAY_MS);
    events = await inBatches(limit, async () =>
      sql`delete from platform.outbox where seq in (
        select seq from platform.outbox where occurred_at < ${cutoff} and published_at is not null limit ${limit})`.execute(db));
  }
  const inboxCutoff = new Date(now.getTime() - retention.inboxDays * DAY_MS);
  // An event still to publish (pending or parked) may reach its consumers again: their rows stay.
  const inbox = await inBatches(limit, async () =>
    sql`delete from platform.inbox where (consumer, event_id) in (
      select i.consumer, i.event_id from platform.inbox i
      where i.processed_at < ${inboxCutoff}
        and not exists (select 1 from platform.outbox o where o.id = i.event_id and o.published_at is null)
      limit ${limit})`.execute(db));
  return { events, inbox };
}

async function inBatches(limit: number, deleteSome: () => Promise<{ numAffectedRows?: bigint }>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = Number((await deleteSome()).numAffectedRows ?? 0n);
    total += deleted;
    if (deleted < limit) return total;
    // PGlite answers without returning to the event loop: give timers and sockets a turn between statements.
    await yieldIfStarved();
  }
}

/** Sweeps the event history now and then on every instance (deletes are idempotent); `stop` waits for a sweep in hand. */
export function startHistorySweeper(deps: { db: Db; retention: HistoryRetention; logger: Logger; everyMs?: number }): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const sweep = (): void => {
    running ??= sweepEventHistory(deps.db, deps.retention)
      .then((swept) => {
        if (swept.events > 0 || swept.inbox > 0) deps.logger.info(swept, 'event history swept');
      })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'event history sweep failed'))
      .finally(() => (running = undefined));
  };
  const first = setTimeout(sweep, 60_000);
  const timer = setInterval(sweep, deps.everyMs ?? 3_600_000);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
