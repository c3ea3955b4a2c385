import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pino from 'pino';
import type { Config } from '../../../../platform/config/config.ts';
import type { DeliveryPort, OutgoingMessage } from '../../application/delivery-port.ts';
import { createDelivery, routeByChannel } from './create-delivery.ts';

const silent = pino({ level: 'silent' });
const NO_PROVIDERS: Config['delivery'] = { emailFrom: 'Hey Blue! <no-reply@heyblue.local>', smsFrom: 'HeyBlue' };
const EMAIL: OutgoingMessage = { channel: 'email', to: 'ada@example.org', purpose: 'sign-in-code', subject: 'Your code', text: 'code 1' };
const SMS: OutgoingMessage = { channel: 'sms', to: '+14155550100', purpose: 'phone-verification', subject: '', text: 'code 2' };

/** A fake adapter for `channels` that records what it was asked to send. */
function recording(...channels: OutgoingMessage['channel'][]): DeliveryPort & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return { channels: new Set(channels), sent, send: async (message) => void sent.push(message) };
}

describe('routing by channel', () => {
  test('each message goes to the adapter of its channel', async () => {
    const email = recording('email');
    const sms = recording('sms');
    const delivery = routeByChannel({ email, sms });
    await delivery.send(EMAIL);
    await delivery.send(SMS);
    assert.deepEqual(email.sent, [EMAIL]);
    assert.deepEqual(sms.sent, [SMS]);
    assert.deepEqual([...delivery.channels].sort(), ['email', 'sms']);
  });

  test('a channel without an adapter is not offered, and sending on it throws', async () => {
    const delivery = routeByChannel({ email: recording('email') });
    assert.deepEqual([...delivery.channels], ['email']);
    await assert.rejects(delivery.send(SMS), /^Error: No sms delivery in this deployment \(cannot send the phone-verification message\)$/);
  });

  test('an adapter that cannot serve the channel it is given does not make it available', async () => {
    const delivery = routeByChannel({ email: recording('email'), sms: recording('email') });
    assert.deepEqual([...delivery.channels], ['email']);
    await assert.rejects(delivery.send(SMS), /No sms delivery/);
  });
});

describe('choosing delivery from configuration', () => {
  test('in development with no providers, both channels go to the dev outbox', async () => {
    const { delivery, devOutbox, close } = createDelivery({ settings: NO_PROVIDERS, mode: 'development', logger: silent });
    assert.ok(devOutbox);
    assert.deepEqual([...delivery.channels].sort(), ['email', 'sms']);
    await delivery.send(EMAIL);
    await delivery.send(SMS);
    assert.deepEqual(devOutbox.list().map((m) => m.channel), ['sms', 'email']);
    close();
  });

  test('the test mode gets the dev outbox too', () => {
    assert.ok(createDelivery({ settings: NO_PROVIDERS, mode: 'test', logger: silent }).devOutbox);
  });

  test('with both providers configured there is no dev outbox, even in development', () => {
    const settings: Config['delivery'] = { ...NO_PROVIDERS, smtpUrl: 'smtp://127.0.0.1:2525', smsHttpUrl: 'http://127.0.0.1:8025/sms', smsHttpToken: 't' };
    const { delivery, devOutbox, close } = createDelivery({ settings, mode: 'development', logger: silent });
    assert.equal(devOutbox, undefined);
    assert.deepEqual([...delivery.channels].sort(), ['email', 'sms']);
    close();
  });

  test('in development with SMTP only, SMS still goes to the dev outbox', async () => {
    const { delivery, devOutbox, close } = createDelivery({ settings: { ...NO_PROVIDERS, smtpUrl: 'smtp://127.0.0.1:2525' }, mode: 'development', logger: silent });
    await delivery.send(SMS);
    assert.deepEqual(devOutbox?.list().map((m) => m.to), ['+14155550100']);
    close();
  });

  test('production has no dev outbox, and no SMS without a provider', async () => {
    const { delivery, devOutbox, close } = createDelivery({ settings: { ...NO_PROVIDERS, smtpUrl: 'smtp://127.0.0.1:2525' }, mode: 'production', logger: silent });
    assert.equal(devOutbox, undefined);
    assert.deepEqual([...delivery.channels], ['email']);
    await assert.rejects(delivery.send(SMS), /No sms delivery in this deployment/);
    close();
  });

  test('production without SMTP is refused', () => {
    assert.throws(() => createDelivery({ settings: NO_PROVIDERS, mode: 'production', logger: silent }), /SMTP_URL is required in production/);
  });
});
