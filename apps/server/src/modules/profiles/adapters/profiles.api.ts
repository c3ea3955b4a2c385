import type { ProfilesApi, PublicCard } from '@heyblue/contracts/profiles';
import type { Profile } from '../domain/profile.ts';
import { publicViewOf } from '../domain/visibility.ts';
import type { ProfilesDeps } from '../application/profiles-deps.ts';
import { avatarUrl } from './profile-views.ts';

/** The card others see: the public view of the profile (privacy settings applied), with the picture as a URL. */
function cardOf(profile: Profile): PublicCard {
  const view = publicViewOf(profile);
  return {
    accountId: view.accountId,
    ...(view.displayName !== undefined ? { displayName: view.displayName } : {}),
    ...(view.avatarUpdatedAt ? { avatarUrl: avatarUrl(view.accountId, view.avatarUpdatedAt) } : {}),
    role: view.precinct !== undefined ? 'officer' : 'citizen',
    ...(view.precinct !== undefined ? { precinct: view.precinct } : {}),
  };
}

/** Profiles' API for other modules: public cards, read now from profiles' own table, each call one statement. */
export function profilesApi(deps: Pick<ProfilesDeps, 'db' | 'store'>): ProfilesApi {
  return {
    async card(accountId) {
      const profile = await deps.store.find(deps.db, accountId);
      return profile ? cardOf(profile) : null;
    },
    async cards(accountIds) {
      const profiles = await deps.store.findMany(deps.db, accountIds);
      return new Map(profiles.map((profile) => [profile.accountId, cardOf(profile)]));
    },
  };
}
