import type { ApiError } from '../../api/api-error.ts';
import { isRecord } from '../../api/decode.ts';

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
