import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pino from 'pino';
import { migrationSetsOf } from '../../composition.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { openPglite } from '../db/pglite.ts';
import { createMetrics } from '../observability/metrics.ts';
import { envelopeOf } from './envelope.ts';
import { InProcessBus } from './in-process-bus.ts';
import { appendToOutbox } from './outbox.ts';
import { OutboxRelay } from './relay.ts';

let database: Database;
before(async () => {
  database = await openPglite(undefined);
  await migrate(database.db, migrationSetsOf([]));
});
after(async () => database?.close());

test('an in-process backlog on PGlite leaves the event loop free between events (timers and sockets are not starved)', async () => {
  const bus = new InProcessBus();
  let handled = 0;
  // Each consumer runs queries; PGlite answers them without returning to the event loop.
  bus.subscribe({ consumer: 'test.slow', types: ['test.thing.v1'], handle: async () => void (await sql`select count(*) from platform.outbox`.execute(database.db), handled++) });
  await bus.start();
  const context = { actorId: null, correlationId: crypto.randomUUID(), causationId: null };
  await database.db.transaction().execute((trx) => appendToOutbox(trx, Array.from({ length: 50 }, (_, n) => envelopeOf('test.thing.v1', { n }, context, new Date()))));
  const relay = new OutboxRelay({ db: database.db, bus, logger: pino({ level: 'silent' }), metrics: createMetrics(), options: { pollMs: 10, batchSize: 50, maxAttempts: 3 } });
  let handledWhenTimerFired = -1;
  setTimeout(() => (handledWhenTimerFired = handled), 1);
  assert.equal(await relay.runOnce(), 50);
  assert.equal(handled, 50);
  assert.ok(handledWhenTimerFired >= 0 && handledWhenTimerFired < 50, `a 1 ms timer fired while the batch ran (after ${handledWhenTimerFired} events)`);
  await bus.close();
});

for (const exclusive of [false, true]) test(`a poison row in a batch is counted and parked alone: the rest of the batch is published and marked once (${exclusive ? 'a relay alone on its database reads rows' : 'rows leased'})`, async () => {
  const bus = new InProcessBus();
  const type = `test.poisoned-${exclusive ? 'alone' : 'leased'}.v1`;
  const isPoison = (payload: unknown): boolean => JSON.stringify(payload) === '{"n":2}';
  const handled: unknown[] = [];
  bus.subscribe({
    consumer: 'test.poisoned',
    types: [type],
    handle: async ({ envelope }) => (isPoison(envelope.payload) ? Promise.reject(new Error('poison')) : void handled.push(envelope.payload)),
    handleBatch: async (messages) => (messages.some((m) => isPoison(m.envelope.payload)) ? Promise.reject(new Error('poison in the batch')) : void handled.push(...messages.map((m) => m.envelope.payload))),
  });
  await bus.start();
  const context = { actorId: null, correlationId: crypto.randomUUID(), causationId: null };
  await database.db.transaction().execute((trx) => appendToOutbox(trx, Array.from({ length: 5 }, (_, n) => envelopeOf(type, { n }, context, new Date()))));
  const relay = new OutboxRelay({ db: database.db, bus, logger: pino({ level: 'silent' }), metrics: createMetrics(), options: { pollMs: 10, batchSize: 50, maxAttempts: 2, exclusive } });
  assert.equal(await relay.runOnce(), 5);
  assert.deepEqual(handled, [{ n: 0 }, { n: 1 }, { n: 3 }, { n: 4 }]);
  await sql`update platform.outbox set claimed_until = null where type = ${type}`.execute(database.db);
  assert.equal(await relay.runOnce(), 1, 'only the poison row is claimed again');
  const rows = await sql<{ n: number; attempts: number; published: boolean; parked: boolean; last_error: string | null }>`
    select (payload->>'n')::int as n, attempts, published_at is not null as published, parked_at is not null as parked, last_error
    from platform.outbox where type = ${type} order by seq`.execute(database.db);
  assert.deepEqual(rows.rows.map((r) => [r.n, r.attempts, r.published, r.parked]), [[0, 1, true, false], [1, 1, true, false], [2, 2, false, true], [3, 1, true, false], [4, 1, true, false]]);
  assert.match(rows.rows[2]?.last_error ?? '', /test\.poisoned: poison/);
  await bus.close();
});

test('during a backlog the relay claims past what it published, and a row that committed late below it still goes out', async () => {
  const bus = new InProcessBus();
  const type = 'test.backlog.v1';
  const handled: number[] = [];
  bus.subscribe({ consumer: 'test.backlog', types: [type], handle: async ({ envelope }) => void handled.push((envelope.payload as { n: number }).n) });
  await bus.start();
  const context = { actorId: null, correlationId: crypto.randomUUID(), causationId: null };
  const append = (from: number, count: number): Promise<void> =>
    database.db.transaction().execute((trx) => appendToOutbox(trx, Array.from({ length: count }, (_, n) => envelopeOf(type, { n: from + n }, context, new Date()))));
  // A transaction that takes its seq now and commits after the relay has moved past it.
  const lateSeq = (await sql<{ seq: string }>`select nextval('platform.outbox_seq_seq') as seq`.execute(database.db)).rows[0]?.seq;
  await append(0, 30);
  const relay = new OutboxRelay({ db: database.db, bus, logger: pino({ level: 'silent' }), metrics: createMetrics(), options: { pollMs: 10, batchSize: 10, maxAttempts: 3, exclusive: true } });
  assert.equal(await relay.runOnce(), 10);
  await new Promise((resolve) => setTimeout(resolve, 550));
  assert.equal(await relay.runOnce(), 10, 'the first claim has settled: this one starts past it');
  await sql`insert into platform.outbox (seq, id, type, occurred_at, correlation_id, payload)
    values (${lateSeq}, ${crypto.randomUUID()}, ${type}, now(), ${context.correlationId}, '{"n":1000}'::jsonb)`.execute(database.db);
  await new Promise((resolve) => setTimeout(resolve, 550));
  assert.equal(await relay.runOnce(), 10, 'past the settled claims: the late row is below them');
  assert.ok(!handled.includes(1_000));
  assert.equal(await relay.runOnce(), 0, 'nothing past the floor');
  assert.equal(await relay.runOnce(), 1, 'caught up: the whole index, and the late row');
  assert.deepEqual([...handled].sort((a, b) => a - b), [...Array.from({ length: 30 }, (_, n) => n), 1_000], 'every row published once');
  await bus.close();
});

test('a relay stopped right after an event was committed publishes it on its way out (an instance records its stop just before)', async () => {
  const bus = new InProcessBus();
  const type = 'test.last-words.v1';
  const handled: unknown[] = [];
  bus.subscribe({ consumer: 'test.last-words', types: [type], handle: async ({ envelope }) => void handled.push(envelope.payload) });
  await bus.start();
  const relay = new OutboxRelay({ db: database.db, bus, logger: pino({ level: 'silent' }), metrics: createMetrics(), options: { pollMs: 60_000, batchSize: 10, maxAttempts: 3, lingerMs: 60_000, exclusive: true } });
  relay.start();
  await relay.stop();
  relay.start();
  // Asleep after an empty claim, as an idle relay is, and not woken: without a last look the event below would wait for the next start.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const context = { actorId: null, correlationId: crypto.randomUUID(), causationId: null };
  await database.db.transaction().execute((trx) => appendToOutbox(trx, [envelopeOf(type, { bye: true }, context, new Date())]));
  await relay.stop();
  assert.deepEqual(handled, [{ bye: true }]);
  await bus.close();
});
