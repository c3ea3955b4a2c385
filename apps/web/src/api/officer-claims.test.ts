import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideOfficerClaim, decodeOfficerClaims, decodeOfficerClaimSent, decodePrecincts } from './officer-claims.ts';
import type { AuthedApi } from './organisations.ts';

const precinctId = '1a97f6a0-8dbc-46e3-bd30-a9cb925dbebd';
const claimId = '0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f';
const accountId = '6f1c2b9e-3d4a-4e5f-8a7b-9c0d1e2f3a4b';

test('decodes precincts, a sent claim and pending claims', () => {
  assert.deepEqual(decodePrecincts({ precincts: [{ id: precinctId, name: 'Harbour' }] }), [{ id: precinctId, name: 'Harbour' }]);
  assert.deepEqual(decodeOfficerClaimSent({ claimId, status: 'pending' }), { claimId, status: 'pending' });
  const claim = { id: claimId, accountId, email: null, badgeNumber: 'B-7', department: 'Harbour', rosterName: null, createdAt: '2030-01-01T00:00:00.000Z' };
  assert.deepEqual(decodeOfficerClaims({ claims: [claim] }), [claim]);
});

test('a claim of another status, a wrong type or a missing field is refused', () => {
  assert.throws(() => decodeOfficerClaimSent({ claimId, status: 'confirmed' }), TypeError);
  const claim = { id: claimId, accountId, email: null, badgeNumber: 'B-7', department: 'Harbour', rosterName: null, createdAt: '2030-01-01T00:00:00.000Z' };
  assert.throws(() => decodeOfficerClaims({ claims: [{ ...claim, badgeNumber: 7 }] }), TypeError);
  assert.throws(() => decodeOfficerClaims({ claims: [{ ...claim, department: undefined }] }), TypeError);
  assert.throws(() => decodePrecincts({ precincts: [{ id: precinctId }] }), TypeError);
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
