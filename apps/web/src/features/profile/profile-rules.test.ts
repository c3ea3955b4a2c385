import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  avatarMaxBytes,
  avatarProblem,
  bioProblem,
  characterCount,
  displayNameProblem,
  draftChanges,
  draftOf,
  initialOf,
  normaliseBio,
  normaliseDisplayName,
} from './profile-rules.ts';

test('characters are counted as people see them, not as UTF-16 units', () => {
  assert.equal(characterCount('Ada'), 3);
  assert.equal(characterCount('👋'), 1);
  assert.equal(characterCount('José'), 4);
});

test('display names are trimmed and their spaces collapsed, like the server does', () => {
  assert.equal(normaliseDisplayName('  Ada   Lovelace \n'), 'Ada Lovelace');
  assert.equal(normaliseDisplayName('Jose\u0301'), 'José');
});

test('a display name must have 1 to 40 characters and no control characters', () => {
  assert.equal(displayNameProblem('Ada'), undefined);
  assert.equal(displayNameProblem('   '), 'empty');
  assert.equal(displayNameProblem('a'.repeat(40)), undefined);
  assert.equal(displayNameProblem(`  ${'a'.repeat(40)}  `), undefined, 'spaces around do not count');
  assert.equal(displayNameProblem('a'.repeat(41)), 'too-long');
  assert.equal(displayNameProblem('👋'.repeat(40)), undefined, 'an emoji is one character');
  assert.equal(displayNameProblem('Ada\u0007'), 'control-characters');
  assert.equal(displayNameProblem('Ada\u202Eecila'), 'control-characters', 'no bidi overrides');
});

test('bios keep single blank lines, lose extra ones, and tabs become spaces', () => {
  assert.equal(normaliseBio('  Hello\r\n\r\n\r\n\r\nthere\t! '), 'Hello\n\nthere !');
});

test('a bio may be empty or up to 280 characters, line breaks allowed', () => {
  assert.equal(bioProblem(''), undefined);
  assert.equal(bioProblem('line one\nline two'), undefined);
  assert.equal(bioProblem('a'.repeat(280)), undefined);
  assert.equal(bioProblem('a'.repeat(281)), 'too-long');
  assert.equal(bioProblem('bell\u0007'), 'control-characters');
});

test('only what really changed is sent, and an emptied bio is sent as "" to remove it', () => {
  const saved = { displayName: 'Ada', bio: 'Hi' };
  assert.deepEqual(draftChanges(saved, draftOf(saved)), {});
  assert.deepEqual(draftChanges(saved, { displayName: ' Ada ', bio: 'Hi\n' }), {}, 'whitespace alone changes nothing');
  assert.deepEqual(draftChanges(saved, { displayName: 'Ada  L', bio: 'Hi' }), { displayName: 'Ada L' });
  assert.deepEqual(draftChanges(saved, { displayName: 'Ada', bio: '  ' }), { bio: '' });
  assert.deepEqual(draftChanges({ displayName: 'Ada', bio: null }, { displayName: 'Ada', bio: 'New' }), { bio: 'New' });
  assert.deepEqual(draftOf({ displayName: 'Ada', bio: null }), { displayName: 'Ada', bio: '' });
});

test('a picture is checked for type and size before it is uploaded; the server judges the rest', () => {
  assert.equal(avatarProblem({ type: 'image/png', size: 1000 }), undefined);
  assert.equal(avatarProblem({ type: 'image/JPEG', size: 1000 }), undefined);
  assert.equal(avatarProblem({ type: 'image/webp', size: avatarMaxBytes }), undefined);
  assert.equal(avatarProblem({ type: 'image/png', size: avatarMaxBytes + 1 }), 'too-large');
  assert.equal(avatarProblem({ type: 'image/gif', size: 1000 }), 'unsupported-type');
  assert.equal(avatarProblem({ type: 'text/plain', size: 10 }), 'unsupported-type');
  assert.equal(avatarProblem({ type: '', size: 1000 }), undefined, 'an untyped file is left to the server');
  assert.equal(avatarProblem({ type: 'image/png', size: 0 }), 'empty');
});

test('a picture-less avatar shows the first character of the name', () => {
  assert.equal(initialOf('ada'), 'A');
  assert.equal(initialOf(' 👋 hi'), '👋');
  assert.equal(initialOf(''), '?');
});
