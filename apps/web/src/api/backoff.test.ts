import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay } from './backoff.ts';

test('the delay doubles with each attempt', () => {
  const half = { baseMs: 500, random: () => 0 };
  assert.deepEqual([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, half)), [250, 500, 1000, 2000]);
});

test('the delay never exceeds the ceiling', () => {
  assert.equal(backoffDelay(50, { baseMs: 500, maxMs: 30_000, random: () => 0.999_999 }), 30_000);
});

test('jitter keeps the delay between half and all of the exponential step', () => {
  for (const r of [0, 0.25, 0.5, 0.99]) {
    const delay = backoffDelay(2, { baseMs: 1000, random: () => r });
    assert.ok(delay >= 2000 && delay <= 4000, `${delay} for random ${r}`);
  }
});
