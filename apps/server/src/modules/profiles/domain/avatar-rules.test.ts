import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AVATAR_MAX_BYTES, avatarRefusal } from './avatar-rules.ts';

test('an avatar is a JPEG, PNG or WebP of at most 5 MiB and 8000 pixels a side, judged by its bytes', () => {
  const photo = { format: 'jpeg', width: 4000, height: 3000 };
  assert.equal(avatarRefusal(1000, photo), null);
  assert.equal(avatarRefusal(1000, { ...photo, format: 'png' }), null);
  assert.equal(avatarRefusal(1000, { ...photo, format: 'webp' }), null);
  assert.equal(avatarRefusal(AVATAR_MAX_BYTES, photo), null);
  assert.equal(avatarRefusal(AVATAR_MAX_BYTES + 1, photo), 'PROFILES_AVATAR_TOO_LARGE');
  assert.equal(avatarRefusal(1000, { ...photo, format: 'gif' }), 'PROFILES_AVATAR_UNSUPPORTED_TYPE');
  assert.equal(avatarRefusal(1000, { ...photo, format: 'svg' }), 'PROFILES_AVATAR_UNSUPPORTED_TYPE');
  assert.equal(avatarRefusal(1000, null), 'PROFILES_AVATAR_UNSUPPORTED_TYPE');
  assert.equal(avatarRefusal(1000, { ...photo, width: 8001 }), 'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE');
  assert.equal(avatarRefusal(1000, { ...photo, height: 20000 }), 'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE');
});
