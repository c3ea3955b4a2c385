import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signedPoints } from './points-text.ts';

test('points that arrived read +, points that left read with a minus sign', () => {
  assert.equal(signedPoints(10, 'en'), '+10');
  assert.equal(signedPoints(-1250, 'en'), '\u22121,250');
  assert.equal(signedPoints(0, 'en'), '0');
  assert.equal(signedPoints(-1250, 'es'), '\u22121250');
});
