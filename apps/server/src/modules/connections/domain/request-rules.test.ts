import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAnswerable, assertNoRecentDecline, assertPairBelowDailyLimit, assertPendingBelowLimit, DECLINE_COOLDOWN_MS, MAX_PENDING_PER_CITIZEN } from './request-rules.ts';

const codeOf = (f: () => void): string | undefined => {
  try {
    f();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};
const now = new Date('2026-11-21T12:00:00Z');

describe('connection request rules', () => {
  it('a citizen cannot have more than three requests waiting', () => {
    assert.equal(codeOf(() => assertPendingBelowLimit(MAX_PENDING_PER_CITIZEN - 1)), undefined);
    assert.equal(codeOf(() => assertPendingBelowLimit(MAX_PENDING_PER_CITIZEN)), 'CONNECTIONS_TOO_MANY_PENDING');
  });
  it('a decline is respected for ten minutes', () => {
    assert.equal(codeOf(() => assertNoRecentDecline(new Date(now.getTime() - DECLINE_COOLDOWN_MS + 1000), now)), 'CONNECTIONS_DECLINE_COOLDOWN');
    assert.equal(codeOf(() => assertNoRecentDecline(new Date(now.getTime() - DECLINE_COOLDOWN_MS), now)), undefined);
    assert.equal(codeOf(() => assertNoRecentDecline(undefined, now)), undefined);
  });
  it('a pair connects at most three times a day', () => {
    assert.equal(codeOf(() => assertPairBelowDailyLimit(3, 3)), 'CONNECTIONS_PAIR_DAILY_LIMIT');
  });
  it('only a live pending request can be answered', () => {
    const later = new Date(now.getTime() + 1000);
    assert.equal(codeOf(() => assertAnswerable({ status: 'pending', expiresAt: later }, now)), undefined);
    assert.equal(codeOf(() => assertAnswerable({ status: 'pending', expiresAt: now }, now)), 'CONNECTIONS_REQUEST_EXPIRED');
    assert.equal(codeOf(() => assertAnswerable({ status: 'expired', expiresAt: later }, now)), 'CONNECTIONS_REQUEST_EXPIRED');
    assert.equal(codeOf(() => assertAnswerable({ status: 'declined', expiresAt: later }, now)), 'CONNECTIONS_REQUEST_NOT_PENDING');
  });
});
