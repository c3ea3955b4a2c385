import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/api-error.ts';
import { attemptsLeftOf } from '../../api/auth.ts';
import type { CodeChannel } from '../../api/auth.ts';
import { errorMessage } from '../../i18n/error-messages.ts';

/** Codes after which the current code can never work: the way on is a new code. */
export const deadCodeErrors: ReadonlySet<string> = new Set([
  'IDENTITY_CODE_EXPIRED',
  'IDENTITY_CODE_USED',
  'IDENTITY_CODE_ATTEMPTS_EXHAUSTED',
  'IDENTITY_CHALLENGE_NOT_FOUND',
]);

/**
 * A translated sentence for a sign-in error: the address by the channel it was for, the tries left
 * after a wrong code; every other code as the app says it everywhere.
 */
export function authErrorMessage(t: TFunction, error: ApiError, channel: CodeChannel = 'email'): string {
  switch (error.code) {
    case 'IDENTITY_ADDRESS_INVALID':
      return channel === 'sms' ? t('auth.errors.phoneInvalid') : t('auth.errors.emailInvalid');
    case 'IDENTITY_CODE_INCORRECT': {
      const count = attemptsLeftOf(error.details);
      return count === undefined ? errorMessage(t, error) : t('auth.errors.codeIncorrectAttempts', { count });
    }
    default:
      return errorMessage(t, error);
  }
}
