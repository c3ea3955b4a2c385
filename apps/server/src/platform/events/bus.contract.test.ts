import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { sql } from 'kysely';
import pino from 'pino';
import { skipWithoutNats } from '../../../test/support/services.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { openPglite } from '../db/pglite.ts';
import { PublishBatchError, type EventBus } from './bus.ts';
import type { BusMessage, EventEnvelope } from './envelope.ts';
import { idempotentBatch } from './inbox.ts';
import { InProcessBus } from './in-process-bus.ts';
import { NatsBus } from './nats-bus.ts';

const TYPES = ['contract.thing-happened.v1', 'contract.other-happened.v1'];

function message(type = TYPES[0] ?? ''): BusMessage {
  const envelope: EventEnvelope = { id: randomUUID(), type, occurredAt: new Date().toISOString(), actorId: 'a1', correlationId: randomUUID(), causationId: null, payload: { n: 1 } };
  return { envelope, traceContext: {} };
}

let database: Database;
before(async () => {
  database = await openPglite(undefined);
  await migrate(database.db, [{ schema: 'platform', dir: path.join(import.meta.dirname, '../db/migrations') }]);
  await sql`create table contract_effects (seq serial primary key, consumer text not null, event_id uuid not null)`.execute(database.db);
});
after(async () => database?.close());

function waitFor(check: () => boolean, ms = 5000, refresh?: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = async (): Promise<void> => {
      await refresh?.();
      if (check()) return resolve();
      if (Date.now() - started > ms) return reject(new Error('timed out waiting'));
      setTimeout(() => void tick().catch(reject), 10);
    };
    void tick().catch(reject);
  });
}

/** Every bus adapter must pass these. */
function busContract(name: string, makeBus: () => EventBus, skip: string | false = false): void {
  describe(`bus contract: ${name}`, { skip }, () => {
    const buses: EventBus[] = [];
    after(async () => Promise.all(buses.map((b) => b.close())));
    const bus = (): EventBus => {
      const b = makeBus();
      buses.push(b);
      return b;
    };

    test('every consumer of a type receives each published event, with its envelope intact', async () => {
      const b = bus();
      const seenA: EventEnvelope[] = [];
      const seenB: EventEnvelope[] = [];
      b.subscribe({ consumer: 'contract-a', types: [TYPES[0] ?? ''], handle: async (m) => void seenA.push(m.envelope) });
      b.subscribe({ consumer: 'contract-b', types: TYPES, handle: async (m) => void seenB.push(m.envelope) });
      await b.start();
      const first = message();
      const second = message(TYPES[1]);
      await b.publish(first);
      await b.publish(second);
      await waitFor(() => seenA.length === 1 && seenB.length === 2);
      assert.deepEqual(seenA[0], first.envelope);
      assert.deepEqual(new Set(seenB.map((e) => e.id)), new Set([first.envelope.id, second.envelope.id]));
    });

    test('a consumer that throws gets the event again', async () => {
      const b = bus();
      let calls = 0;
      b.subscribe({ consumer: 'contract-flaky', types: [TYPES[0] ?? ''], handle: async () => { calls++; if (calls === 1) throw new Error('transient'); } });
      await b.start();
      await b.publish(message()).catch(() => b.publish(message()));
      await waitFor(() => calls >= 2);
    });

    test('a consumer that takes batches gets every event of a published batch once, in publication order, in fewer deliveries than events', async () => {
      const b = bus();
      const batches: string[][] = [];
      b.subscribe({
        consumer: 'contract-batch-order',
        types: [TYPES[0] ?? ''],
        handle: async (m) => void batches.push([m.envelope.id]),
        handleBatch: async (ms) => {
          // The first delivery dawdles, so what is published meanwhile queues up for the next one.
          if (batches.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
          batches.push(ms.map((m) => m.envelope.id));
        },
      });
      await b.start();
      const published = Array.from({ length: 20 }, () => message());
      await b.publishBatch(published);
      await waitFor(() => batches.flat().length >= published.length);
      assert.deepEqual(batches.flat(), published.map((m) => m.envelope.id));
      assert.ok(batches.length < published.length, `${batches.length} deliveries for ${published.length} events`);
    });

    test('a batch whose consumer fails is delivered again, and its effects (through the inbox) happen once each, in order', async () => {
      const b = bus();
      const consumer = `contract-batch-retry-${name}`;
      let calls = 0;
      let threw = false;
      const handleBatch = idempotentBatch(database.db, consumer, async (envelopes, trx) => {
        // The first delivery dawdles, so what is published meanwhile queues up into a batch.
        if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, 200));
        for (const e of envelopes) await sql`insert into contract_effects (consumer, event_id) values (${consumer}, ${e.id})`.execute(trx);
        // The first batch fails after writing: the transaction, inbox rows included, must roll back.
        if (!threw && envelopes.length > 1) {
          threw = true;
          throw new Error('transient');
        }
      });
      b.subscribe({ consumer, types: [TYPES[0] ?? ''], handle: (m) => handleBatch([m]), handleBatch });
      await b.start();
      const published = Array.from({ length: 10 }, () => message());
      await b.publishBatch(published);
      await b.publishBatch(published); // as a relay that crashed before marking them published would
      const ids = published.map((m) => m.envelope.id);
      const applied = async (): Promise<string[]> => (await sql<{ event_id: string }>`select event_id from contract_effects where consumer = ${consumer} order by seq`.execute(database.db)).rows.map((r) => r.event_id);
      let seen: string[] = [];
      await waitFor(() => seen.length >= ids.length, 5000, async () => (seen = await applied()));
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(await applied(), ids);
      assert.ok(threw, 'a batch failed');
    });

    test('a poison event fails alone: the rest of its batch is applied once and only the poison is reported (or given up)', async () => {
      const b = bus();
      const poison = message();
      const applied = new Map<string, number>();
      const gaveUp: string[] = [];
      const apply = (m: BusMessage): void => void applied.set(m.envelope.id, (applied.get(m.envelope.id) ?? 0) + 1);
      const isPoison = (m: BusMessage): boolean => m.envelope.id === poison.envelope.id;
      b.subscribe({
        consumer: 'contract-batch-poison',
        types: [TYPES[0] ?? ''],
        handle: async (m) => (isPoison(m) ? Promise.reject(new Error('poison')) : apply(m)),
        handleBatch: async (ms) => (ms.some(isPoison) ? Promise.reject(new Error('poison in the batch')) : ms.forEach(apply)),
        onGiveUp: async (envelope) => void gaveUp.push(envelope.id),
      });
      await b.start();
      const healthy = Array.from({ length: 6 }, () => message());
      const outcome: unknown = await b.publishBatch([...healthy.slice(0, 3), poison, ...healthy.slice(3)]).then(() => undefined, (error: unknown) => error);
      if (b.kind === 'in-process') {
        assert.ok(outcome instanceof PublishBatchError, 'the in-process bus reports the failure to the relay');
        assert.deepEqual([...outcome.failures.keys()], [poison.envelope.id]);
      } else {
        assert.equal(outcome, undefined);
        await waitFor(() => gaveUp.length > 0);
        assert.deepEqual(gaveUp, [poison.envelope.id]);
      }
      await waitFor(() => healthy.every((m) => applied.has(m.envelope.id)));
      assert.deepEqual([...applied.values()], healthy.map(() => 1));
      assert.equal(applied.has(poison.envelope.id), false);
    });

    test('the same consumer name is refused twice', () => {
      const b = bus();
      b.subscribe({ consumer: 'contract-dup', types: TYPES, handle: async () => {} });
      assert.throws(() => b.subscribe({ consumer: 'contract-dup', types: TYPES, handle: async () => {} }), /twice/);
    });
  });
}

busContract('in-process', () => new InProcessBus());

const streams: string[] = [];
busContract(
  'NATS JetStream',
  () => {
    const stream = `CONTRACT_${randomUUID().slice(0, 8)}`;
    streams.push(stream);
    return new NatsBus({ url: process.env.NATS_URL ?? '', stream, types: TYPES, subjectPrefix: `${stream}.`, logger: pino({ level: 'silent' }), maxDeliver: 3 });
  },
  skipWithoutNats,
);

after(async () => {
  if (!process.env.NATS_URL || streams.length === 0) return;
  const nc = await connect({ servers: process.env.NATS_URL });
  const jsm = await jetstreamManager(nc);
  for (const stream of streams) await jsm.streams.delete(stream).catch(() => undefined);
  await nc.close();
});
