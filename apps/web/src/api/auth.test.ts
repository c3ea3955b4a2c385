import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeVerifiedPhone } from './account.ts';
import { decodeAccessTokens, decodeAccount, decodeCodeChallenge, decodeVerifiedSignIn } from './auth.ts';
import { isPrecompiled } from './contract.ts';
import {
  AccessTokens, Account, AccountExport, AcceptedInvitation, AddedPasskey, AuditPage, Ceremony, CodeChallenge, DevOutbox, Invitation, InvitationSent, MemberList, MyOrganisationList,
  OfficerClaimList, OfficerClaimSent, OfficerDomainAdded, OfficerDomainList, OidcOffer, Organisation, OrganisationPage, PasskeyList, PrecinctList, RosterPage, RosterReport, VerifiedPhone,
  VerifiedSignIn,
} from '@heyblue/contracts/identity';

const accountId = '6f1c2b9e-3d4a-4e5f-8a7b-9c0d1e2f3a4b';
const account = { id: accountId, email: 'ada@example.com', phone: null, roles: ['citizen', 'officer'], createdAt: '2030-01-01T00:00:00.000Z' };
const signedIn = { accessToken: 'jwt', expiresIn: 900, account: { id: accountId, roles: ['citizen'], isNew: true } };

test('a signed-in answer decodes with its tokens and account', () => {
  assert.deepEqual(decodeVerifiedSignIn(signedIn), signedIn);
  assert.deepEqual(decodeAccessTokens({ accessToken: 'jwt', expiresIn: 900 }), { accessToken: 'jwt', expiresIn: 900 });
});

test('a sign-in with an unknown role, a missing flag or a non-numeric lifetime is refused', () => {
  assert.throws(() => decodeVerifiedSignIn({ ...signedIn, account: { ...signedIn.account, roles: ['mayor'] } }), TypeError);
  assert.throws(() => decodeVerifiedSignIn({ ...signedIn, account: { id: accountId, roles: [] } }), TypeError);
  assert.throws(() => decodeAccessTokens({ accessToken: 'jwt', expiresIn: '900' }), TypeError);
});

test('the account decodes; one without a creation time or with a malformed id is refused', () => {
  assert.deepEqual(decodeAccount(account), account);
  assert.throws(() => decodeAccount({ ...account, createdAt: undefined }), TypeError);
  assert.throws(() => decodeAccount({ ...account, id: 'a-1' }), TypeError);
  assert.throws(() => decodeAccount({ ...account, email: 7 }), TypeError);
});

test('a code challenge needs its id and a real expiry time', () => {
  const challenge = { challengeId: accountId, expiresAt: '2030-01-01T00:10:00.000Z' };
  assert.deepEqual(decodeCodeChallenge(challenge), challenge);
  assert.throws(() => decodeCodeChallenge({ ...challenge, expiresAt: 'in ten minutes' }), TypeError);
});

test('a verified phone names the phone', () => {
  assert.deepEqual(decodeVerifiedPhone({ phone: '+15555550100' }), { phone: '+15555550100' });
  assert.throws(() => decodeVerifiedPhone({}), TypeError);
});

test('every identity answer the web decodes is checked ahead of time, not interpreted', () => {
  const answers = [
    AccessTokens, Account, AccountExport, AcceptedInvitation, AddedPasskey, AuditPage, Ceremony, CodeChallenge, DevOutbox, Invitation, InvitationSent, MemberList, MyOrganisationList,
    OfficerClaimList, OfficerClaimSent, OfficerDomainAdded, OfficerDomainList, OidcOffer, Organisation, OrganisationPage, PasskeyList, PrecinctList, RosterPage, RosterReport, VerifiedPhone,
    VerifiedSignIn,
  ];
  for (const schema of answers) assert.ok(isPrecompiled(schema));
});
