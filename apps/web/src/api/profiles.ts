// The profile calls. Every shape comes from the server's contract (@heyblue/contracts/profiles) and
// every answer is checked against it before the app sees it.
import { OwnProfile, ProfileExport, PublicProfile, type PrivacyPart, type ProfileEdit, type WelcomeInput } from '@heyblue/contracts/profiles';
import { precompiledChecks } from '@heyblue/contracts/profiles/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import { apiGet } from './http.ts';
import type { Session } from './session.ts';

export type { Language, OwnProfile, Privacy, PrivacyPart, ProfileCounts, ProfileEdit, ProfileExport, PublicProfile, WelcomeInput } from '@heyblue/contracts/profiles';

/** Every part, in the order the app lists them. */
export const privacyParts: readonly PrivacyPart[] = ['displayName', 'avatar', 'bio', 'connectionCount'];

const base = '/api/v1/profiles';

// The profiles schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

/** Checks the body of `GET/PATCH /profiles/me` and `PUT /profiles/me/avatar`. */
export const decodeOwnProfile = decoderOf(OwnProfile, 'profile');

/** Checks the body of `GET /profiles/:accountId`. */
export const decodePublicProfile = decoderOf(PublicProfile, 'public profile');

/** Checks the body of `GET /profiles/me/export`. */
export const decodeProfileExport = decoderOf(ProfileExport, 'profile export');

type Authed = Pick<Session, 'get' | 'send'>;

/** The signed-in person's profile (the server creates it on the first read). */
export function getOwnProfile(session: Authed, signal?: AbortSignal): Promise<OwnProfile> {
  return session.get(`${base}/me`, { decode: decodeOwnProfile, ...(signal ? { signal } : {}) });
}

/** Changes the display name, bio or privacy settings; answers the whole updated profile. */
export function updateProfile(session: Authed, edit: ProfileEdit): Promise<OwnProfile> {
  return session.send('PATCH', `${base}/me`, edit, { decode: decodeOwnProfile });
}

/** The welcome step: a name of one's own and a language; the profile is onboarded after it. */
export function completeWelcome(session: Authed, input: WelcomeInput): Promise<OwnProfile> {
  return session.send('PUT', `${base}/me/welcome`, input, { decode: decodeOwnProfile });
}

/** Uploads a new picture (multipart, one file); answers the updated profile. */
export function uploadAvatar(session: Authed, file: Blob, fileName = 'avatar'): Promise<OwnProfile> {
  const form = new FormData();
  form.append('avatar', file, fileName);
  // Up to 5 MiB on a phone connection: allow far longer than the usual 15 s.
  return session.send('PUT', `${base}/me/avatar`, form, { decode: decodeOwnProfile, timeoutMs: 120_000 });
}

/** Removes the picture. */
export function removeAvatar(session: Authed): Promise<void> {
  return session.send('DELETE', `${base}/me/avatar`);
}

/** What anyone sees of a profile: asked without the bearer token, exactly as a stranger would. */
export function getPublicProfile(accountId: string, signal?: AbortSignal): Promise<PublicProfile> {
  return apiGet(`${base}/${encodeURIComponent(accountId)}`, { decode: decodePublicProfile, ...(signal ? { signal } : {}) });
}

/** Everything the profiles module keeps about the signed-in person (JSON). */
export function exportProfile(session: Authed): Promise<ProfileExport> {
  return session.get(`${base}/me/export`, { decode: decodeProfileExport });
}

/**
 * The owner's own picture as a blob. An `<img>` cannot send the bearer token, and a hidden picture
 * is only served to its owner, signed in; so the app fetches it with the token (refreshed once on a 401).
 */
export async function loadOwnAvatar(session: Pick<Session, 'accessToken' | 'refresh'>, url: string, signal?: AbortSignal): Promise<Blob> {
  const fetchWith = (token: string) => fetch(url, { headers: { Authorization: `Bearer ${token}` }, ...(signal ? { signal } : {}) });
  let response = await fetchWith(session.accessToken() ?? (await session.refresh()));
  if (response.status === 401) response = await fetchWith(await session.refresh());
  if (!response.ok) throw new Error(`The picture could not be loaded (HTTP ${response.status}).`);
  return response.blob();
}
