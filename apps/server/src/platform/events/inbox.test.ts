import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { systemClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { openPglite } from '../db/pglite.ts';
import { envelopeOf, type BusMessage, type EventEnvelope } from './envelope.ts';
import { catalogOf, defineEvent } from './event-catalog.ts';
import { idempotentBatch, idempotentBatchWithEvents } from './inbox.ts';
import { createUnitOfWork } from './unit-of-work.ts';

let database: Database;
before(async () => {
  database = await openPglite(undefined);
  await migrate(database.db, [{ schema: 'platform', dir: path.join(import.meta.dirname, '../db/migrations') }]);
});
after(async () => database?.close());

const catalog = catalogOf(defineEvent('test.thing-counted.v1', Type.Object({ n: Type.Integer() }), 'A thing was counted.'));

function messages(count: number): BusMessage[] {
  const context = { actorId: 'actor-1', correlationId: randomUUID(), causationId: null };
  return Array.from({ length: count }, (_, n) => ({ envelope: envelopeOf('test.thing-happened.v1', { n }, context, new Date()), traceContext: {} }));
}

test('a batch consumer applies each event once, in order, and a redelivered batch passes only the events it has not seen', async () => {
  const applied: unknown[] = [];
  const handleBatch = idempotentBatch(database.db, 'test.batch-once', async (envelopes) => void applied.push(...envelopes.map((e) => e.payload)));
  const batch = messages(4);
  await handleBatch(batch.slice(0, 2));
  await handleBatch([...batch, ...batch]);
  await handleBatch(batch);
  assert.deepEqual(applied, [{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }]);
  const rows = await sql<{ count: number }>`select count(*)::int as count from platform.inbox where consumer = 'test.batch-once'`.execute(database.db);
  assert.equal(rows.rows[0]?.count, 4);
});

test('a batch whose effect throws records none of its events, so a retry applies them all', async () => {
  const applied: unknown[] = [];
  let fail = true;
  const handleBatch = idempotentBatch(database.db, 'test.batch-rollback', async (envelopes) => {
    if (fail) throw new Error('transient');
    applied.push(...envelopes.map((e) => e.payload));
  });
  const batch = messages(3);
  await assert.rejects(handleBatch(batch), /transient/);
  fail = false;
  await handleBatch(batch);
  assert.deepEqual(applied, [{ n: 0 }, { n: 1 }, { n: 2 }]);
});

test('events a batch consumer emits name the event that caused each one, and commit with its inbox rows', async () => {
  const unitOfWork = createUnitOfWork({ db: database.db, catalog, clock: systemClock, afterCommit: () => undefined });
  const handleBatch = idempotentBatchWithEvents(unitOfWork, 'test.batch-emits', async (envelopes, _trx, events) => {
    envelopes.forEach((envelope, n) => events.emitCausedBy(envelope, 'test.thing-counted.v1', { n }));
  });
  const batch = messages(3);
  await handleBatch(batch);
  await handleBatch(batch);
  const emitted = await sql<{ causation_id: string; correlation_id: string; actor_id: string; payload: { n: number } }>`
    select causation_id, correlation_id, actor_id, payload from platform.outbox
    where causation_id = any(${batch.map((m) => m.envelope.id)}::text[]) order by seq`.execute(database.db);
  const causes: EventEnvelope[] = batch.map((m) => m.envelope);
  assert.deepEqual(
    emitted.rows.map((r) => [r.causation_id, r.correlation_id, r.actor_id, r.payload.n]),
    causes.map((e, n) => [e.id, e.correlationId, e.actorId, n]),
  );
});
