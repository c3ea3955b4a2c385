// The HTTP shapes of profiles (TypeBox: validation, serialization and OpenAPI in one) and how a profile is presented in them.
import { Type } from 'typebox';
import type { Profile } from '../domain/profile.ts';
import type { PublicProfile } from '../domain/visibility.ts';

const AccountId = Type.String({ format: 'uuid', description: 'the account the profile belongs to' });
const AvatarUrl = Type.String({ description: 'the picture (256×256 WebP); the `v` parameter changes with it, so it may be cached' });

/** Which parts others may see. */
export const PrivacyBody = Type.Object({
  displayName: Type.Boolean({ description: 'show the display name' }),
  avatar: Type.Boolean({ description: 'show the picture' }),
  bio: Type.Boolean({ description: 'show the bio' }),
  connectionCount: Type.Boolean({ description: 'show how many connections were made' }),
}, { additionalProperties: false });

/** The owner's full profile. */
export const OwnProfileBody = Type.Object({
  accountId: AccountId,
  displayName: Type.String(),
  bio: Type.Union([Type.String(), Type.Null()]),
  precinct: Type.Union([Type.String(), Type.Null()], { description: 'set when they are a verified officer' }),
  avatarUrl: Type.Union([AvatarUrl, Type.Null()]),
  privacy: PrivacyBody,
  counts: Type.Object({
    connectionsMade: Type.Integer(),
    pointsEarned: Type.Integer(),
    pointsSpent: Type.Integer(),
    pointsDonated: Type.Integer(),
    trophies: Type.Integer(),
  }, { additionalProperties: false }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
}, { additionalProperties: false });

/** What anyone may see: hidden or empty parts are absent. */
export const PublicProfileBody = Type.Object({
  accountId: AccountId,
  displayName: Type.Optional(Type.String()),
  bio: Type.Optional(Type.String()),
  precinct: Type.Optional(Type.String({ description: 'a verified officer’s precinct' })),
  avatarUrl: Type.Optional(AvatarUrl),
  connectionsMade: Type.Optional(Type.Integer()),
}, { additionalProperties: false });

/** A change to the caller's profile; every part is optional. */
export const ProfileEditBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '1–40 characters once trimmed, no control characters' })),
  bio: Type.Optional(Type.String({ maxLength: 280, description: 'at most 280 characters; empty removes it' })),
  privacy: Type.Optional(Type.Partial(PrivacyBody, { additionalProperties: false })),
}, { additionalProperties: false });

/** Everything profiles stores about the caller. */
export const ProfileExportBody = Type.Object({
  exportedAt: Type.String({ format: 'date-time' }),
  profile: Type.Object({
    accountId: AccountId,
    displayName: Type.String(),
    bio: Type.Union([Type.String(), Type.Null()]),
    avatar: Type.Union([Type.Object({ dataUrl: Type.String({ description: 'data:image/webp;base64,…' }), updatedAt: Type.String({ format: 'date-time' }) }), Type.Null()]),
    privacy: PrivacyBody,
    counts: OwnProfileBody.properties.counts,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  }),
});

/** The entity tag of a picture version. */
export function avatarTag(updatedAt: Date): string {
  return `"${updatedAt.getTime().toString(36)}"`;
}

function avatarUrl(accountId: string, updatedAt: Date): string {
  return `/api/v1/profiles/${accountId}/avatar?v=${updatedAt.getTime().toString(36)}`;
}

/** The owner's view of their profile. */
export function presentOwnProfile(profile: Profile) {
  return {
    accountId: profile.accountId,
    displayName: profile.displayName,
    bio: profile.bio,
    precinct: profile.precinct,
    avatarUrl: profile.avatarUpdatedAt ? avatarUrl(profile.accountId, profile.avatarUpdatedAt) : null,
    privacy: profile.privacy,
    counts: profile.counters,
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
}

/** The public view, with the picture as a URL. */
export function presentPublicProfile(view: PublicProfile) {
  const { avatarUpdatedAt, ...rest } = view;
  return { ...rest, ...(avatarUpdatedAt ? { avatarUrl: avatarUrl(view.accountId, avatarUpdatedAt) } : {}) };
}
