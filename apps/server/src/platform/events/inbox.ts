import { sql, type Transaction } from 'kysely';
import type { Db, NoTables } from '../db/database.ts';
import type { BusMessage, EventEnvelope } from './envelope.ts';

/** An effect applied inside the transaction that also records the event in the consumer's inbox. */
export type Effect = (envelope: EventEnvelope, trx: Transaction<NoTables>) => Promise<void>;

/**
 * Makes a consumer apply each event's effect once: the inbox row and the effect commit together,
 * and a redelivered event finds its row and is skipped.
 */
export function idempotent(db: Db, consumer: string, effect: Effect): (message: BusMessage) => Promise<void> {
  return async ({ envelope }) => {
    await db.transaction().execute(async (trx) => {
      const claimed = await sql`insert into platform.inbox (consumer, event_id) values (${consumer}, ${envelope.id}) on conflict do nothing`.execute(trx);
      if (Number(claimed.numAffectedRows ?? 0n) === 0) return;
      await effect(envelope, trx);
    });
  };
}

/** Keeps a delivery a consumer gave up on, for an operator to inspect. */
export function deadLetterRecorder(db: Db, consumer: string): (envelope: EventEnvelope, error: unknown, attempts: number) => Promise<void> {
  return async (envelope, error, attempts) => {
    const text = error instanceof Error ? error.message : String(error);
    await sql`insert into platform.dead_letters (consumer, event_id, type, envelope, error, attempts)
      values (${consumer}, ${envelope.id}, ${envelope.type}, ${JSON.stringify(envelope)}::jsonb, ${text}, ${attempts})
      on conflict (consumer, event_id) do update set error = excluded.error, attempts = excluded.attempts, parked_at = now()`.execute(db);
  };
}
