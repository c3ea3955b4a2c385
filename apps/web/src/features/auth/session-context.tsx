import { createContext, use, useEffect, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { Session, SessionState } from '../../api/session.ts';

const SessionContext = createContext<Session | undefined>(undefined);

export interface SessionProviderProps {
  session: Session;
  children: ReactNode;
}

/** Makes the session available to the app and restores it from the refresh cookie on start. */
export function SessionProvider({ session, children }: SessionProviderProps) {
  useEffect(() => {
    void session.restore();
    // A restore that failed for want of a network is tried again once the device is back online.
    function onOnline() {
      const { status, restoreError } = session.getState();
      if (status === 'signed-out' && restoreError) void session.restore();
    }
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [session]);
  return <SessionContext value={session}>{children}</SessionContext>;
}

/** The session's state, and the session itself for signing in and out and authed calls. */
export interface UseSession extends SessionState {
  session: Session;
}

/** Reads the session; re-renders on every change of its state. */
export function useSession(): UseSession {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider> above it');
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { ...state, session };
}
