// The profiles module's published events.
import { Type, type Static } from 'typebox';
import { catalogOf, defineEvent } from '../shared/events.ts';

/** What a profile change touched; the values are the names in `fields`. */
export const ProfileField = Type.Union([Type.Literal('displayName'), Type.Literal('bio'), Type.Literal('avatar'), Type.Literal('privacy')]);
export type ProfileField = Static<typeof ProfileField>;

/** A person changed their public profile. */
export const ProfileUpdatedV1 = Type.Object({
  accountId: Type.String({ format: 'uuid', description: 'whose profile changed' }),
  fields: Type.Array(ProfileField, { minItems: 1, description: 'what changed: displayName, bio, avatar, privacy' }),
});
export type ProfileUpdatedV1 = Static<typeof ProfileUpdatedV1>;

/** Profiles' events. */
export const profilesEvents = catalogOf(
  defineEvent('profiles.profile-updated.v1', ProfileUpdatedV1, 'A person changed their display name, bio, avatar or privacy settings.'),
);
