import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import pino, { type Logger } from 'pino';
import type { OutgoingMessage } from '../../application/delivery-port.ts';
import { createDevOutbox, DEV_OUTBOX_CAPACITY } from './dev-outbox.ts';
import { devOutboxRoutes } from './dev-outbox.routes.ts';

/** A pino logger whose lines are parsed into `lines`. */
function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const fixedClock = { now: () => new Date('2025-05-01T09:30:00.000Z') };
const email = (n: number): OutgoingMessage => ({ channel: 'email', to: `user${n}@example.org`, purpose: 'sign-in-code', subject: 'Your code', text: `code ${n}` });

describe('dev outbox', () => {
  test('keeps each message with an id and the time it was sent, newest first', async () => {
    const outbox = createDevOutbox({ logger: pino({ level: 'silent' }), clock: fixedClock });
    await outbox.send(email(1));
    await outbox.send({ channel: 'sms', to: '+14155550100', purpose: 'phone-verification', subject: '', text: 'code 2' });
    const [newest, oldest] = outbox.list();
    assert.equal(outbox.list().length, 2);
    assert.deepEqual({ ...newest, id: undefined }, { id: undefined, channel: 'sms', to: '+14155550100', purpose: 'phone-verification', subject: '', text: 'code 2', sentAt: '2025-05-01T09:30:00.000Z' });
    assert.equal(oldest?.text, 'code 1');
    assert.match(newest?.id ?? '', /^[0-9a-f-]{36}$/);
    assert.notEqual(newest?.id, oldest?.id);
  });

  test('keeps only the last 200 messages', async () => {
    const outbox = createDevOutbox({ logger: pino({ level: 'silent' }) });
    for (let n = 1; n <= DEV_OUTBOX_CAPACITY + 5; n++) await outbox.send(email(n));
    const kept = outbox.list();
    assert.equal(DEV_OUTBOX_CAPACITY, 200);
    assert.equal(kept.length, 200);
    assert.equal(kept[0]?.text, 'code 205');
    assert.equal(kept.at(-1)?.text, 'code 6');
  });

  test('serves both channels', () => {
    assert.deepEqual([...createDevOutbox({ logger: pino({ level: 'silent' }) }).channels].sort(), ['email', 'sms']);
  });

  test('logs one info line per message, with the text the developer needs', async () => {
    const { logger, lines } = capturingLogger();
    const outbox = createDevOutbox({ logger });
    await outbox.send(email(7));
    assert.equal(lines.length, 1);
    assert.deepEqual(
      { level: lines[0]?.level, devOutbox: lines[0]?.devOutbox, channel: lines[0]?.channel, to: lines[0]?.to, purpose: lines[0]?.purpose, text: lines[0]?.text },
      { level: 30, devOutbox: true, channel: 'email', to: 'user7@example.org', purpose: 'sign-in-code', text: 'code 7' },
    );
  });

  test('GET /dev/outbox answers with the messages, newest first', async (t) => {
    const outbox = createDevOutbox({ logger: pino({ level: 'silent' }), clock: fixedClock });
    await outbox.send(email(1));
    await outbox.send(email(2));
    const app = Fastify();
    t.after(() => app.close());
    await app.register(devOutboxRoutes(outbox));
    const response = await app.inject({ method: 'GET', url: '/dev/outbox' });
    assert.equal(response.statusCode, 200);
    const body: unknown = response.json();
    assert.deepEqual(body, { messages: outbox.list() });
    assert.deepEqual(outbox.list().map((m) => m.text), ['code 2', 'code 1']);
  });
});
