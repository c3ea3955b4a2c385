import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideRefresh } from './refresh-rotation.ts';

const now = new Date('2026-11-21T10:00:00Z');
const later = new Date('2026-12-01T10:00:00Z');

test('a fresh token rotates', () => {
  assert.equal(decideRefresh({ expiresAt: later, rotatedAt: null, familyRevokedAt: null }, now), 'rotate');
});

test('a token used again after the leeway revokes its family', () => {
  const rotatedAt = new Date(now.getTime() - 10_001);
  assert.equal(decideRefresh({ expiresAt: later, rotatedAt, familyRevokedAt: null }, now), 'revoke-family-on-reuse');
});

test('a token used again within seconds (a lost answer, two tabs) still rotates', () => {
  assert.equal(decideRefresh({ expiresAt: later, rotatedAt: new Date(now.getTime() - 3000), familyRevokedAt: null }, now), 'rotate');
});

test('unknown, expired and revoked tokens are refused', () => {
  assert.equal(decideRefresh(undefined, now), 'reject-unknown');
  assert.equal(decideRefresh({ expiresAt: now, rotatedAt: null, familyRevokedAt: null }, now), 'reject-expired');
  assert.equal(decideRefresh({ expiresAt: later, rotatedAt: null, familyRevokedAt: now }, now), 'reject-revoked');
});
