import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLocationThrottle } from './location-throttle.ts';
import type { LocationFix } from './location-throttle.ts';

/** A hand-driven clock with timers. */
function fakeClock() {
  let time = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  return {
    now: () => time,
    setTimer: (callback: () => void, ms: number): unknown => {
      const id = nextId++;
      timers.set(id, { at: time + ms, callback });
      return id;
    },
    clearTimer: (handle: unknown) => {
      if (typeof handle === 'number') timers.delete(handle);
    },
    advance(ms: number) {
      time += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= time) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
    pendingTimers: () => timers.size,
  };
}

const fix = (n: number): LocationFix => ({ lat: 40 + n / 1000, lon: -73, accuracy: 10, at: n });

function harness(online = () => true) {
  const clock = fakeClock();
  const sent: number[] = [];
  const throttle = createLocationThrottle({
    send: (f) => {
      if (!online()) return false;
      sent.push(f.at);
      return true;
    },
    intervalMs: 1000,
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  return { clock, sent, throttle };
}

test('the first fix goes at once', () => {
  const { sent, throttle } = harness();
  throttle.push(fix(1));
  assert.deepEqual(sent, [1]);
});

test('fixes faster than once a second are held, and only the newest is sent when the second is up', () => {
  const { clock, sent, throttle } = harness();
  throttle.push(fix(1));
  clock.advance(200);
  throttle.push(fix(2));
  clock.advance(300);
  throttle.push(fix(3));
  assert.deepEqual(sent, [1]);
  clock.advance(499);
  assert.deepEqual(sent, [1]);
  clock.advance(1);
  assert.deepEqual(sent, [1, 3]);
});

test('no two sends are ever closer than the interval', () => {
  const clock = fakeClock();
  const sentAt: number[] = [];
  const throttle = createLocationThrottle({
    send: () => sentAt.push(clock.now()) > 0,
    intervalMs: 1000,
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  for (let t = 0; t < 5000; t += 150) {
    throttle.push(fix(t));
    clock.advance(150);
  }
  for (let i = 1; i < sentAt.length; i++) assert.ok((sentAt[i] ?? 0) - (sentAt[i - 1] ?? 0) >= 1000, `sends at ${sentAt.join(', ')}`);
  assert.ok(sentAt.length >= 5, 'still about one a second');
});

test('a fix that could not be sent does not hold back the next one', () => {
  let online = false;
  const { sent, throttle } = harness(() => online);
  throttle.push(fix(1));
  online = true;
  throttle.push(fix(2));
  assert.deepEqual(sent, [2]);
});

test('stop forgets the waiting fix', () => {
  const { clock, sent, throttle } = harness();
  throttle.push(fix(1));
  throttle.push(fix(2));
  throttle.stop();
  assert.equal(clock.pendingTimers(), 0);
  clock.advance(2000);
  assert.deepEqual(sent, [1]);
});
