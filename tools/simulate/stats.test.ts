import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addCounts, countsUnder, percentile, Samples, summarize, Tally } from './stats.ts';

describe('simulator statistics', () => {
  test('percentiles are nearest-rank over sorted values', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(sorted, 0.5), 50);
    assert.equal(percentile(sorted, 0.99), 99);
    assert.equal(percentile(sorted, 1), 100);
    assert.equal(percentile(sorted, 0), 1);
    assert.equal(percentile([7], 0.99), 7);
    assert.ok(Number.isNaN(percentile([], 0.5)));
  });

  test('a summary sorts its samples numerically, not as text', () => {
    const s = summarize([10, 9, 100, 1, 2]);
    assert.equal(s.count, 5);
    assert.equal(s.p50, 9);
    assert.equal(s.max, 100);
    assert.equal(s.mean, 24.4);
  });

  test('an empty summary says so instead of inventing numbers', () => {
    const s = summarize([]);
    assert.equal(s.count, 0);
    assert.ok(Number.isNaN(s.p99));
  });

  test('samples grow past their first allocation and hand themselves over once', () => {
    const samples = new Samples();
    for (let i = 0; i < 5000; i++) samples.push(i);
    assert.equal(samples.length, 5000);
    const taken = samples.take();
    assert.equal(taken.length, 5000);
    assert.equal(taken[4999], 4999);
    assert.equal(samples.length, 0);
  });

  test('counts add up and can be read by prefix', () => {
    const total = { 'rejected.A': 1 };
    addCounts(total, { 'rejected.A': 2, 'rejected.B': 1, 'fixes.sent': 9 });
    assert.deepEqual(countsUnder(total, 'rejected.'), { A: 3, B: 1 });
  });

  test('a tally reports what happened since its last report, entered pushes apart', () => {
    const tally = new Tally();
    tally.count('fixes.sent');
    tally.latency('nearby.entered', 3);
    tally.latency('nearby.left', 5);
    const first = tally.report();
    assert.deepEqual(first.counts, { 'fixes.sent': 1 });
    assert.deepEqual([...first.entered], [3]);
    assert.deepEqual([...first.pushes], [3, 5]);
    assert.deepEqual(tally.report().counts, {});
  });
});
