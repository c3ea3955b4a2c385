import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yieldIfStarved } from './loop-turns.ts';

test('a chain that has kept the event loop for longer than the threshold yields to it, and one that has not goes on at once', async () => {
  let turned = false;
  setImmediate(() => (turned = true));
  await yieldIfStarved(5);
  assert.equal(turned, false, 'a fresh chain goes on without yielding');
  const started = performance.now();
  while (performance.now() - started < 10) await Promise.resolve(); // a chain that never lets the loop turn
  await yieldIfStarved(5);
  assert.equal(turned, true, 'after 10 ms without a turn, the chain yielded');
});
