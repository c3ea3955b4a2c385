import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocketClient, socketUrl } from './ws.ts';
import type { SocketLike, SocketStatus } from './ws.ts';
import { parseServerMessage } from './ws-messages.ts';

/** A socket the test drives by hand. */
class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: string[] = [];
  readonly url: string;
  readonly #open: Array<() => void> = [];
  readonly #message: Array<(event: { data: unknown }) => void> = [];
  readonly #close: Array<(event: { code: number; reason: string }) => void> = [];
  constructor(url: string) {
    this.url = url;
  }
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(
    type: 'open' | 'message' | 'close',
    listener: (() => void) | ((event: { data: unknown }) => void) | ((event: { code: number; reason: string }) => void),
  ): void {
    if (type === 'open') this.#open.push(() => Reflect.apply(listener, this, []));
    if (type === 'message') this.#message.push((event) => Reflect.apply(listener, this, [event]));
    if (type === 'close') this.#close.push((event) => Reflect.apply(listener, this, [event]));
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code = 1000, reason = '') {
    this.serverCloses(code, reason);
  }
  opens() {
    this.readyState = 1;
    for (const listener of this.#open) listener();
  }
  receives(message: unknown) {
    for (const listener of this.#message) listener({ data: JSON.stringify(message) });
  }
  serverCloses(code: number, reason = '') {
    this.readyState = 3;
    for (const listener of this.#close) listener({ code, reason });
  }
}

function harness(token?: string) {
  const sockets: FakeSocket[] = [];
  const statuses: SocketStatus[] = [];
  const client = createSocketClient({
    url: socketUrl({ protocol: 'https:', host: 'heyblue.test' }, token),
    heartbeatMs: 0,
    backoff: { baseMs: 5, maxMs: 20, random: () => 0 },
    onStatus: (status) => statuses.push(status),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
  });
  return { client, sockets, statuses };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the socket URL follows the page scheme and carries the token', () => {
  assert.equal(socketUrl({ protocol: 'https:', host: 'a.test' }, 'dev:alice'), 'wss://a.test/ws?token=dev%3Aalice');
  assert.equal(socketUrl({ protocol: 'http:', host: '127.0.0.1:3000' }), 'ws://127.0.0.1:3000/ws');
});

test('messages are parsed by type and unknown or malformed frames are ignored', () => {
  assert.deepEqual(parseServerMessage('{"type":"welcome","connectionId":"c1","userId":"u1"}'), {
    type: 'welcome',
    connectionId: 'c1',
    userId: 'u1',
  });
  assert.deepEqual(parseServerMessage('{"type":"pong","at":"2030-01-01T00:00:00Z"}'), { type: 'pong', at: '2030-01-01T00:00:00Z' });
  assert.equal(parseServerMessage('{"type":"pong"}'), undefined);
  assert.equal(parseServerMessage('{"type":"mystery"}'), undefined);
  assert.equal(parseServerMessage('not json'), undefined);
});

test('typed handlers receive their messages and pings are sent only while open', () => {
  const { client, sockets } = harness('dev:alice');
  const welcomes: string[] = [];
  client.on('welcome', (message) => welcomes.push(message.connectionId));
  client.connect();
  assert.equal(client.send({ type: 'ping' }), false);
  const socket = sockets[0];
  assert.ok(socket);
  assert.equal(socket.url, 'wss://heyblue.test/ws?token=dev%3Aalice');
  socket.opens();
  socket.receives({ type: 'welcome', connectionId: 'c1', userId: 'alice' });
  assert.deepEqual(welcomes, ['c1']);
  assert.equal(client.send({ type: 'ping' }), true);
  assert.deepEqual(socket.sent, ['{"type":"ping"}']);
  client.close();
});

test('a dropped socket reconnects after a backoff', async () => {
  const { client, sockets, statuses } = harness();
  client.connect();
  sockets[0]?.opens();
  sockets[0]?.serverCloses(1001, 'WS_SERVER_SHUTTING_DOWN');
  assert.equal(client.status, 'reconnecting');
  await tick(30);
  assert.equal(sockets.length, 2);
  sockets[1]?.opens();
  assert.deepEqual(statuses, ['connecting', 'open', 'reconnecting', 'connecting', 'open']);
  client.close();
});

test('a refused identity is final: no reconnect', async () => {
  const { client, sockets } = harness();
  client.connect();
  sockets[0]?.opens();
  sockets[0]?.serverCloses(1008, 'WS_UNAUTHENTICATED');
  await tick(30);
  assert.equal(client.status, 'closed');
  assert.equal(sockets.length, 1);
});

test('close() stops reconnecting', async () => {
  const { client, sockets } = harness();
  client.connect();
  sockets[0]?.serverCloses(1006);
  client.close();
  await tick(30);
  assert.equal(sockets.length, 1);
  assert.equal(client.status, 'closed');
});
