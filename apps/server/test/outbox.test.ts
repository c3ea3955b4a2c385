import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pino from 'pino';
import type { Server } from '../src/composition.ts';
import { composeTestServer } from './support/server.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { EventBus } from '../src/platform/events/bus.ts';
import type { BusMessage } from '../src/platform/events/envelope.ts';
import { createMetrics } from '../src/platform/observability/metrics.ts';
import { OutboxRelay } from '../src/platform/events/relay.ts';
import { createUnitOfWork } from '../src/platform/events/unit-of-work.ts';
import { distributedSettings, freshPostgresDatabase, skipWithoutPostgres } from './support/services.ts';
import { waitUntil } from './support/wait.ts';
import { probeEvents, probeModule } from './fixtures/probe-module/index.ts';

async function applied(server: Server, thingId: string): Promise<number | undefined> {
  const rows = await sql<{ applied: number }>`select applied from probe.effects where thing_id = ${thingId}`.execute(server.database.db);
  return rows.rows[0]?.applied;
}

async function record(server: Server, label: string): Promise<string> {
  const response = await server.app.inject({ method: 'POST', url: '/api/v1/probe/things', payload: { label } });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ id: string }>().id;
}

function outboxSuite(mode: string, settings: () => Promise<{ settings: Record<string, string>; subjectPrefix?: string; drop?(): Promise<void> }>, skip: string | false = false): void {
  describe(`outbox, relay and inbox (${mode})`, { skip }, () => {
    let server: Server;
    let drop: (() => Promise<void>) | undefined;
    before(async () => {
      const setup = await settings();
      drop = setup.drop;
      server = await composeTestServer({ OUTBOX_POLL_MS: '20', OUTBOX_MAX_ATTEMPTS: '2', ...setup.settings }, {
        modules: [probeModule({ failLabel: 'poison' })],
        natsSubjectPrefix: setup.subjectPrefix,
      });
      await server.listen();
    });
    after(async () => {
      await server?.stop('test over');
      await drop?.();
    });

    test('an event written with its state change reaches the consumer, whose effect happens once', async () => {
      const id = await record(server, 'hello');
      await waitUntil(async () => (await applied(server, id)) === 1, 10_000, 'the effect');
      const row = await sql<{ published: boolean; correlation_id: string }>`select published_at is not null as published, correlation_id from platform.outbox where payload->>'thingId' = ${id}`.execute(server.database.db);
      assert.equal(row.rows[0]?.published, true);
    });

    test('an event delivered again is applied once (the inbox, not the broker, dedupes)', async () => {
      const id = await record(server, 'twice');
      await waitUntil(async () => (await applied(server, id)) === 1);
      const envelope = await sql<{ id: string; occurred_at: Date; correlation_id: string }>`select id, occurred_at, correlation_id from platform.outbox where payload->>'thingId' = ${id}`.execute(server.database.db);
      const original = envelope.rows[0];
      assert.ok(original);
      const again: BusMessage = { envelope: { id: original.id, type: 'probe.thing-recorded.v1', occurredAt: original.occurred_at.toISOString(), actorId: null, correlationId: original.correlation_id, causationId: null, payload: { thingId: id, label: 'twice' } }, traceContext: {} };
      await sql`update platform.outbox set published_at = null where id = ${original.id}`.execute(server.database.db);
      server.relay.wake();
      await server.bus.publish(again).catch(() => undefined);
      await waitUntil(async () => (await sql<{ n: number }>`select count(*)::int as n from platform.outbox where id = ${original.id} and published_at is not null`.execute(server.database.db)).rows[0]?.n === 1);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await applied(server, id), 1);
    });

    test('a poison event is retried, then parked or dead-lettered, and does not block the others', async () => {
      const poison = await record(server, 'poison');
      const fine = await record(server, 'fine');
      await waitUntil(async () => (await applied(server, fine)) === 1, 10_000, 'the healthy event');
      if (server.bus.kind === 'in-process') {
        await waitUntil(async () => {
          const row = await sql<{ parked: boolean; attempts: number; last_error: string | null }>`select parked_at is not null as parked, attempts, last_error from platform.outbox where payload->>'thingId' = ${poison}`.execute(server.database.db);
          return row.rows[0]?.parked === true && row.rows[0].attempts === 2 && /refuses this label/.test(row.rows[0].last_error ?? '');
        }, 15_000, 'the poison row to be parked');
      } else {
        await waitUntil(async () => (await sql<{ n: number }>`select count(*)::int as n from platform.dead_letters where envelope->'payload'->>'thingId' = ${poison}`.execute(server.database.db)).rows[0]?.n === 1, 20_000, 'a dead letter');
      }
      assert.equal(await applied(server, poison), undefined);
    });
  });
}

outboxSuite('embedded: PGlite + in-process bus', async () => ({ settings: {} }));
outboxSuite('distributed: PostgreSQL server + NATS JetStream', async () => distributedSettings(), skipWithoutPostgres || (process.env.NATS_URL ? false : 'NATS_URL is not set'));

describe('unit of work', () => {
  test('a rolled-back unit of work writes no event', async () => {
    const { openPglite } = await import('../src/platform/db/pglite.ts');
    const database = await openPglite(undefined);
    const { migrate } = await import('../src/platform/db/migrator.ts');
    const { migrationSetsOf } = await import('../src/composition.ts');
    await migrate(database.db, migrationSetsOf([probeModule()]));
    let woken = 0;
    const unitOfWork = createUnitOfWork({ db: database.db, catalog: probeEvents, clock: systemClock, afterCommit: () => woken++ });
    const context = { actorId: null, correlationId: randomUUID(), causationId: null };
    await assert.rejects(unitOfWork(context, async (_trx, events) => {
      events.emit('probe.thing-recorded.v1', { thingId: randomUUID(), label: 'never' });
      throw new Error('business rule said no');
    }));
    await assert.rejects(unitOfWork(context, async (_trx, events) => events.emit('probe.thing-recorded.v1', { thingId: 'not-a-uuid', label: 'x' })), /payload is invalid/);
    const count = await sql<{ n: number }>`select count(*)::int as n from platform.outbox`.execute(database.db);
    assert.equal(count.rows[0]?.n, 0);
    assert.equal(woken, 0);
    await database.close();
  });
});

describe('two relays on one PostgreSQL server', { skip: skipWithoutPostgres }, () => {
  test('share the rows and publish each exactly once', async () => {
    const fresh = await freshPostgresDatabase();
    const database = fresh.open();
    try {
      const { migrate } = await import('../src/platform/db/migrator.ts');
      const { migrationSetsOf } = await import('../src/composition.ts');
      await migrate(database.db, migrationSetsOf([]));
      const unitOfWork = createUnitOfWork({ db: database.db, catalog: probeEvents, clock: systemClock, afterCommit: () => {} });
      for (let i = 0; i < 20; i++) {
        await unitOfWork({ actorId: null, correlationId: randomUUID(), causationId: null }, async (_trx, events) => {
          for (let j = 0; j < 25; j++) events.emit('probe.thing-recorded.v1', { thingId: randomUUID(), label: `${i}-${j}` });
        });
      }
      const published = new Map<string, number>();
      const bus: EventBus = {
        kind: 'in-process',
        async publish(m) {
          await new Promise((r) => setImmediate(r));
          published.set(m.envelope.id, (published.get(m.envelope.id) ?? 0) + 1);
        },
        async publishBatch(messages) {
          for (const m of messages) await this.publish(m);
        },
        subscribe() {},
        async start() {},
        async close() {},
      };
      const relays = [1, 2].map(() => new OutboxRelay({ db: database.db, bus, logger: pino({ level: 'silent' }), metrics: createMetrics(), options: { pollMs: 10, batchSize: 50, maxAttempts: 3 } }));
      for (const relay of relays) relay.start();
      await waitUntil(() => published.size === 500, 20_000, 'all 500 events');
      await Promise.all(relays.map((r) => r.stop()));
      assert.deepEqual([...new Set(published.values())], [1]);
    } finally {
      await database.close();
      await fresh.drop();
    }
  });
});
