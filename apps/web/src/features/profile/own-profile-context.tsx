import { createContext, use, useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { getOwnProfile } from '../../api/profiles.ts';
import type { OwnProfile } from '../../api/profiles.ts';
import { useSession } from '../auth/session-context.tsx';

/** The signed-in person's own profile, as the app's shell shows it: their name, picture, whether they were welcomed. */
export interface OwnProfileState {
  /** Undefined while signed out or loading (or when it could not be read: the shell then shows the account's address). */
  readonly profile: OwnProfile | undefined;
  /** Whether the first read for this account is done (loaded or failed). */
  readonly settled: boolean;
  /** A page that changed the profile hands the new one up, so the header and greeting follow. */
  readonly setProfile: (profile: OwnProfile) => void;
}

const OwnProfileContext = createContext<OwnProfileState | undefined>(undefined);

/** Reads the own profile once per signed-in account, for the whole app shell. */
export function OwnProfileProvider({ children }: { children: ReactNode }) {
  const { status, account, session } = useSession();
  const accountId = status === 'signed-in' ? account?.id : undefined;
  const [loaded, setLoaded] = useState<{ accountId: string; profile: OwnProfile | undefined } | undefined>(undefined);

  useEffect(() => {
    if (!accountId) return undefined;
    const controller = new AbortController();
    getOwnProfile(session, controller.signal).then(
      (profile) => setLoaded({ accountId, profile }),
      () => {
        // The pages that need the profile show their own error and retry; the shell falls back to the address.
        if (!controller.signal.aborted) setLoaded({ accountId, profile: undefined });
      },
    );
    return () => controller.abort();
  }, [accountId, session]);

  const setProfile = useCallback((profile: OwnProfile) => setLoaded({ accountId: profile.accountId, profile }), []);
  const current = loaded && loaded.accountId === accountId ? loaded : undefined;
  const value = useMemo(() => ({ profile: current?.profile, settled: current !== undefined, setProfile }), [current, setProfile]);
  return <OwnProfileContext value={value}>{children}</OwnProfileContext>;
}

/** The own profile as the shell knows it; outside the provider, nothing. */
export function useOwnProfile(): OwnProfileState {
  return use(OwnProfileContext) ?? { profile: undefined, settled: false, setProfile: () => {} };
}
