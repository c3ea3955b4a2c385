import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCeremony, decodePasskeys } from './passkeys.ts';
import { decodeInvitation } from './invitations.ts';
import { decodeOidcOffer } from './oidc.ts';

const ceremonyId = '0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f';

test('a ceremony needs its id and options with a challenge', () => {
  const options = { challenge: 'abc', rp: { id: 'localhost', name: 'Hey Blue!' } };
  assert.deepEqual(decodeCeremony({ ceremonyId, options }), { ceremonyId, options });
  assert.throws(() => decodeCeremony({ ceremonyId, options: {} }), TypeError);
  assert.throws(() => decodeCeremony({ options }), TypeError);
  assert.throws(() => decodeCeremony({ ceremonyId: 'c-1', options }), TypeError);
});

test('passkeys are listed with their dates; a passkey never used has none', () => {
  const passkeys = [{ id: 'p-1', name: 'Phone', createdAt: '2030-01-01T00:00:00.000Z', lastUsedAt: null }];
  assert.deepEqual(decodePasskeys({ passkeys }), passkeys);
  assert.deepEqual(decodePasskeys({ passkeys: [] }), []);
  assert.throws(() => decodePasskeys({ passkeys: [{ id: 'p-1' }] }), TypeError);
  assert.throws(() => decodePasskeys({ passkeys: [{ ...passkeys[0], lastUsedAt: 5 }] }), TypeError);
  assert.throws(() => decodePasskeys([]), TypeError);
});

test('an invitation says for whom, where and as what', () => {
  const invitation = { organisationName: 'Corner Shop', email: 'sam@example.com', role: 'staff', accepted: false };
  assert.deepEqual(decodeInvitation(invitation), invitation);
  assert.throws(() => decodeInvitation({ ...invitation, role: 'boss' }), TypeError);
  assert.throws(() => decodeInvitation({ ...invitation, accepted: 'no' }), TypeError);
});

test('the OpenID Connect offer has a label only when enabled', () => {
  assert.deepEqual(decodeOidcOffer({ enabled: false, label: null }), { enabled: false, label: null });
  assert.deepEqual(decodeOidcOffer({ enabled: true, label: 'City SSO' }), { enabled: true, label: 'City SSO' });
  assert.throws(() => decodeOidcOffer({ enabled: 'yes', label: null }), TypeError);
  assert.throws(() => decodeOidcOffer({ enabled: true }), TypeError);
});
