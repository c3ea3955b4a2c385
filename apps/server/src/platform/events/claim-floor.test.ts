import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClaimFloor } from './claim-floor.ts';

function clocked(): { floor: ClaimFloor; advance: (ms: number) => void } {
  let now = 0;
  return { floor: new ClaimFloor({ settleMs: 500, wholeScanMs: 5_000, now: () => now }), advance: (ms) => void (now += ms) };
}

test('the first claim and every claim after one that was not full scan the whole pending index', () => {
  const { floor, advance } = clocked();
  assert.equal(floor.next(), 0);
  floor.claimed(100, false);
  advance(1_000);
  assert.equal(floor.next(), 0, 'caught up: rows that committed late are picked up now');
});

test('during a backlog a claim starts past the highest seq claimed at least settleMs ago, never past a newer one', () => {
  const { floor, advance } = clocked();
  assert.equal(floor.next(), 0);
  floor.claimed(1_000, true);
  advance(100);
  assert.equal(floor.next(), 0, 'nothing settled yet: from the head');
  floor.claimed(2_000, true);
  advance(450);
  assert.equal(floor.next(), 1_000, 'the claim 550 ms ago has settled, the one 450 ms ago has not');
  floor.claimed(3_000, true);
  advance(100);
  assert.equal(floor.next(), 2_000);
});

test('a backlog still scans the whole index every wholeScanMs (rows backing off, leases of a crashed relay)', () => {
  const { floor, advance } = clocked();
  let seq = 0;
  const fromTheHead: number[] = [];
  for (let claim = 0; claim < 120; claim++) {
    if (floor.next() === 0) fromTheHead.push(claim);
    floor.claimed((seq += 1_000), true);
    advance(100);
  }
  assert.deepEqual(fromTheHead, [0, 1, 2, 3, 4, 50, 100], '12 s of full claims, 100 ms apart: until the first has settled, then every 5 s');
});

test('an empty claim leaves the floor where it was and counts as caught up', () => {
  const { floor, advance } = clocked();
  floor.next();
  floor.claimed(1_000, true);
  advance(600);
  assert.equal(floor.next(), 1_000);
  floor.claimed(undefined, false);
  assert.equal(floor.next(), 0);
});
