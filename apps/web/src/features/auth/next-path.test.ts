import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNextPath, signInPath } from './next-path.ts';

test('a path on this site is kept, with its query and hash', () => {
  assert.equal(safeNextPath('/rewards?tab=offers#top'), '/rewards?tab=offers#top');
});

test('anything that could leave the site, or loop back to sign-in, falls back', () => {
  for (const raw of [null, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/sign-in', '/sign-in?next=/x']) {
    assert.equal(safeNextPath(raw), '/', String(raw));
  }
});

test('the sign-in link carries where to come back to', () => {
  assert.equal(signInPath('/profile'), '/sign-in?next=%2Fprofile');
  assert.equal(signInPath('/'), '/sign-in');
  assert.equal(signInPath('/sign-in'), '/sign-in');
});
