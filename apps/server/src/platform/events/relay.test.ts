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
