import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { OutgoingMessage } from '../../application/delivery-port.ts';
import { createSmtpDelivery } from './smtp-delivery.ts';

const SIGN_IN: OutgoingMessage = { channel: 'email', to: 'ada@example.org', purpose: 'sign-in-code', subject: 'Your Hey Blue! code', text: 'Your sign-in code is 482913.' };

/** A loopback SMTP server for one test; `received` holds each message's raw data. */
async function startSmtpServer(options: SMTPServerOptions = {}): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('the SMTP server has no TCP address');
  return { url: `smtp://127.0.0.1:${address.port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('SMTP delivery', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  before(async () => {
    smtp = await startSmtpServer();
  });
  after(() => smtp.close());

  test('an email reaches the SMTP server with its recipient, subject and text', async () => {
    const delivery = createSmtpDelivery({ url: smtp.url, from: 'Hey Blue! <no-reply@heyblue.test>' });
    try {
      await delivery.send(SIGN_IN);
    } finally {
      delivery.close();
    }
    assert.equal(smtp.received.length, 1);
    const raw = smtp.received[0] ?? '';
    assert.match(raw, /^To: ada@example\.org\r?$/m);
    assert.match(raw, /^Subject: Your Hey Blue! code\r?$/m);
    assert.match(raw, /^From: "?Hey Blue!"? <no-reply@heyblue\.test>\r?$/m);
    assert.ok(bodyOf(raw).includes('Your sign-in code is 482913.'), raw);
  });

  test('email is its only channel', async (t) => {
    const delivery = createSmtpDelivery({ url: smtp.url, from: 'no-reply@heyblue.test' });
    t.after(() => delivery.close());
    assert.deepEqual([...delivery.channels], ['email']);
    await assert.rejects(delivery.send({ ...SIGN_IN, channel: 'sms', to: '+14155550100' }), /email only/);
  });
});

describe('SMTP delivery against a refusing server', () => {
  test('a rejected recipient makes send throw', async (t) => {
    const smtp = await startSmtpServer({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
      },
    });
    t.after(() => smtp.close());
    const delivery = createSmtpDelivery({ url: smtp.url, from: 'no-reply@heyblue.test' });
    t.after(() => delivery.close());
    await assert.rejects(delivery.send(SIGN_IN), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /^SMTP server did not take the sign-in-code email: .*No such user here/);
      return true;
    });
    assert.equal(smtp.received.length, 0);
  });

  test('a server that is not there makes send throw', async (t) => {
    const smtp = await startSmtpServer();
    await smtp.close();
    const delivery = createSmtpDelivery({ url: smtp.url, from: 'no-reply@heyblue.test', timeoutMs: 2000 });
    t.after(() => delivery.close());
    await assert.rejects(delivery.send(SIGN_IN), /SMTP server did not take the sign-in-code email: .*ECONNREFUSED/);
  });
});

// The body follows the first empty line; short ASCII text is sent as-is (7bit), soft line breaks are undone in case.
function bodyOf(raw: string): string {
  const start = raw.search(/\r?\n\r?\n/);
  return raw.slice(start).replace(/=\r?\n/g, '').trim();
}
