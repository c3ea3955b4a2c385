import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../api/api-error.ts';
import { classifyPasskeyError } from './passkey-errors.ts';

function named(name: string, code?: string): Error {
  const error = new Error(name);
  error.name = name;
  return code ? Object.assign(error, { code }) : error;
}

test('a cancelled or timed-out ceremony reads as cancelled', () => {
  assert.deepEqual(classifyPasskeyError(named('NotAllowedError')), { kind: 'cancelled' });
  assert.deepEqual(classifyPasskeyError(named('AbortError', 'ERROR_CEREMONY_ABORTED')), { kind: 'cancelled' });
});

test('a device that already holds a passkey for the account is recognised', () => {
  assert.deepEqual(classifyPasskeyError(named('InvalidStateError', 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED')), { kind: 'already-registered' });
});

test('the wrong address (127.0.0.1, another origin) is told apart, from the browser or the server', () => {
  assert.deepEqual(classifyPasskeyError(named('SecurityError', 'ERROR_INVALID_DOMAIN')), { kind: 'wrong-address' });
  const refused = new ApiError({ status: 400, code: 'IDENTITY_ORIGIN_NOT_ALLOWED', message: 'no' });
  assert.deepEqual(classifyPasskeyError(refused), { kind: 'wrong-address' });
});

test("the server's other answers are kept for their code, anything else keeps its message", () => {
  const rejected = new ApiError({ status: 401, code: 'IDENTITY_PASSKEY_REJECTED', message: 'no' });
  assert.deepEqual(classifyPasskeyError(rejected), { kind: 'api', error: rejected });
  assert.deepEqual(classifyPasskeyError(new Error('boom')), { kind: 'other', message: 'boom' });
  assert.deepEqual(classifyPasskeyError('odd'), { kind: 'other', message: 'odd' });
});
