import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideOfficerClaim, decodeOfficerClaims, decodeOfficerClaimSent, decodePrecincts } from './officer-claims.ts';
import type { AuthedApi } from './organisations.ts';

test('decodes precincts, a sent claim and pending claims', () => {
  assert.deepEqual(decodePrecincts({ precincts: [{ id: 'p-1', name: 'Harbour' }] }), [{ id: 'p-1', name: 'Harbour' }]);
  assert.deepEqual(decodeOfficerClaimSent({ claimId: 'c-1', status: 'pending' }), { claimId: 'c-1', status: 'pending' });
  assert.throws(() => decodeOfficerClaimSent({ claimId: 'c-1', status: 'confirmed' }), TypeError);
  const claim = { id: 'c-1', accountId: 'a-1', email: null, badgeNumber: 'B-7', department: 'Harbour', rosterName: null, createdAt: '2030-01-01T00:00:00.000Z' };
  assert.deepEqual(decodeOfficerClaims({ claims: [claim] }), [claim]);
  assert.throws(() => decodeOfficerClaims({ claims: [{ ...claim, badgeNumber: 7 }] }), TypeError);
});

test('a decision goes to the claim of the organisation', async () => {
  const calls: Array<{ path: string; body: unknown }> = [];
  const api: AuthedApi = {
    get: () => Promise.reject(new Error('unused')),
    post<T>(path: string, body?: unknown) {
      calls.push({ path, body });
      return Promise.resolve(undefined as T);
    },
  };
  await decideOfficerClaim(api, 'o 1', 'c-1', false);
  assert.deepEqual(calls, [{ path: '/api/v1/organisations/o%201/officer-claims/c-1/decision', body: { confirm: false } }]);
});
