import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { describe, test, type TestContext } from 'node:test';
import type { OutgoingMessage } from '../../application/delivery-port.ts';
import { createSmsHttpDelivery } from './sms-http-delivery.ts';

const TOKEN = 'sms-secret-token-123';
const CODE: OutgoingMessage = { channel: 'sms', to: '+14155550100', purpose: 'phone-verification', subject: '', text: 'Hey Blue! code: 482913' };

interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A loopback provider that answers every request with `status` (0: never answers); closed when the test ends. */
async function startProvider(t: TestContext, status: number): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (status === 0) return;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status < 300 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    if (server.listening) return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the provider has no TCP address');
  return { url: `http://127.0.0.1:${address.port}/v1/messages`, received, server };
}

describe('HTTP SMS delivery', () => {
  test('posts { from, to, text } as JSON with the bearer token', async (t) => {
    const provider = await startProvider(t, 202);
    const delivery = createSmsHttpDelivery({ url: provider.url, token: TOKEN, from: 'HeyBlue' });
    await delivery.send(CODE);
    assert.equal(provider.received.length, 1);
    const [request] = provider.received;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.url, '/v1/messages');
    assert.equal(request?.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(request?.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(request?.body ?? ''), { from: 'HeyBlue', to: '+14155550100', text: 'Hey Blue! code: 482913' });
  });

  test('a non-2xx answer throws an error naming the status, without the token', async (t) => {
    const provider = await startProvider(t, 500);
    const delivery = createSmsHttpDelivery({ url: provider.url, token: TOKEN, from: 'HeyBlue' });
    await assert.rejects(delivery.send(CODE), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /HTTP 500/);
      assert.ok(!JSON.stringify({ message: error.message, stack: error.stack, cause: String(error.cause) }).includes(TOKEN));
      return true;
    });
  });

  test('an unreachable provider throws without the token', async (t) => {
    const gone = await startProvider(t, 200);
    await new Promise((resolve) => gone.server.close(resolve));
    const delivery = createSmsHttpDelivery({ url: gone.url, token: TOKEN, from: 'HeyBlue' });
    await assert.rejects(delivery.send(CODE), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /^SMS provider unreachable for the phone-verification SMS: fetch failed \(.*ECONNREFUSED/);
      assert.ok(!error.message.includes(TOKEN));
      return true;
    });
  });

  test('a provider that does not answer in time makes send throw', async (t) => {
    const provider = await startProvider(t, 0);
    const delivery = createSmsHttpDelivery({ url: provider.url, token: TOKEN, from: 'HeyBlue', timeoutMs: 100 });
    await assert.rejects(delivery.send(CODE), /^Error: SMS provider unreachable for the phone-verification SMS: no answer in 100 ms$/);
  });

  test('SMS is its only channel', async () => {
    const delivery = createSmsHttpDelivery({ url: 'http://127.0.0.1:1/', token: TOKEN, from: 'HeyBlue' });
    assert.deepEqual([...delivery.channels], ['sms']);
    await assert.rejects(delivery.send({ ...CODE, channel: 'email', to: 'ada@example.org' }), /SMS only/);
  });
});
