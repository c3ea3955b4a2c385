import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countdownParts, formatCountdown, msUntil } from './countdown.ts';

test('a countdown reads like a clock and never goes below zero', () => {
  assert.equal(formatCountdown(245_000), '4:05');
  assert.equal(formatCountdown(9_000), '0:09');
  assert.equal(formatCountdown(3_723_000), '1:02:03');
  assert.equal(formatCountdown(0), '0:00');
  assert.equal(formatCountdown(-5_000), '0:00');
});

test('a countdown rounds up, so it only shows 0:00 once the time is over', () => {
  assert.equal(formatCountdown(100), '0:01');
  assert.equal(formatCountdown(59_001), '1:00');
});

test('time left is counted from now to an ISO time', () => {
  const now = Date.parse('2030-01-01T10:00:00.000Z');
  assert.equal(msUntil('2030-01-01T10:15:00.000Z', now), 900_000);
  assert.equal(msUntil('2030-01-01T09:59:00.000Z', now), 0);
  assert.equal(msUntil('not a time', now), 0);
});

test('the parts for a spoken countdown', () => {
  assert.deepEqual(countdownParts(125_000), { minutes: 2, seconds: 5 });
  assert.deepEqual(countdownParts(-1), { minutes: 0, seconds: 0 });
});
