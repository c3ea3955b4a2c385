import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { decodeOwnProfile, decodeProfileExport, decodePublicProfile, loadOwnAvatar, uploadAvatar } from './profiles.ts';
import type { Session } from './session.ts';
import { isPrecompiled } from './contract.ts';
import { OwnProfile, ProfileExport, PublicProfile } from '@heyblue/contracts/profiles';

const own = {
  accountId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  displayName: 'Neighbour K7QZ',
  bio: null,
  precinct: null,
  avatarUrl: null,
  privacy: { displayName: true, avatar: true, bio: true, connectionCount: true },
  counts: { connectionsMade: 0, pointsEarned: 0, pointsSpent: 0, pointsDonated: 0, trophies: 0 },
  onboarded: false,
  language: null,
  suggestedName: null,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
};

test('the own profile is checked against the contract: a missing part, a wrong type or a fractional count is refused', () => {
  assert.deepEqual(decodeOwnProfile(own), own);
  assert.equal(decodeOwnProfile({ ...own, precinct: '5th Precinct' }).precinct, '5th Precinct');
  const { precinct: _precinct, ...withoutPrecinct } = own;
  assert.throws(() => decodeOwnProfile(withoutPrecinct), TypeError);
  assert.throws(() => decodeOwnProfile({ ...own, privacy: { displayName: true } }), TypeError);
  assert.throws(() => decodeOwnProfile({ ...own, counts: { ...own.counts, trophies: 1.5 } }), TypeError);
  assert.throws(() => decodeOwnProfile({ ...own, bio: 3 }), TypeError);
  assert.throws(() => decodeOwnProfile({ ...own, updatedAt: 'yesterday' }), TypeError);
});

test('a public profile has only the parts its owner shows; it needs its account id', () => {
  assert.deepEqual(decodePublicProfile({ accountId: own.accountId }), { accountId: own.accountId });
  const shown = { accountId: own.accountId, displayName: 'Ada', bio: 'Hi', precinct: '5th Precinct', connectionsMade: 2, avatarUrl: '/a?v=1' };
  assert.deepEqual(decodePublicProfile(shown), shown);
  assert.throws(() => decodePublicProfile({ displayName: 'Ada' }), TypeError);
  assert.throws(() => decodePublicProfile({ accountId: 'ada' }), TypeError, 'an id that is not one');
  assert.throws(() => decodePublicProfile({ ...shown, connectionsMade: '2' }), TypeError);
});

test('the export is checked too: a picture is its data URL and time, or null', () => {
  const { precinct: _precinct, avatarUrl: _avatarUrl, ...stored } = own;
  const exported = { exportedAt: '2030-01-02T00:00:00.000Z', profile: { ...stored, avatar: { dataUrl: 'data:image/webp;base64,AAAA', updatedAt: own.updatedAt } } };
  assert.deepEqual(decodeProfileExport(exported), exported);
  assert.deepEqual(decodeProfileExport({ ...exported, profile: { ...stored, avatar: null } }).profile.avatar, null);
  assert.throws(() => decodeProfileExport({ ...exported, profile: { ...stored, avatar: 'data:image/webp;base64,AAAA' } }), TypeError);
});

test('every profile answer is checked ahead of time, not interpreted', () => {
  for (const schema of [OwnProfile, PublicProfile, ProfileExport]) assert.ok(isPrecompiled(schema));
});

test('a picture is uploaded as one multipart file with a long timeout', async () => {
  const calls: Array<{ method: string; path: string; body: unknown; timeoutMs: number | undefined }> = [];
  const session = {
    get: () => Promise.reject(new Error('unused')),
    send: (method: string, path: string, body: unknown, options?: { timeoutMs?: number; decode?: (data: unknown) => unknown }) => {
      calls.push({ method, path, body, timeoutMs: options?.timeoutMs });
      return Promise.resolve(options?.decode ? options.decode(own) : own);
    },
  } as unknown as Pick<Session, 'get' | 'send'>;
  await uploadAvatar(session, new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'me.png');
  const [call] = calls;
  assert.equal(call?.method, 'PUT');
  assert.equal(call?.path, '/api/v1/profiles/me/avatar');
  assert.ok(call?.body instanceof FormData);
  const file = call.body.get('avatar');
  assert.ok(file instanceof File);
  assert.equal(file.name, 'me.png');
  assert.ok((call.timeoutMs ?? 0) >= 60_000);
});

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

test("the owner's picture is fetched with the bearer token, refreshed once on a 401", async () => {
  const seen: string[] = [];
  globalThis.fetch = async (_input, init) => {
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    seen.push(auth);
    return auth === 'Bearer fresh' ? new Response(new Uint8Array([1, 2]), { status: 200, headers: { 'content-type': 'image/webp' } }) : new Response(null, { status: 401 });
  };
  const session = { accessToken: () => 'stale', refresh: () => Promise.resolve('fresh') };
  const blob = await loadOwnAvatar(session, '/api/v1/profiles/x/avatar?v=1');
  assert.equal(blob.size, 2);
  assert.deepEqual(seen, ['Bearer stale', 'Bearer fresh']);
});
