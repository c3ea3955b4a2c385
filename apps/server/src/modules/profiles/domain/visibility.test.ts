import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aProfile } from './fixtures.ts';
import { mayFetchAvatar, publicViewOf } from './visibility.ts';

test('the public view shows only what privacy allows, never points or trophies', () => {
  const profile = aProfile();
  assert.deepEqual(publicViewOf(profile), {
    accountId: profile.accountId, displayName: 'Ana', bio: profile.bio, avatarUpdatedAt: profile.avatarUpdatedAt, connectionsMade: 3,
  });
  const hidden = aProfile({ privacy: { displayName: false, avatar: false, bio: false, connectionCount: false } });
  assert.deepEqual(publicViewOf(hidden), { accountId: profile.accountId });
  assert.deepEqual(Object.keys(publicViewOf(aProfile({ bio: null, avatarUpdatedAt: null }))), ['accountId', 'displayName', 'connectionsMade'], 'empty parts are absent too');
});

test('a picture is for anyone when shown, for its owner always, and for nobody when there is none', () => {
  const shown = aProfile();
  const hidden = aProfile({ privacy: { ...shown.privacy, avatar: false } });
  assert.equal(mayFetchAvatar(shown, null), true);
  assert.equal(mayFetchAvatar(hidden, null), false);
  assert.equal(mayFetchAvatar(hidden, '0b8a3c1e-9f2d-4a6b-b7c8-d9e0f1a2b3c4'), false);
  assert.equal(mayFetchAvatar(hidden, hidden.accountId), true);
  assert.equal(mayFetchAvatar(aProfile({ avatarUpdatedAt: null }), shown.accountId), false);
});
