import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSameSitePath } from './oidc-sign-in.ts';

test('a sign-in returns only to paths on this site', () => {
  assert.ok(isSameSitePath('/invitations/abc?x=1'));
  for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/a b']) assert.ok(!isSameSitePath(bad), bad);
});
