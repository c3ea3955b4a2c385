import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { challengeRefusal, codeMac, macsMatch, MAX_CODE_ATTEMPTS, newCode } from './one-time-code.ts';

test('codes are six digits, leading zeros kept', () => {
  for (let i = 0; i < 200; i++) assert.match(newCode(), /^\d{6}$/);
});

test('a MAC matches only the same code for the same challenge and pepper', () => {
  const pepper = randomBytes(32);
  const mac = codeMac(pepper, 'c1', '123456');
  assert.ok(macsMatch(mac, codeMac(pepper, 'c1', '123456')));
  assert.ok(!macsMatch(mac, codeMac(pepper, 'c1', '123457')));
  assert.ok(!macsMatch(mac, codeMac(pepper, 'c2', '123456')));
  assert.ok(!macsMatch(mac, codeMac(randomBytes(32), 'c1', '123456')));
});

test('a challenge refuses guesses once used, expired or out of attempts', () => {
  const now = new Date('2026-11-21T10:00:00Z');
  const live = { expiresAt: new Date('2026-11-21T10:05:00Z'), attempts: 0, consumedAt: null };
  assert.equal(challengeRefusal(live, now), null);
  assert.equal(challengeRefusal({ ...live, consumedAt: now }, now), 'IDENTITY_CODE_USED');
  assert.equal(challengeRefusal({ ...live, expiresAt: now }, now), 'IDENTITY_CODE_EXPIRED');
  assert.equal(challengeRefusal({ ...live, attempts: MAX_CODE_ATTEMPTS }, now), 'IDENTITY_CODE_ATTEMPTS_EXHAUSTED');
  assert.equal(challengeRefusal({ ...live, attempts: MAX_CODE_ATTEMPTS - 1 }, now), null);
});
