import type { ProfileEdit } from '../../api/profiles.ts';

/** The longest display name, in characters (Unicode code points, as the server counts). */
export const displayNameMax = 40;
/** The longest bio, in characters. */
export const bioMax = 280;

// As the server: control characters, and bidi overrides and isolates that let a name pose as another.
const forbiddenInName = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
// Line breaks are welcome in a bio; other control characters are not.
const forbiddenInBio = /[^\P{Cc}\n]/u;

/** Characters as people (and the server) count them: "👋🏽" is two, not four. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** A display name as the server stores it: NFC, trimmed, runs of spaces made one. */
export function normaliseDisplayName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/**
 * A bio as the server stores it: NFC, Windows line ends made `\n`, trimmed, at most one blank line
 * in a row. Tabs (which a paste can bring along) become spaces rather than an error.
 */
export function normaliseBio(raw: string): string {
  return raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').trim().replace(/\n{3,}/g, '\n\n');
}

/** Why a display name would be refused. */
export type DisplayNameProblem = 'empty' | 'too-long' | 'control-characters';

/** What is wrong with a display name, or undefined when the server will take it. */
export function displayNameProblem(raw: string): DisplayNameProblem | undefined {
  if (forbiddenInName.test(raw)) return 'control-characters';
  const length = characterCount(normaliseDisplayName(raw));
  if (length < 1) return 'empty';
  if (length > displayNameMax) return 'too-long';
  return undefined;
}

/** Why a bio would be refused. */
export type BioProblem = 'too-long' | 'control-characters';

/** What is wrong with a bio, or undefined when the server will take it (an empty bio removes it). */
export function bioProblem(raw: string): BioProblem | undefined {
  const bio = normaliseBio(raw);
  if (forbiddenInBio.test(bio)) return 'control-characters';
  if (characterCount(bio) > bioMax) return 'too-long';
  return undefined;
}

/** What the edit form holds. */
export interface ProfileDraft {
  displayName: string;
  bio: string;
}

/** The form's starting point for a profile. */
export function draftOf(profile: { displayName: string; bio: string | null }): ProfileDraft {
  return { displayName: profile.displayName, bio: profile.bio ?? '' };
}

/**
 * The PATCH body for what really changed between the saved profile and the draft: only parts
 * whose stored form would differ (so adding a trailing space changes nothing). An emptied bio is
 * sent as '' (which removes it).
 */
export function draftChanges(profile: { displayName: string; bio: string | null }, draft: ProfileDraft): ProfileEdit {
  const edit: ProfileEdit = {};
  const name = normaliseDisplayName(draft.displayName);
  if (name !== profile.displayName) edit.displayName = name;
  const bio = normaliseBio(draft.bio);
  if (bio !== (profile.bio ?? '')) edit.bio = bio;
  return edit;
}

/** The picture types the server takes. */
export const avatarTypes: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
/** The largest picture the server takes: 5 MiB. */
export const avatarMaxBytes = 5 * 1024 * 1024;

/** Why a chosen picture would be refused, judged before uploading it. */
export type AvatarProblem = 'unsupported-type' | 'too-large' | 'empty';

/**
 * A quick check before uploading, to spare a 5 MiB upload that cannot succeed. The server judges
 * the bytes, not the name, and has the last word: a file the browser cannot type is let through.
 */
export function avatarProblem(file: { type: string; size: number }): AvatarProblem | undefined {
  if (file.size === 0) return 'empty';
  if (file.type !== '' && !avatarTypes.includes(file.type.toLowerCase())) return 'unsupported-type';
  if (file.size > avatarMaxBytes) return 'too-large';
  return undefined;
}

/** One character for a picture-less avatar: the first letter (or emoji) of the name. */
export function initialOf(name: string): string {
  const first = [...name.trim()][0];
  return first ? first.toLocaleUpperCase() : '?';
}
