import { sql, type Transaction } from 'kysely';
import type { Db, NoTables } from '../db/database.ts';
import { contextCausedBy, type BusMessage, type EventEnvelope } from './envelope.ts';
import type { EventCatalog } from './event-catalog.ts';
import type { EventSink, UnitOfWork } from './unit-of-work.ts';

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

/** An effect that also writes events: they go to the outbox in the same transaction as the inbox row. */
export type EffectWithEvents<C extends EventCatalog> = (envelope: EventEnvelope, trx: Transaction<NoTables>, events: EventSink<C>) => Promise<void>;

/**
 * Like `idempotent`, for consumers whose effect emits events of its own: the inbox row, the effect and
 * its events commit together in one unit of work, caused by the consumed event.
 */
export function idempotentWithEvents<C extends EventCatalog>(unitOfWork: UnitOfWork<C>, consumer: string, effect: EffectWithEvents<C>): (message: BusMessage) => Promise<void> {
  return async ({ envelope }) => {
    await unitOfWork(contextCausedBy(envelope), async (trx, events) => {
      const claimed = await sql`insert into platform.inbox (consumer, event_id) values (${consumer}, ${envelope.id}) on conflict do nothing`.execute(trx);
      if (Number(claimed.numAffectedRows ?? 0n) === 0) return;
      await effect(envelope, trx, events);
    });
  };
}
