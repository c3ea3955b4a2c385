import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from './en.json' with { type: 'json' };
import { pagesGroups, partOf } from './translation-parts.ts';

test('the groups only lazily loaded pages use are groups the translation has (a renamed one would move to the first load unseen)', () => {
  assert.deepEqual(pagesGroups.filter((group) => !Object.hasOwn(en, group)), []);
});

test('a group is in the pages part when listed, and in the first load otherwise, new groups included', () => {
  assert.equal(partOf('dashboard'), 'pages');
  assert.equal(partOf('home'), 'first');
  assert.equal(partOf('connections'), 'first');
  assert.equal(partOf('a-group-added-tomorrow'), 'first');
});
