import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BatchQueue } from './batch-queue.ts';

test('a taker waits for the first item, then takes at most the batch size of what has arrived, oldest first', async () => {
  const queue = new BatchQueue<number>();
  const first = queue.take(3);
  queue.push(1);
  assert.deepEqual(await first, [1]);
  for (const n of [2, 3, 4, 5]) queue.push(n);
  assert.deepEqual(await queue.take(3), [2, 3, 4]);
  assert.deepEqual(await queue.take(3), [5]);
});

test('closing wakes a waiting taker with an empty batch and hands back what was still queued', async () => {
  const queue = new BatchQueue<number>();
  const waiting = queue.take(10);
  assert.deepEqual(queue.close(), []);
  assert.deepEqual(await waiting, []);
  const other = new BatchQueue<number>();
  other.push(1);
  other.push(2);
  assert.deepEqual(other.close(), [1, 2]);
  other.push(3);
  assert.deepEqual(await other.take(10), []);
});
