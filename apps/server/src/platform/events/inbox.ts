import { sql, type Transaction } from 'kysely';
import type { NoTables } from '../db/database.ts';
import { sqlOf } from '../db/sql-of.ts';
import type { Tx } from '../db/tx.ts';
import { contextCausedBy, type BusMessage, type EventEnvelope } from './envelope.ts';
import type { EventCatalog } from './event-catalog.ts';
import type { EventSink } from './unit-of-work.ts';
import type { UnitOfWorkPort } from './unit-of-work-port.ts';

/** An effect applied inside the transaction that also records the event in the consumer's inbox. */
export type Effect = (envelope: EventEnvelope, trx: Transaction<NoTables>) => Promise<void>;

/**
 * Makes a consumer apply each event's effect once: the inbox row and the effect commit together,
 * and a redelivered event finds its row and is skipped.
 */
export function idempotent(db: Tx, consumer: string, effect: Effect): (message: BusMessage) => Promise<void> {
  return async ({ envelope }) => {
    await sqlOf(db).transaction().execute(async (trx) => {
      const claimed = await sql`insert into platform.inbox (consumer, event_id) values (${consumer}, ${envelope.id}) on conflict do nothing`.execute(trx);
      if (Number(claimed.numAffectedRows ?? 0n) === 0) return;
      await effect(envelope, trx);
    });
  };
}

/** Keeps a delivery a consumer gave up on, for an operator to inspect. */
export function deadLetterRecorder(db: Tx, consumer: string): (envelope: EventEnvelope, error: unknown, attempts: number) => Promise<void> {
  return async (envelope, error, attempts) => {
    const text = error instanceof Error ? error.message : String(error);
    await sql`insert into platform.dead_letters (consumer, event_id, type, envelope, error, attempts)
      values (${consumer}, ${envelope.id}, ${envelope.type}, ${JSON.stringify(envelope)}::jsonb, ${text}, ${attempts})
      on conflict (consumer, event_id) do update set error = excluded.error, attempts = excluded.attempts, parked_at = now()`.execute(sqlOf(db));
  };
}

/** An effect that also writes events: they go to the outbox in the same transaction as the inbox row. */
export type EffectWithEvents<C extends EventCatalog> = (envelope: EventEnvelope, trx: Tx, events: EventSink<C>) => Promise<void>;

/**
 * Like `idempotent`, for consumers whose effect emits events of its own: the inbox row, the effect and
 * its events commit together in one unit of work, caused by the consumed event.
 */
export function idempotentWithEvents<C extends EventCatalog>(unitOfWork: UnitOfWorkPort<C>, consumer: string, effect: EffectWithEvents<C>): (message: BusMessage) => Promise<void> {
  return async ({ envelope }) => {
    await unitOfWork(contextCausedBy(envelope), async (trx, events) => {
      const claimed = await sql`insert into platform.inbox (consumer, event_id) values (${consumer}, ${envelope.id}) on conflict do nothing`.execute(sqlOf(trx));
      if (Number(claimed.numAffectedRows ?? 0n) === 0) return;
      await effect(envelope, trx, events);
    });
  };
}

/** An effect applied to a batch of events (in publication order) inside one transaction. */
export type BatchEffect = (envelopes: readonly EventEnvelope[], trx: Transaction<NoTables>) => Promise<void>;

/** A batch effect that also writes events; each should name its own cause with `events.emitCausedBy`. */
export type BatchEffectWithEvents<C extends EventCatalog> = (envelopes: readonly EventEnvelope[], trx: Tx, events: EventSink<C>) => Promise<void>;

/**
 * Like `idempotent`, for a batch in one transaction: one inbox row per event, all written by one
 * statement, and the effect sees only the events this consumer has not yet processed, in order.
 * Use the result as a subscription's `handleBatch`, and `(m) => handleBatch([m])` as its `handle`.
 */
export function idempotentBatch(db: Tx, consumer: string, effect: BatchEffect): (messages: readonly BusMessage[]) => Promise<void> {
  return async (messages) => {
    if (messages.length === 0) return;
    await sqlOf(db).transaction().execute(async (trx) => {
      const fresh = await claimInInbox(trx, consumer, messages);
      if (fresh.length > 0) await effect(fresh, trx);
    });
  };
}

/**
 * Like `idempotentWithEvents`, for a batch in one unit of work. `events.emit` names the batch's first
 * event as cause; `events.emitCausedBy(envelope, …)` names the event that really caused it.
 */
export function idempotentBatchWithEvents<C extends EventCatalog>(unitOfWork: UnitOfWorkPort<C>, consumer: string, effect: BatchEffectWithEvents<C>): (messages: readonly BusMessage[]) => Promise<void> {
  return async (messages) => {
    const first = messages[0];
    if (!first) return;
    await unitOfWork(contextCausedBy(first.envelope), async (trx, events) => {
      const fresh = await claimInInbox(trx, consumer, messages);
      if (fresh.length > 0) await effect(fresh, trx, events);
    });
  };
}

/** Records the batch in the consumer's inbox with one statement; returns the envelopes not seen before, in order, each once. */
async function claimInInbox(trx: Tx, consumer: string, messages: readonly BusMessage[]): Promise<EventEnvelope[]> {
  // Sorted: two overlapping batches (a redelivery in another order) then wait on each other's rows in one order, never in a circle.
  const ids = [...new Set(messages.map((m) => m.envelope.id.toLowerCase()))].sort();
  const claimed = await sql<{ event_id: string }>`insert into platform.inbox (consumer, event_id)
    select ${consumer}, id from unnest(${ids}::uuid[]) as batch(id)
    on conflict do nothing returning event_id`.execute(sqlOf(trx));
  const fresh = new Set(claimed.rows.map((r) => r.event_id.toLowerCase()));
  const seen = new Set<string>();
  return messages.flatMap(({ envelope }) => {
    const id = envelope.id.toLowerCase();
    if (!fresh.has(id) || seen.has(id)) return [];
    seen.add(id);
    return [envelope];
  });
}
