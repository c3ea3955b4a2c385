import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PRIVACY, withPrivacyChange } from './privacy.ts';

test('a new profile shows its name, picture, bio and connection count, and a change replaces only what it names', () => {
  assert.deepEqual(DEFAULT_PRIVACY, { displayName: true, avatar: true, bio: true, connectionCount: true });
  assert.ok(Object.isFrozen(DEFAULT_PRIVACY));
  assert.deepEqual(withPrivacyChange(DEFAULT_PRIVACY, { bio: false }), { displayName: true, avatar: true, bio: false, connectionCount: true });
});
