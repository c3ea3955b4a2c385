import { isRecord } from './decode.ts';
import { apiGet } from './http.ts';
import type { Session } from './session.ts';

/** Which parts of a profile others may see. */
export interface Privacy {
  displayName: boolean;
  avatar: boolean;
  bio: boolean;
  connectionCount: boolean;
}

/** A part of a profile a person can show or hide. */
export type PrivacyPart = keyof Privacy;

/** Every part, in the order the app lists them. */
export const privacyParts: readonly PrivacyPart[] = ['displayName', 'avatar', 'bio', 'connectionCount'];

/** What a person has done on Hey Blue!, as counted by the server. */
export interface ProfileCounts {
  connectionsMade: number;
  pointsEarned: number;
  pointsSpent: number;
  pointsDonated: number;
  trophies: number;
}

/** `GET /api/v1/profiles/me`: the owner's own, full profile. */
export interface OwnProfile {
  accountId: string;
  displayName: string;
  bio: string | null;
  /** A verified officer's precinct; null otherwise (and on servers that do not send it yet). */
  precinct: string | null;
  /** Where the picture is; the `v` parameter changes with each new picture. */
  avatarUrl: string | null;
  privacy: Privacy;
  counts: ProfileCounts;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/v1/profiles/:accountId`: what anyone may see. Hidden or empty parts are absent. */
export interface PublicProfile {
  accountId: string;
  displayName?: string;
  bio?: string;
  precinct?: string;
  avatarUrl?: string;
  connectionsMade?: number;
}

/** A change to the own profile; only the parts sent change. An empty bio removes it. */
export interface ProfileEdit {
  displayName?: string;
  bio?: string;
  privacy?: Partial<Privacy>;
}

/** The error codes profile calls can answer with (besides NETWORK_ERROR and the platform's own). */
export const profileErrorCodes = [
  'PROFILES_NOT_FOUND',
  'PROFILES_DISPLAY_NAME_INVALID',
  'PROFILES_BIO_INVALID',
  'PROFILES_AVATAR_MISSING',
  'PROFILES_AVATAR_FORM_INVALID',
  'PROFILES_AVATAR_TOO_LARGE',
  'PROFILES_AVATAR_UNSUPPORTED_TYPE',
  'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE',
  'PROFILES_AVATAR_UNREADABLE',
  'PROFILES_AVATAR_NOT_FOUND',
] as const;

const base = '/api/v1/profiles';

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function decodePrivacy(value: unknown): Privacy | undefined {
  if (!isRecord(value)) return undefined;
  const { displayName, avatar, bio, connectionCount } = value;
  if (typeof displayName !== 'boolean' || typeof avatar !== 'boolean' || typeof bio !== 'boolean' || typeof connectionCount !== 'boolean') return undefined;
  return { displayName, avatar, bio, connectionCount };
}

function decodeCounts(value: unknown): ProfileCounts | undefined {
  if (!isRecord(value)) return undefined;
  const { connectionsMade, pointsEarned, pointsSpent, pointsDonated, trophies } = value;
  if (!isCount(connectionsMade) || !isCount(pointsEarned) || !isCount(pointsSpent) || !isCount(pointsDonated) || !isCount(trophies)) return undefined;
  return { connectionsMade, pointsEarned, pointsSpent, pointsDonated, trophies };
}

function stringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** Checks the body of `GET/PATCH /profiles/me` and `PUT /profiles/me/avatar`. */
export function decodeOwnProfile(data: unknown): OwnProfile {
  if (isRecord(data)) {
    const { accountId, displayName, bio, precinct, avatarUrl, createdAt, updatedAt } = data;
    const privacy = decodePrivacy(data['privacy']);
    const counts = decodeCounts(data['counts']);
    if (
      typeof accountId === 'string' &&
      typeof displayName === 'string' &&
      stringOrNull(bio) &&
      (precinct === undefined || stringOrNull(precinct)) &&
      stringOrNull(avatarUrl) &&
      privacy &&
      counts &&
      typeof createdAt === 'string' &&
      typeof updatedAt === 'string'
    ) {
      return { accountId, displayName, bio, precinct: precinct ?? null, avatarUrl, privacy, counts, createdAt, updatedAt };
    }
  }
  throw new TypeError('Unexpected profile response');
}

/** Checks the body of `GET /profiles/:accountId`; unknown parts are dropped. */
export function decodePublicProfile(data: unknown): PublicProfile {
  if (!isRecord(data) || typeof data['accountId'] !== 'string') throw new TypeError('Unexpected public profile response');
  const { displayName, bio, precinct, avatarUrl, connectionsMade } = data;
  return {
    accountId: data['accountId'],
    ...(typeof displayName === 'string' ? { displayName } : {}),
    ...(typeof bio === 'string' ? { bio } : {}),
    ...(typeof precinct === 'string' ? { precinct } : {}),
    ...(typeof avatarUrl === 'string' ? { avatarUrl } : {}),
    ...(isCount(connectionsMade) ? { connectionsMade } : {}),
  };
}

type Authed = Pick<Session, 'get' | 'send'>;

/** The signed-in person's profile (the server creates it on the first read). */
export function getOwnProfile(session: Authed, signal?: AbortSignal): Promise<OwnProfile> {
  return session.get(`${base}/me`, { decode: decodeOwnProfile, ...(signal ? { signal } : {}) });
}

/** Changes the display name, bio or privacy settings; answers the whole updated profile. */
export function updateProfile(session: Authed, edit: ProfileEdit): Promise<OwnProfile> {
  return session.send('PATCH', `${base}/me`, edit, { decode: decodeOwnProfile });
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
export function exportProfile(session: Authed): Promise<unknown> {
  return session.get(`${base}/me/export`);
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
