import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/api-error.ts';
import { isRecord } from '../../api/decode.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';

/** A friendly, translated sentence for a failed profile or picture call, by its code. */
export function profileErrorMessage(t: TFunction, error: ApiError): string {
  switch (error.code) {
    case 'PROFILES_DISPLAY_NAME_INVALID':
      return t('profileEdit.errors.nameInvalid');
    case 'PROFILES_BIO_INVALID':
      return t('profileEdit.errors.bioInvalid');
    case 'PROFILES_AVATAR_TOO_LARGE':
      return t('profileEdit.avatar.errors.tooLarge');
    case 'PROFILES_AVATAR_UNSUPPORTED_TYPE':
      return t('profileEdit.avatar.errors.unsupportedType');
    case 'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE':
      return t('profileEdit.avatar.errors.dimensionsTooLarge');
    case 'PROFILES_AVATAR_UNREADABLE':
      return t('profileEdit.avatar.errors.unreadable');
    case 'PROFILES_AVATAR_MISSING':
    case 'PROFILES_AVATAR_FORM_INVALID':
      return t('profileEdit.avatar.errors.notReceived');
    case 'PROFILES_AVATAR_NOT_FOUND':
      return t('profileEdit.avatar.errors.notFound');
    case 'PROFILES_NOT_FOUND':
      return t('profileEdit.errors.notFound');
    default:
      return authErrorMessage(t, error);
  }
}

/** Which form field a validation error is about, from the server's `details[].path` (e.g. "/bio"). */
export function fieldOfError(error: ApiError): 'displayName' | 'bio' | undefined {
  if (error.code === 'PROFILES_DISPLAY_NAME_INVALID') return 'displayName';
  if (error.code === 'PROFILES_BIO_INVALID') return 'bio';
  if (error.code !== 'PLATFORM_VALIDATION_FAILED' || !Array.isArray(error.details)) return undefined;
  for (const detail of error.details) {
    const path = isRecord(detail) && typeof detail['path'] === 'string' ? detail['path'] : '';
    if (/^\/displayName\b/.test(path)) return 'displayName';
    if (/^\/bio\b/.test(path)) return 'bio';
  }
  return undefined;
}
