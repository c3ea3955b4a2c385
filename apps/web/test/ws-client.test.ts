import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createSocketClient, socketUrl } from '../src/api/ws.ts';
import type { ServerMessageMap, SocketClient, SocketStatus } from '../src/api/ws.ts';
import { startServer } from './support/server.ts';
import type { TestServer } from './support/server.ts';

let server: TestServer;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

function next<K extends keyof ServerMessageMap>(client: SocketClient, type: K): Promise<ServerMessageMap[K]> {
  return new Promise((resolve) => {
    const off = client.on(type, (message) => {
      off();
      resolve(message);
    });
  });
}

function until(statuses: SocketStatus[], wanted: SocketStatus): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (statuses.includes(wanted)) resolve(clearInterval(timer));
      else if (Date.now() - started > 5000) reject(new Error(`never ${wanted}: ${statuses.join(', ')}`));
    }, 10);
  });
}

test('the client is welcomed by the real server and its ping is answered with a pong', async () => {
  const client = createSocketClient({ url: socketUrl(new URL(server.url), 'dev:alice'), heartbeatMs: 0 });
  const welcome = next(client, 'welcome');
  client.connect();
  assert.equal(typeof (await welcome).connectionId, 'string');
  const pong = next(client, 'pong');
  assert.equal(client.send({ type: 'ping' }), true);
  assert.ok(!Number.isNaN(Date.parse((await pong).at)));
  client.close();
});

test('without a token the server refuses and the client keeps retrying slowly', async () => {
  const statuses: SocketStatus[] = [];
  const client = createSocketClient({
    url: socketUrl(new URL(server.url)),
    heartbeatMs: 0,
    backoff: { baseMs: 10_000 },
    onStatus: (status) => statuses.push(status),
  });
  client.connect();
  await until(statuses, 'reconnecting');
  assert.equal(statuses.includes('open'), false);
  client.close();
});
