import { defineErrors } from '../../platform/errors/app-error.ts';

/** Identity's error codes. */
export const identityErrors = defineErrors({
  IDENTITY_ADDRESS_INVALID: { status: 400, message: 'That email address or phone number does not look right.' },
  IDENTITY_CHANNEL_UNAVAILABLE: { status: 400, message: 'Codes cannot be sent that way here; try email.' },
  IDENTITY_CODE_INCORRECT: { status: 400, message: 'That code is not right.' },
  IDENTITY_CODE_EXPIRED: { status: 400, message: 'That code has expired; ask for a new one.' },
  IDENTITY_CODE_USED: { status: 400, message: 'That code was already used; ask for a new one.' },
  IDENTITY_CODE_ATTEMPTS_EXHAUSTED: { status: 429, message: 'Too many wrong codes; ask for a new one.' },
  IDENTITY_CHALLENGE_NOT_FOUND: { status: 404, message: 'That sign-in attempt does not exist; ask for a new code.' },
  IDENTITY_TOO_MANY_CODES: { status: 429, message: 'Too many codes requested; wait a while and try again.' },
  IDENTITY_DELIVERY_FAILED: { status: 502, message: 'We could not send the code; try again shortly.' },
  IDENTITY_REFRESH_INVALID: { status: 401, message: 'Your session has ended; sign in again.' },
  IDENTITY_REFRESH_REUSED: { status: 401, message: 'This session was used from somewhere else and has been ended for your safety; sign in again.' },
});
