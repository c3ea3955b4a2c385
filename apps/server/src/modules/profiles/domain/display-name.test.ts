import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../platform/errors/app-error.ts';
import { defaultDisplayName, normaliseDisplayName } from './display-name.ts';

function refusal(raw: string): unknown {
  try {
    normaliseDisplayName(raw);
    return null;
  } catch (error) {
    return error instanceof AppError ? { code: error.code, details: error.details } : error;
  }
}

test('a display name is trimmed, composed (NFC) and its runs of spaces made one, then holds 1 to 40 characters', () => {
  assert.equal(normaliseDisplayName('  Ana   Lima\u3000 '), 'Ana Lima');
  assert.equal(normaliseDisplayName('Jose\u0301'), 'José');
  assert.equal(normaliseDisplayName('é'.repeat(40)), 'é'.repeat(40), 'characters, not bytes, are counted');
  assert.equal(normaliseDisplayName('👮'.repeat(40)), '👮'.repeat(40), 'characters, not UTF-16 units, are counted');
  assert.deepEqual(refusal('   '), { code: 'PROFILES_DISPLAY_NAME_INVALID', details: { reason: 'empty', max: 40 } });
  assert.deepEqual(refusal('a'.repeat(41)), { code: 'PROFILES_DISPLAY_NAME_INVALID', details: { reason: 'too-long', max: 40 } });
});

test('a display name has no control characters and no bidi overrides', () => {
  for (const raw of ['Ana\u0007', 'Ana\nLima', 'Ana\tLima', '\u202Eana', 'x\u2066y']) {
    assert.deepEqual(refusal(raw), { code: 'PROFILES_DISPLAY_NAME_INVALID', details: { reason: 'control-characters' } }, JSON.stringify(raw));
  }
});

test('a new profile is called "Neighbour" and a suffix from the account id, the same every time', () => {
  const name = defaultDisplayName('6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b');
  assert.match(name, /^Neighbour [A-Z2-9]{4}$/);
  assert.equal(defaultDisplayName('6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'), name);
  assert.notEqual(defaultDisplayName('0b8a3c1e-9f2d-4a6b-b7c8-d9e0f1a2b3c4'), name);
  assert.equal(normaliseDisplayName(name), name, 'the default is itself a valid name');
});
