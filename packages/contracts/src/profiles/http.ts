// The profiles module's HTTP shapes: every request part and JSON answer of its routes.
import { Type, type Static } from 'typebox';
import { Nullable, Time, Uuid } from '../shared/http.ts';

const AccountId = Uuid('the account the profile belongs to');
const AvatarUrl = Type.String({ description: 'the picture (256×256 WebP); the `v` parameter changes with it, so it may be cached' });

/** Which parts of a profile others may see; each is the person's own choice. */
export const Privacy = Type.Object({
  displayName: Type.Boolean({ description: 'show the display name' }),
  avatar: Type.Boolean({ description: 'show the picture' }),
  bio: Type.Boolean({ description: 'show the bio' }),
  connectionCount: Type.Boolean({ description: 'show how many connections were made' }),
});
export type Privacy = Static<typeof Privacy>;

/** A part of a profile a person can show or hide. */
export type PrivacyPart = keyof Privacy;

/** What a person has done on Hey Blue!, as counted from other modules' events. */
export const ProfileCounts = Type.Object({
  connectionsMade: Type.Integer(),
  pointsEarned: Type.Integer(),
  pointsSpent: Type.Integer(),
  pointsDonated: Type.Integer(),
  trophies: Type.Integer(),
});
export type ProfileCounts = Static<typeof ProfileCounts>;

/** The languages the app speaks. */
export const Language = Type.Union([Type.Literal('en'), Type.Literal('es')], { description: 'English or Spanish' });
export type Language = Static<typeof Language>;

/** `GET/PATCH /profiles/me`, `PUT /profiles/me/avatar`: the owner's own, full profile. */
export const OwnProfile = Type.Object({
  accountId: AccountId,
  displayName: Type.String(),
  bio: Nullable(Type.String({ description: 'null when they wrote none' })),
  precinct: Nullable(Type.String({ description: 'set when they are a verified officer' })),
  avatarUrl: Nullable(AvatarUrl),
  privacy: Privacy,
  counts: ProfileCounts,
  onboarded: Type.Boolean({ description: 'they went through the welcome step (a name of their own, a picture, a language); the app asks once until then' }),
  language: Nullable(Language),
  suggestedName: Nullable(Type.String({ description: 'before the welcome step, for an officer verified by a roster: a safe public form of the roster name ("Jane D.") to confirm or change; never the full name' })),
  createdAt: Time(),
  updatedAt: Time(),
});
export type OwnProfile = Static<typeof OwnProfile>;

/** `PUT /profiles/me/welcome`: what the welcome step asks (the picture is uploaded on its own). */
export const WelcomeInput = Type.Object({
  displayName: Type.String({ minLength: 1, maxLength: 100, description: '1–40 characters once trimmed, no control characters' }),
  language: Language,
}, { additionalProperties: false });
export type WelcomeInput = Static<typeof WelcomeInput>;

/** `GET /profiles/:accountId`: what anyone may see; hidden or empty parts are absent. */
export const PublicProfile = Type.Object({
  accountId: AccountId,
  displayName: Type.Optional(Type.String()),
  bio: Type.Optional(Type.String()),
  precinct: Type.Optional(Type.String({ description: 'a verified officer’s precinct' })),
  avatarUrl: Type.Optional(AvatarUrl),
  connectionsMade: Type.Optional(Type.Integer()),
});
export type PublicProfile = Static<typeof PublicProfile>;

/** `PATCH /profiles/me`: a change to the own profile; only the parts sent change. */
export const ProfileEdit = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '1–40 characters once trimmed, no control characters' })),
  bio: Type.Optional(Type.String({ maxLength: 280, description: 'at most 280 characters; empty removes it' })),
  privacy: Type.Optional(Type.Partial(Privacy, { additionalProperties: false })),
}, { additionalProperties: false });
export type ProfileEdit = Static<typeof ProfileEdit>;

/** `GET /profiles/me/export`: everything profiles stores about the caller. */
export const ProfileExport = Type.Object({
  exportedAt: Time(),
  profile: Type.Object({
    accountId: AccountId,
    displayName: Type.String(),
    bio: Nullable(Type.String()),
    avatar: Nullable(Type.Object({ dataUrl: Type.String({ description: 'data:image/webp;base64,…' }), updatedAt: Time() })),
    privacy: Privacy,
    counts: ProfileCounts,
    createdAt: Time(),
    updatedAt: Time(),
  }),
});
export type ProfileExport = Static<typeof ProfileExport>;

/** Whose profile or picture a route answers. */
export const AccountIdParams = Type.Object({ accountId: AccountId });
export type AccountIdParams = Static<typeof AccountIdParams>;

/** `GET /profiles/:accountId/avatar`: the version only busts caches. */
export const AvatarQuery = Type.Object({ v: Type.Optional(Type.String({ maxLength: 20, description: 'the picture version, only to bust caches' })) });
export type AvatarQuery = Static<typeof AvatarQuery>;
