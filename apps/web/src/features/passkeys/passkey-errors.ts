import type { TFunction } from 'i18next';
import { isApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { errorMessage } from '../../i18n/error-messages.ts';

/** What went wrong in a passkey ceremony, in terms the app can explain. */
export type PasskeyFailure =
  | { kind: 'cancelled' }
  | { kind: 'already-registered' }
  | { kind: 'wrong-address' }
  | { kind: 'api'; error: ApiError }
  | { kind: 'other'; message: string };

function nameOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : undefined;
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Sorts an error from `startRegistration`/`startAuthentication` (a WebAuthnError or DOMException)
 * or from the API. The browser says NotAllowedError both when the person cancels and when time
 * runs out, so both read as "cancelled": trying again is the answer to either.
 */
export function classifyPasskeyError(error: unknown): PasskeyFailure {
  if (isApiError(error)) {
    return error.code === 'IDENTITY_ORIGIN_NOT_ALLOWED' ? { kind: 'wrong-address' } : { kind: 'api', error };
  }
  const name = nameOf(error);
  const code = codeOf(error);
  if (code === 'ERROR_CEREMONY_ABORTED' || name === 'NotAllowedError' || name === 'AbortError') return { kind: 'cancelled' };
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') return { kind: 'already-registered' };
  if (code === 'ERROR_INVALID_DOMAIN' || code === 'ERROR_INVALID_RP_ID' || name === 'SecurityError') return { kind: 'wrong-address' };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

/** A friendly, translated sentence for a failed passkey ceremony. */
export function passkeyErrorMessage(t: TFunction, failure: PasskeyFailure, ceremony: 'add' | 'sign-in'): string {
  switch (failure.kind) {
    case 'cancelled':
      return ceremony === 'add' ? t('passkeys.errors.addCancelled') : t('passkeys.errors.signInCancelled');
    case 'already-registered':
      return t('passkeys.errors.alreadyRegistered');
    case 'wrong-address':
      return t('passkeys.errors.wrongAddress');
    case 'other':
      return ceremony === 'add' ? t('passkeys.errors.addFailed') : t('passkeys.errors.signInFailed');
    case 'api':
      if (failure.error.code === 'IDENTITY_PASSKEY_REJECTED') return ceremony === 'add' ? t('passkeys.errors.addRejected') : t('passkeys.errors.signInRejected');
      return errorMessage(t, failure.error);
  }
}

/** Whether this browser can use passkeys at all (WebAuthn present); the buttons hide otherwise. */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}
