import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pictureMaxBytes, pictureProblem } from './picture-rules.ts';

test('a picture is a JPEG, PNG or WebP of at most 8 MiB, and not empty', () => {
  assert.equal(pictureProblem({ type: 'image/jpeg', size: 1000 }), undefined);
  assert.equal(pictureProblem({ type: 'IMAGE/PNG', size: pictureMaxBytes }), undefined);
  assert.equal(pictureProblem({ type: '', size: 10 }), undefined, 'no type reported: the server will judge');
  assert.equal(pictureProblem({ type: 'image/webp', size: pictureMaxBytes + 1 }), 'too-large');
  assert.equal(pictureProblem({ type: 'image/gif', size: 10 }), 'unsupported-type');
  assert.equal(pictureProblem({ type: 'image/svg+xml', size: 10 }), 'unsupported-type');
  assert.equal(pictureProblem({ type: 'image/png', size: 0 }), 'empty');
});
