import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeIn, decodeDevOutbox } from './dev-outbox.ts';

test('the sign-in code is the six-digit number in the text', () => {
  assert.equal(codeIn('Your Hey Blue! sign-in code is 042917. It works for 10 minutes.'), '042917');
  assert.equal(codeIn('Call 5551234567 — no code here'), undefined);
});

test('the outbox body is checked message by message', () => {
  const message = { id: '0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f', channel: 'email', to: 'a@b.c', purpose: 'sign-in', subject: 'Code', text: '123456', sentAt: '2030-01-01T00:00:00Z' };
  assert.deepEqual(decodeDevOutbox({ messages: [message] }), [message]);
  assert.throws(() => decodeDevOutbox({ messages: [{ ...message, channel: 'pigeon' }] }), TypeError);
  assert.throws(() => decodeDevOutbox({ messages: [{ ...message, text: undefined }] }), TypeError);
  assert.throws(() => decodeDevOutbox({ messages: [{ ...message, sentAt: 1 }] }), TypeError);
});
