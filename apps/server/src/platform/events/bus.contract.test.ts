import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pino from 'pino';
import { skipWithoutNats } from '../../../test/support/services.ts';
import type { EventBus } from './bus.ts';
import type { BusMessage, EventEnvelope } from './envelope.ts';
import { InProcessBus } from './in-process-bus.ts';
import { NatsBus } from './nats-bus.ts';

const TYPES = ['contract.thing-happened.v1', 'contract.other-happened.v1'];

function message(type = TYPES[0] ?? ''): BusMessage {
  const envelope: EventEnvelope = { id: randomUUID(), type, occurredAt: new Date().toISOString(), actorId: 'a1', correlationId: randomUUID(), causationId: null, payload: { n: 1 } };
  return { envelope, traceContext: {} };
}

function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (check()) return resolve();
      if (Date.now() - started > ms) return reject(new Error('timed out waiting'));
      setTimeout(tick, 10);
    };
    tick();
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
