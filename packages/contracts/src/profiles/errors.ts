import { defineErrors } from '../shared/errors.ts';

/** Profiles' error codes. */
export const profilesErrors = defineErrors({
  PROFILES_NOT_FOUND: { status: 404, message: 'There is no such profile.' },
  PROFILES_DISPLAY_NAME_INVALID: { status: 400, message: 'A display name is 1 to 40 characters, without control characters.' },
  PROFILES_BIO_INVALID: { status: 400, message: 'A bio is at most 280 characters, without control characters.' },
  PROFILES_AVATAR_MISSING: { status: 400, message: 'Send the picture as a file in a multipart/form-data body.' },
  PROFILES_AVATAR_FORM_INVALID: { status: 400, message: 'Send one picture file and nothing else.' },
  PROFILES_AVATAR_TOO_LARGE: { status: 413, message: 'That picture is too large; the limit is 5 MiB.' },
  PROFILES_AVATAR_UNSUPPORTED_TYPE: { status: 415, message: 'That file is not a JPEG, PNG or WebP picture.' },
  PROFILES_AVATAR_DIMENSIONS_TOO_LARGE: { status: 400, message: 'That picture is too big; at most 8000 pixels a side.' },
  PROFILES_AVATAR_UNREADABLE: { status: 400, message: 'That picture could not be read; it may be damaged.' },
  PROFILES_AVATAR_NOT_FOUND: { status: 404, message: 'There is no picture here.' },
});

/** A code from this module's list. */
export type ProfilesErrorCode = keyof typeof profilesErrors;
