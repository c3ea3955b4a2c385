import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitAround } from './split-around.ts';

test('the text is split around the value, whatever the word order', () => {
  assert.deepEqual(splitAround('Enter the code we sent to a@b.c.', 'a@b.c'), ['Enter the code we sent to ', '.']);
  assert.deepEqual(splitAround('a@b.c, qué bueno verte', 'a@b.c'), ['', ', qué bueno verte']);
  assert.deepEqual(splitAround('No value here', 'x@y.z'), ['No value here', '']);
});
