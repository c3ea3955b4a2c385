import type { Profile } from './profile.ts';

/** What anyone, signed in or not, may see of a profile. Hidden or empty parts are absent. */
export interface PublicProfile {
  readonly accountId: string;
  readonly displayName?: string;
  readonly bio?: string;
  /** A verified officer's precinct. */
  readonly precinct?: string;
  /** Present when the picture is shown; its version makes URLs cache well. */
  readonly avatarUpdatedAt?: Date;
  readonly connectionsMade?: number;
}

/**
 * The public view: only what the owner's privacy settings show. It is the same for every viewer,
 * owner included, so owners see exactly what others see. Points and trophies stay private.
 */
export function publicViewOf(profile: Profile): PublicProfile {
  const { privacy } = profile;
  return {
    accountId: profile.accountId,
    ...(privacy.displayName ? { displayName: profile.displayName } : {}),
    ...(privacy.bio && profile.bio !== null ? { bio: profile.bio } : {}),
    ...(profile.precinct !== null ? { precinct: profile.precinct } : {}),
    ...(privacy.avatar && profile.avatarUpdatedAt !== null ? { avatarUpdatedAt: profile.avatarUpdatedAt } : {}),
    ...(privacy.connectionCount ? { connectionsMade: profile.counters.connectionsMade } : {}),
  };
}

/** A picture may be fetched by anyone when shown, and always by its owner. */
export function mayFetchAvatar(profile: Profile, viewerId: string | null): boolean {
  if (profile.avatarUpdatedAt === null) return false;
  return profile.privacy.avatar || viewerId === profile.accountId;
}
