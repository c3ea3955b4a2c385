import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicFormOf } from './public-name.ts';

test('a roster name becomes the given name and the family initial, never the full name', () => {
  assert.equal(publicFormOf('Jane Doe'), 'Jane D.');
  assert.equal(publicFormOf('Jane Mary Doe'), 'Jane D.');
  assert.equal(publicFormOf('DOE, JANE MARY'), 'Jane D.');
  assert.equal(publicFormOf('  jane   doe '), 'Jane D.');
  assert.equal(publicFormOf('María José García-López'), 'María G.');
  assert.equal(publicFormOf('ANNE-MARIE O’NEIL'), 'Anne-Marie O.');
  assert.equal(publicFormOf('Cher'), 'Cher');
  assert.equal(publicFormOf('Ángel Ñúñez'), 'Ángel Ñ.');
});

test('nothing usable gives no suggestion', () => {
  assert.equal(publicFormOf(''), undefined);
  assert.equal(publicFormOf('   '), undefined);
  assert.equal(publicFormOf('1234 5678'), undefined);
  assert.equal(publicFormOf('\u0000\u202e'), undefined);
});
