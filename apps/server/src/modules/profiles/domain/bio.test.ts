import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../platform/errors/app-error.ts';
import { normaliseBio } from './bio.ts';

test('a bio keeps its line breaks, loses surrounding space and extra blank lines, and is at most 280 characters', () => {
  assert.equal(normaliseBio('  Hello\r\n\r\n\r\n\r\nneighbours!\n'), 'Hello\n\nneighbours!');
  assert.equal(normaliseBio('   '), null, 'an empty bio is no bio');
  assert.equal(normaliseBio('é'.repeat(280)), 'é'.repeat(280));
  assert.throws(() => normaliseBio('a'.repeat(281)), (e: unknown) => e instanceof AppError && e.code === 'PROFILES_BIO_INVALID');
  assert.throws(() => normaliseBio('bell\u0007'), (e: unknown) => e instanceof AppError && e.code === 'PROFILES_BIO_INVALID');
});
