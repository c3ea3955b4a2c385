// Profiles' module API against the real database (PGlite), with profiles made and changed by profiles' own routes and consumers.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { ProfilesApi } from '@heyblue/contracts/profiles';
import { profileStore } from './adapters/profile-store.pg.ts';
import { profilesApi } from './adapters/profiles.api.ts';
import { aPicture, auth, startProfilesHarness, type ProfilesHarness } from './profiles.e2e-harness.ts';

let h: ProfilesHarness;
let api: ProfilesApi;

before(async () => {
  h = await startProfilesHarness();
  api = profilesApi({ db: h.server.database.db, store: profileStore() });
});
after(async () => h?.stop());

test('a citizen’s card shows their name and picture, as a citizen', async () => {
  const citizen = await h.newcomer();
  assert.equal((await h.patchMe(citizen, { displayName: 'Ana Lima' })).statusCode, 200);
  assert.equal((await h.upload(citizen, await aPicture(64, 64).png().toBuffer())).statusCode, 200);
  const card = await api.card(citizen.accountId);
  assert.equal(card?.displayName, 'Ana Lima');
  assert.equal(card?.role, 'citizen');
  assert.equal(card?.precinct, undefined);
  assert.match(card?.avatarUrl ?? '', new RegExp(`^/api/v1/profiles/${citizen.accountId}/avatar\\?v=`));
  assert.equal((await h.get(null, (card?.avatarUrl ?? '').replace('/api/v1', ''))).statusCode, 200, 'the URL serves the picture');
});

test('what a person hides is not on their card', async () => {
  const shy = await h.newcomer();
  await h.upload(shy, await aPicture(64, 64).png().toBuffer());
  assert.equal((await h.patchMe(shy, { privacy: { displayName: false, avatar: false } })).statusCode, 200);
  assert.deepEqual(await api.card(shy.accountId), { accountId: shy.accountId, role: 'citizen' });
});

test('a verified officer’s card says so and names their precinct', async () => {
  const officer = await h.newcomer();
  await h.emit(async (_tx, events) => events.emit('identity.officer-verified.v1', { accountId: officer.accountId, precinctId: randomUUID(), precinctName: 'Harbour Precinct', via: 'roster' }));
  await h.deliverEvents();
  const card = await api.card(officer.accountId);
  assert.equal(card?.role, 'officer');
  assert.equal(card?.precinct, 'Harbour Precinct');
});

test('cards of several accounts come in one call, without the accounts that have no profile', async () => {
  const [a, b] = [await h.newcomer(), await h.newcomer()];
  const unknown = randomUUID();
  const cards = await api.cards([a.accountId, unknown, b.accountId]);
  assert.deepEqual([...cards.keys()].sort(), [a.accountId, b.accountId].sort());
  assert.equal(cards.get(a.accountId)?.accountId, a.accountId);
  assert.equal((await api.cards([])).size, 0);
  assert.equal(await api.card(unknown), null);
});

test('a deleted account has no card', async () => {
  const leaver = await h.newcomer();
  const deleted = await h.server.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: auth(leaver), payload: { confirm: 'DELETE' } });
  assert.equal(deleted.statusCode, 204, deleted.body);
  await h.deliverEvents();
  assert.equal(await api.card(leaver.accountId), null);
});
