/** Largest upload accepted (5 MiB). */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
/** Largest side accepted, in pixels: bigger ones are absurd for a face and costly to decode. */
export const AVATAR_MAX_SIDE = 8000;
/** Stored pictures are this many pixels square. */
export const AVATAR_SIDE = 256;
/** Picture formats accepted, as found in the bytes (never as declared by the client). */
export const AVATAR_FORMATS: readonly string[] = ['jpeg', 'png', 'webp'];

/** What the bytes of an upload turned out to be; null when they are no picture at all. */
export interface ImageFacts {
  readonly format: string;
  readonly width: number;
  readonly height: number;
}

/** Why an upload is refused (an error code of this module). */
export type AvatarRefusal = 'PROFILES_AVATAR_TOO_LARGE' | 'PROFILES_AVATAR_UNSUPPORTED_TYPE' | 'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE' | 'PROFILES_AVATAR_UNREADABLE';

/** Why an upload is refused, or null when it may become an avatar. */
export function avatarRefusal(byteLength: number, facts: ImageFacts | null): AvatarRefusal | null {
  if (byteLength > AVATAR_MAX_BYTES) return 'PROFILES_AVATAR_TOO_LARGE';
  if (facts === null || !AVATAR_FORMATS.includes(facts.format)) return 'PROFILES_AVATAR_UNSUPPORTED_TYPE';
  if (facts.width > AVATAR_MAX_SIDE || facts.height > AVATAR_MAX_SIDE) return 'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE';
  if (facts.width < 1 || facts.height < 1) return 'PROFILES_AVATAR_UNREADABLE';
  return null;
}
