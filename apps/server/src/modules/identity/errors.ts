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
  IDENTITY_ORGANISATION_NOT_FOUND: { status: 404, message: 'There is no such organisation.' },
  IDENTITY_ORGANISATION_NOT_PENDING: { status: 409, message: 'This organisation was already decided.' },
  IDENTITY_INVITATION_NOT_FOUND: { status: 404, message: 'This invitation does not exist or has expired.' },
  IDENTITY_INVITATION_USED: { status: 409, message: 'This invitation was already accepted.' },
  IDENTITY_INVITATION_WRONG_ACCOUNT: { status: 403, message: 'This invitation is for another email address; sign in with that address.' },
  IDENTITY_ALREADY_MEMBER: { status: 409, message: 'That person is already a member.' },
  IDENTITY_ROSTER_NOT_CSV: { status: 400, message: 'The roster must be a CSV file with the columns name, email, badge_number, department.' },
  IDENTITY_ROSTER_TOO_LARGE: { status: 413, message: 'The roster has too many rows for one upload (20,000 at most).' },
  IDENTITY_DOMAIN_INVALID: { status: 400, message: 'That is not a valid email domain.' },
  IDENTITY_BOOTSTRAP_INVALID: { status: 404, message: 'This setup link does not exist, has expired or was used.' },
  IDENTITY_PHONE_TAKEN: { status: 409, message: 'That phone number belongs to another account.' },
  IDENTITY_REFRESH_REUSED: { status: 401, message: 'This session was used from somewhere else and has been ended for your safety; sign in again.' },
});
