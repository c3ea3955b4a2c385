import { defineErrors } from '../shared/errors.ts';

/** Error codes the platform itself raises. */
export const platformErrors = defineErrors({
  PLATFORM_VALIDATION_FAILED: { status: 400, message: 'The request does not match the expected shape.' },
  PLATFORM_MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  PLATFORM_BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  PLATFORM_UNAUTHENTICATED: { status: 401, message: 'Sign in to do this.' },
  PLATFORM_FORBIDDEN: { status: 403, message: 'You may not do this.' },
  PLATFORM_NOT_FOUND: { status: 404, message: 'There is nothing here.' },
  PLATFORM_METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed here.' },
  PLATFORM_REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
  PLATFORM_BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  PLATFORM_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not supported.' },
  PLATFORM_RATE_LIMITED: { status: 429, message: 'Too many requests; slow down and try again shortly.' },
  PLATFORM_INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  PLATFORM_NOT_READY: { status: 503, message: 'The server is not ready yet.' },
  PLATFORM_MAP_UNAVAILABLE: { status: 502, message: 'The map provider cannot be reached right now; the map shows without its basemap.' },
  PLATFORM_GEOCODER_OFF: { status: 404, message: 'No address search is configured here; place it on the map or type its coordinates.' },
  PLATFORM_GEOCODER_FAILED: { status: 502, message: 'The address search is not answering right now; try again, or place it on the map.' },
  PLATFORM_UNAVAILABLE: { status: 503, message: 'The server cannot reach a service it needs (its database) right now; try again shortly, with the same Idempotency-Key if you sent one.' },
});
