import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/api-error.ts';
import { attemptsLeftOf } from '../../api/auth.ts';
import type { CodeChannel } from '../../api/auth.ts';

/** Codes after which the current code can never work: the way on is a new code. */
export const deadCodeErrors: ReadonlySet<string> = new Set([
  'IDENTITY_CODE_EXPIRED',
  'IDENTITY_CODE_USED',
  'IDENTITY_CODE_ATTEMPTS_EXHAUSTED',
  'IDENTITY_CHALLENGE_NOT_FOUND',
]);

/**
 * A friendly, translated sentence for a sign-in error, by its code. Codes the app does not know
 * fall back to the server's own message.
 */
export function authErrorMessage(t: TFunction, error: ApiError, channel: CodeChannel = 'email'): string {
  switch (error.code) {
    case 'IDENTITY_ADDRESS_INVALID':
      return channel === 'sms' ? t('auth.errors.phoneInvalid') : t('auth.errors.emailInvalid');
    case 'IDENTITY_CODE_INCORRECT': {
      const count = attemptsLeftOf(error.details);
      return count === undefined ? t('auth.errors.codeIncorrect') : t('auth.errors.codeIncorrectAttempts', { count });
    }
    case 'IDENTITY_CHANNEL_UNAVAILABLE':
      return t('auth.errors.channelUnavailable');
    case 'IDENTITY_TOO_MANY_CODES':
      return t('auth.errors.tooManyCodes');
    case 'IDENTITY_DELIVERY_FAILED':
      return t('auth.errors.deliveryFailed');
    case 'IDENTITY_CODE_EXPIRED':
      return t('auth.errors.codeExpired');
    case 'IDENTITY_CODE_USED':
      return t('auth.errors.codeUsed');
    case 'IDENTITY_CODE_ATTEMPTS_EXHAUSTED':
      return t('auth.errors.attemptsExhausted');
    case 'IDENTITY_CHALLENGE_NOT_FOUND':
      return t('auth.errors.challengeNotFound');
    case 'IDENTITY_REFRESH_INVALID':
    case 'PLATFORM_UNAUTHENTICATED':
      return t('auth.errors.sessionEnded');
    case 'IDENTITY_REFRESH_REUSED':
      return t('auth.errors.sessionReused');
    case 'PLATFORM_RATE_LIMITED':
      return t('auth.errors.rateLimited');
    case 'PLATFORM_VALIDATION_FAILED':
      return t('auth.errors.validationFailed');
    case 'NETWORK_ERROR':
      return t('auth.errors.network');
    case 'PLATFORM_UNAVAILABLE':
      return t('auth.errors.unavailable');
    default:
      return error.message;
  }
}
