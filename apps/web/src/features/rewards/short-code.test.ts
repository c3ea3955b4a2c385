import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatShortCode, spokenShortCode } from './short-code.ts';

test('a short code is shown in two groups of five, upper case', () => {
  assert.equal(formatShortCode('ab3de-7fgh9'), 'AB3DE-7FGH9');
  assert.equal(formatShortCode('AB3DE7FGH9'), 'AB3DE-7FGH9');
  assert.equal(formatShortCode(' ab3 de7 fgh9 '), 'AB3DE-7FGH9');
});

test('a code of another length is left in one piece', () => {
  assert.equal(formatShortCode('abc'), 'ABC');
});

test('screen readers hear the code one character at a time', () => {
  assert.equal(spokenShortCode('AB3DE-7FGH9'), 'A B 3 D E, 7 F G H 9');
});
