import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import type { Server } from '../src/composition.ts';
import { composeTestServer } from './support/server.ts';
import { distributedSettings, skipWithoutNats, skipWithoutPostgres } from './support/services.ts';
import { waitUntil } from './support/wait.ts';

interface Client {
  socket: WebSocket;
  messages: Array<{ type: string; [key: string]: unknown }>;
  closed: Promise<{ code: number; reason: string }>;
}

function connectAs(base: string, token: string | undefined): Promise<Client> {
  const url = `${base.replace('http', 'ws')}/ws${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
  const socket = new WebSocket(url);
  const messages: Client['messages'] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages, closed }));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

describe('websocket gateway', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '2', WS_HEARTBEAT_MS: '200' });
    base = await server.listen();
  });
  after(async () => server?.stop('test over'));

  test('refuses a connection without a valid token before upgrading (401)', async () => {
    await assert.rejects(connectAs(base, undefined), /HTTP 401/);
    await assert.rejects(connectAs(base, 'forged'), /HTTP 401/);
  });

  test('welcomes a signed-in user and answers ping with pong', async () => {
    const client = await connectAs(base, 'dev:alice');
    await waitUntil(() => client.messages.length >= 1);
    assert.equal(client.messages[0]?.type, 'welcome');
    assert.equal(client.messages[0]?.userId, 'alice');
    client.socket.send(JSON.stringify({ type: 'ping' }));
    await waitUntil(() => client.messages.some((m) => m.type === 'pong'));
    client.socket.close();
  });

  test('an unknown message type gets an error message and the socket stays open', async () => {
    const client = await connectAs(base, 'dev:bob');
    client.socket.send(JSON.stringify({ type: 'teleport' }));
    await waitUntil(() => client.messages.some((m) => m.type === 'error'));
    assert.equal(client.messages.find((m) => m.type === 'error')?.code, 'WS_UNKNOWN_MESSAGE');
    assert.equal(client.socket.readyState, WebSocket.OPEN);
    client.socket.close();
  });

  test('a frame over the limit closes with 1009', async () => {
    const client = await connectAs(base, 'dev:carol');
    client.socket.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(17 * 1024) }));
    assert.equal((await client.closed).code, 1009);
  });

  test('malformed JSON closes with 1007 WS_MALFORMED_MESSAGE', async () => {
    const client = await connectAs(base, 'dev:dave');
    client.socket.send('{"type":');
    assert.deepEqual(await client.closed, { code: 1007, reason: 'WS_MALFORMED_MESSAGE' });
  });

  test('a binary frame closes with 1003', async () => {
    const client = await connectAs(base, 'dev:erin');
    client.socket.send(Buffer.from([1, 2, 3]));
    assert.deepEqual(await client.closed, { code: 1003, reason: 'WS_BINARY_NOT_SUPPORTED' });
  });

  test('a flood of messages closes with 1008 WS_RATE_LIMITED', async () => {
    const client = await connectAs(base, 'dev:flood');
    for (let i = 0; i < 100; i++) client.socket.send(JSON.stringify({ type: 'ping' }));
    assert.deepEqual(await client.closed, { code: 1008, reason: 'WS_RATE_LIMITED' });
  });

  test('a message to a user reaches every socket of theirs and no one else’s', async () => {
    const phone = await connectAs(base, 'dev:frank');
    const laptop = await connectAs(base, 'dev:frank');
    const other = await connectAs(base, 'dev:grace');
    await server.gateway.sendToUser('frank', { type: 'pong', at: new Date().toISOString() });
    await waitUntil(() => phone.messages.some((m) => m.type === 'pong') && laptop.messages.some((m) => m.type === 'pong'));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(other.messages.some((m) => m.type === 'pong'), false);
    for (const c of [phone, laptop, other]) c.socket.close();
  });

  test('HTTP rate limiting does not hit the websocket upgrade', async () => {
    for (let i = 0; i < 3; i++) await fetch(`${base}/api/v1/meta`);
    assert.equal((await fetch(`${base}/api/v1/meta`)).status, 429);
    const client = await connectAs(base, 'dev:henry');
    client.socket.close();
  });

  test('a client that stops answering heartbeats is dropped', async () => {
    const client = await connectAs(base, 'dev:silent');
    await waitUntil(() => server.gateway.connectionCount === 1, 3000, 'only the silent socket to be left');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(server.gateway.connectionCount, 1, 'a socket that answers pings stays');
    client.socket.pause();
    await waitUntil(() => server.gateway.connectionCount === 0, 3000, 'the silent socket to be dropped');
    client.socket.terminate();
  });
});

describe('websocket backpressure', () => {
  test('a client that stops reading while messages pile up is cut off (1013, then dropped)', async () => {
    const server = await composeTestServer({ WS_MAX_BUFFERED_BYTES: '65536' });
    try {
      const base = await server.listen();
      const client = await connectAs(base, 'dev:slowpoke');
      await waitUntil(() => client.messages.length > 0);
      client.socket.pause();
      const chunk = 'x'.repeat(8000);
      for (let i = 0; i < 2000 && server.gateway.connectionCount > 0; i++) {
        // A real message type carrying a large text: the error message's sentence.
        await server.gateway.sendToUser('slowpoke', { type: 'error', code: 'PLATFORM_INTERNAL', message: chunk });
        if (i % 50 === 0) await new Promise((r) => setImmediate(r));
      }
      await waitUntil(() => server.gateway.connectionCount === 0, 5000, 'the slow socket to be closed');
      client.socket.resume();
      // The 1013 close frame sat behind the unread backlog, so the client sees the drop.
      assert.ok([1013, 1006].includes((await client.closed).code));
    } finally {
      await server.stop('test over');
    }
  });
});

describe('websocket gateway across instances', { skip: skipWithoutPostgres || skipWithoutNats }, () => {
  test('a message for a user connected to another instance reaches them through NATS', async () => {
    const setup = await distributedSettings();
    const a = await composeTestServer(setup.settings, { natsSubjectPrefix: setup.subjectPrefix });
    const b = await composeTestServer(setup.settings, { natsSubjectPrefix: setup.subjectPrefix });
    try {
      const baseA = await a.listen();
      await b.listen();
      const client = await connectAs(baseA, 'dev:ivy');
      await b.gateway.sendToUser('ivy', { type: 'error', code: 'PLATFORM_INTERNAL', message: 'from instance b' });
      await waitUntil(() => client.messages.some((m) => m.type === 'error' && m.message === 'from instance b'), 5000, 'the cross-instance message');
      client.socket.close();
    } finally {
      await a.stop('test over');
      await b.stop('test over');
      await setup.drop();
    }
  });
});

describe('graceful shutdown of sockets', () => {
  test('open sockets are closed with 1001 so clients reconnect elsewhere', async () => {
    const server = await composeTestServer();
    const base = await server.listen();
    const client = await connectAs(base, 'dev:judy');
    await server.stop('SIGTERM');
    assert.deepEqual(await client.closed, { code: 1001, reason: 'WS_SERVER_SHUTTING_DOWN' });
  });
});
