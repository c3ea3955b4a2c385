import { Navigate, useLocation } from 'react-router';
import { useOwnProfile } from '../profile/own-profile-context.tsx';

/** Pages a person may reach before the welcome step: signing in or out, setting up, accepting an invitation, the step itself. */
const beforeWelcome = /^\/(welcome|sign-in|setup\/|invitations\/|dev\/)/;

/** Sends a signed-in person who has not been welcomed to the welcome step once, then back where they were going. */
export function WelcomeGate() {
  const { profile } = useOwnProfile();
  const { pathname, search } = useLocation();
  if (!profile || profile.onboarded || beforeWelcome.test(pathname)) return null;
  return <Navigate to={`/welcome?next=${encodeURIComponent(`${pathname}${search}`)}`} replace />;
}
