import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageProblem } from '../../../platform/images/images.ts';
import { AVATAR_LIMITS, AVATAR_MAX_BYTES, AVATAR_REFUSALS } from './avatar-rules.ts';

const refusal = (byteLength: number, facts: { format: string; width: number; height: number } | null) => {
  const problem = imageProblem(byteLength, facts, AVATAR_LIMITS);
  return problem ? AVATAR_REFUSALS[problem] : null;
};

test('an avatar is a JPEG, PNG or WebP of at most 5 MiB and 8000 pixels a side, judged by its bytes', () => {
  const photo = { format: 'jpeg', width: 4000, height: 3000 };
  assert.equal(refusal(1000, photo), null);
  assert.equal(refusal(1000, { ...photo, format: 'png' }), null);
  assert.equal(refusal(1000, { ...photo, format: 'webp' }), null);
  assert.equal(refusal(AVATAR_MAX_BYTES, photo), null);
  assert.equal(refusal(AVATAR_MAX_BYTES + 1, photo), 'PROFILES_AVATAR_TOO_LARGE');
  assert.equal(refusal(1000, { ...photo, format: 'gif' }), 'PROFILES_AVATAR_UNSUPPORTED_TYPE');
  assert.equal(refusal(1000, { ...photo, format: 'svg' }), 'PROFILES_AVATAR_UNSUPPORTED_TYPE');
  assert.equal(refusal(1000, null), 'PROFILES_AVATAR_UNSUPPORTED_TYPE');
  assert.equal(refusal(1000, { ...photo, width: 8001 }), 'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE');
  assert.equal(refusal(1000, { ...photo, height: 20000 }), 'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE');
  assert.equal(refusal(1000, { ...photo, height: 0 }), 'PROFILES_AVATAR_UNREADABLE');
});
