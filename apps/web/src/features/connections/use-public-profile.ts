import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPublicProfile } from '../../api/profiles.ts';
import type { PublicProfile } from '../../api/profiles.ts';

/** Profiles already asked for in this session: a list re-rendering every second must not refetch. */
const cache = new Map<string, Promise<PublicProfile>>();

function load(accountId: string): Promise<PublicProfile> {
  let promise = cache.get(accountId);
  if (!promise) {
    promise = getPublicProfile(accountId);
    // A failure is not remembered: the next look tries again.
    promise.catch(() => cache.delete(accountId));
    cache.set(accountId, promise);
  }
  return promise;
}

/** Someone's public profile (what their privacy settings let anyone see); undefined while loading, on failure, or for an empty id. */
export function usePublicProfile(accountId: string): PublicProfile | undefined {
  const [loaded, setLoaded] = useState<PublicProfile | undefined>(undefined);
  useEffect(() => {
    // No one to look up (e.g. the meet card with no meeting): ask nothing.
    if (accountId === '') return undefined;
    let live = true;
    load(accountId).then(
      (profile) => {
        if (live) setLoaded(profile);
      },
      () => {
        // The fallback name ("An officer") stands in.
      },
    );
    return () => {
      live = false;
    };
  }, [accountId]);
  return loaded?.accountId === accountId ? loaded : undefined;
}

/** Whose side someone is on, for the name that stands in when theirs is hidden. */
export type PersonRole = 'officer' | 'citizen';

/** Someone's public name, or "An officer" / "A neighbour" when it is hidden or not loaded yet. */
export function usePersonName(accountId: string, role: PersonRole): { name: string; profile: PublicProfile | undefined } {
  const { t } = useTranslation();
  const profile = usePublicProfile(accountId);
  const fallback = role === 'officer' ? t('connections.person.officer') : t('connections.person.citizen');
  return { name: profile?.displayName ?? fallback, profile };
}
