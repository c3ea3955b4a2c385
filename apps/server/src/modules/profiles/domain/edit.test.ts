import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdit } from './edit.ts';
import { aProfile } from './fixtures.ts';

test('an edit normalises what it names, keeps the rest, and counts as changed only what differs', () => {
  const profile = aProfile();
  assert.deepEqual(applyEdit(profile, {}).changed, []);
  assert.deepEqual(applyEdit(profile, { displayName: '  Ana ', privacy: { bio: true } }).changed, [], 'the same name and setting again change nothing');
  const outcome = applyEdit(profile, { displayName: ' Ana  Lima ', bio: '   ', privacy: { avatar: false } });
  assert.deepEqual(outcome, {
    displayName: 'Ana Lima', bio: null, privacy: { ...profile.privacy, avatar: false }, changed: ['displayName', 'bio', 'privacy'],
  });
});
