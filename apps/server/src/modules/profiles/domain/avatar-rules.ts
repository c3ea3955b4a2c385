import type { ProfilesErrorCode } from '@heyblue/contracts/profiles';

/** Largest upload accepted (5 MiB). */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
/** Largest side accepted, in pixels: bigger ones are absurd for a face and costly to decode. */
export const AVATAR_MAX_SIDE = 8000;
/** Stored pictures are this many pixels square. */
export const AVATAR_SIDE = 256;
/** Picture formats accepted, as found in the bytes (never as declared by the client). */
export const AVATAR_FORMATS: readonly string[] = ['jpeg', 'png', 'webp'];

/** What an avatar upload may be: a JPEG, PNG or WebP of at most 5 MiB and 8000 pixels a side. */
export const AVATAR_LIMITS = { maxBytes: AVATAR_MAX_BYTES, maxSide: AVATAR_MAX_SIDE, formats: AVATAR_FORMATS } as const;

/** This module's answer to each reason an upload cannot become a picture (platform/images). */
export const AVATAR_REFUSALS = {
  'too-large': 'PROFILES_AVATAR_TOO_LARGE',
  'unsupported-type': 'PROFILES_AVATAR_UNSUPPORTED_TYPE',
  'dimensions-too-large': 'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE',
  unreadable: 'PROFILES_AVATAR_UNREADABLE',
} as const satisfies Record<string, ProfilesErrorCode>;
