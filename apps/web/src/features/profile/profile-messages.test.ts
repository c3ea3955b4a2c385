import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../api/api-error.ts';
import { fieldOfError } from './profile-messages.ts';

function error(code: string, details?: unknown): ApiError {
  return new ApiError({ status: 400, code, message: code, details });
}

test("a refused name or bio points at its field, from the code or the validator's path", () => {
  assert.equal(fieldOfError(error('PROFILES_DISPLAY_NAME_INVALID')), 'displayName');
  assert.equal(fieldOfError(error('PROFILES_BIO_INVALID')), 'bio');
  assert.equal(fieldOfError(error('PLATFORM_VALIDATION_FAILED', [{ path: '/bio', message: 'too long' }])), 'bio');
  assert.equal(fieldOfError(error('PLATFORM_VALIDATION_FAILED', [{ path: '/displayName' }])), 'displayName');
  assert.equal(fieldOfError(error('PLATFORM_VALIDATION_FAILED', [{ path: '/privacy/bio' }])), undefined, 'a privacy setting is not the bio');
  assert.equal(fieldOfError(error('PLATFORM_VALIDATION_FAILED', 'odd')), undefined);
  assert.equal(fieldOfError(error('NETWORK_ERROR')), undefined);
});
