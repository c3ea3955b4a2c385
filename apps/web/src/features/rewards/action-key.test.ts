import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../api/api-error.ts';
import { createActionKey, isTransientFailure, newIdempotencyKey } from './action-key.ts';

function counter() {
  let n = 0;
  return () => `key-${++n}`;
}

const refused = new ApiError({ status: 409, code: 'REWARDS_INSUFFICIENT_POINTS', message: 'no' });
const offline = new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'offline' });
const serverDown = new ApiError({ status: 503, code: 'PLATFORM_UNAVAILABLE', message: 'down' });

test('retrying the same action after a network failure sends the same key, so it never pays twice', () => {
  const action = createActionKey(counter());
  const first = action.keyFor('redeem offer-1');
  action.settle(offline);
  assert.equal(action.keyFor('redeem offer-1'), first);
  action.settle(serverDown);
  assert.equal(action.keyFor('redeem offer-1'), first);
});

test('after a success the next action gets a new key', () => {
  const action = createActionKey(counter());
  const first = action.keyFor('donate cause-1 50');
  action.settle();
  assert.notEqual(action.keyFor('donate cause-1 50'), first);
});

test('after a business refusal the next attempt gets a new key (the old one would only repeat the refusal)', () => {
  const action = createActionKey(counter());
  const first = action.keyFor('donate cause-1 50');
  action.settle(refused);
  assert.notEqual(action.keyFor('donate cause-1 50'), first);
});

test('a different action (another amount) is a new key even after a transient failure', () => {
  const action = createActionKey(counter());
  const first = action.keyFor('donate cause-1 50');
  action.settle(offline);
  assert.notEqual(action.keyFor('donate cause-1 40'), first);
});

test('network trouble, timeouts, 5xx and rate limits are transient; 4xx answers are not', () => {
  assert.equal(isTransientFailure(offline), true);
  assert.equal(isTransientFailure(serverDown), true);
  assert.equal(isTransientFailure(new ApiError({ status: 429, code: 'PLATFORM_RATE_LIMITED', message: '' })), true);
  assert.equal(isTransientFailure(new TypeError('fetch failed')), true);
  assert.equal(isTransientFailure(refused), false);
  assert.equal(isTransientFailure(new ApiError({ status: 409, code: 'REWARDS_IDEMPOTENCY_KEY_REUSED', message: '' })), false);
});

test('a new key fits the server’s rule (8–100 of A-Za-z0-9_-)', () => {
  assert.match(newIdempotencyKey(), /^[A-Za-z0-9_-]{8,100}$/);
});
