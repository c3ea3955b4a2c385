// How a profile is presented in the HTTP answers (their shapes are in @heyblue/contracts/profiles).
import type { OwnProfile, PublicProfile as PublicProfileBody } from '@heyblue/contracts/profiles';
import { imageVersion } from '../../../platform/http/image-answer.ts';
import type { Profile } from '../domain/profile.ts';
import type { PublicProfile } from '../domain/visibility.ts';

/** Where a picture version is served; the version makes the URL safe to cache. */
export function avatarUrl(accountId: string, updatedAt: Date): string {
  return `/api/v1/profiles/${accountId}/avatar?v=${imageVersion(updatedAt)}`;
}

/** The owner's view of their profile (`suggestedName` only before the welcome step). */
export function presentOwnProfile(profile: Profile, suggestedName: string | null = null): OwnProfile {
  return {
    accountId: profile.accountId,
    displayName: profile.displayName,
    bio: profile.bio,
    precinct: profile.precinct,
    avatarUrl: profile.avatarUpdatedAt ? avatarUrl(profile.accountId, profile.avatarUpdatedAt) : null,
    privacy: profile.privacy,
    counts: profile.counters,
    onboarded: profile.onboardedAt !== null,
    language: profile.language,
    suggestedName,
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
}

/** The public view, with the picture as a URL. */
export function presentPublicProfile(view: PublicProfile): PublicProfileBody {
  const { avatarUpdatedAt, ...rest } = view;
  return { ...rest, ...(avatarUpdatedAt ? { avatarUrl: avatarUrl(view.accountId, avatarUpdatedAt) } : {}) };
}
