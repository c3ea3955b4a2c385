import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, isIdempotencyKey, requestHash } from './idempotency.ts';

describe('idempotency keys', () => {
  it('are 8 to 100 letters, digits, _ or - (a UUID fits)', () => {
    assert.equal(isIdempotencyKey(crypto.randomUUID()), true);
    assert.equal(isIdempotencyKey('abc_DEF-12'), true);
    assert.equal(isIdempotencyKey('short'), false);
    assert.equal(isIdempotencyKey('x'.repeat(101)), false);
    assert.equal(isIdempotencyKey('has space'), false);
    assert.equal(isIdempotencyKey(undefined), false);
    assert.equal(isIdempotencyKey(['a-list-of-keys']), false);
  });

  it('fingerprint a request by operation and body, whatever the order of its fields', () => {
    assert.equal(requestHash('gift', { points: 5, recipientId: 'r' }), requestHash('gift', { recipientId: 'r', points: 5 }));
    assert.notEqual(requestHash('gift', { points: 5 }), requestHash('gift', { points: 6 }));
    assert.notEqual(requestHash('redeem:a', {}), requestHash('redeem:b', {}));
  });

  it('treat a missing field and an undefined one alike, but not a null one', () => {
    assert.equal(canonicalJson({ a: 1, b: undefined }), canonicalJson({ a: 1 }));
    assert.notEqual(canonicalJson({ a: 1, b: null }), canonicalJson({ a: 1 }));
    assert.equal(canonicalJson({ z: [2, { y: 1, x: 0 }] }), '{"z":[2,{"x":0,"y":1}]}');
  });
});
