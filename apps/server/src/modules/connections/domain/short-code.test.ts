import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatShortCode, newShortCode, normaliseShortCode } from './short-code.ts';

describe('short codes for typing', () => {
  it('are 8 characters of Crockford base32', () => {
    for (let i = 0; i < 100; i++) assert.match(newShortCode(), /^[0-9A-HJKMNP-TV-Z]{8}$/);
  });
  it('forgive case, dashes, spaces and the letters O, I and L', () => {
    assert.equal(normaliseShortCode('ab1o-il9z'), 'AB10119Z');
    assert.equal(normaliseShortCode(' 7K2M 9QXR '), '7K2M9QXR');
    assert.equal(formatShortCode('7K2M9QXR'), '7K2M-9QXR');
  });
  it('refuse what cannot be a code', () => {
    assert.equal(normaliseShortCode('short'), undefined);
    assert.equal(normaliseShortCode('UUUUUUUU'), undefined, 'U is not in the alphabet');
  });
});
