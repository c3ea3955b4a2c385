import { normaliseDisplayName } from '../domain/display-name.ts';
import type { Language, Profile } from '../domain/profile.ts';
import { publicFormOf } from '../domain/public-name.ts';
import { lockOwnProfile } from './create-profile.ts';
import type { Caller, ProfilesDeps } from './profiles-deps.ts';

/**
 * The name to suggest at the welcome step: for an officer verified by a precinct's roster, a safe public
 * form of the roster name ("Jane D."), asked of identity (the full name is never stored here nor shown).
 * Null once they went through it, for citizens, and when the roster gives nothing usable.
 */
export async function suggestedNameFor(deps: Pick<ProfilesDeps, 'identity'>, profile: Profile): Promise<string | null> {
  if (profile.onboardedAt !== null || profile.precinct === null) return null;
  const rosterName = await deps.identity.rosterNameOf(profile.accountId);
  return (rosterName && publicFormOf(rosterName)) ?? null;
}

/** Saves the welcome step: a name of their own and their language; the name change is announced like any other. */
export async function completeWelcome(deps: ProfilesDeps, caller: Caller, input: { displayName: string; language: Language }): Promise<Profile> {
  const displayName = normaliseDisplayName(input.displayName);
  return deps.unitOfWork({ actorId: caller.accountId, correlationId: caller.correlationId, causationId: null }, async (tx, events) => {
    const profile = await lockOwnProfile(deps, tx, caller.accountId);
    const now = deps.clock.now();
    await deps.store.completeOnboarding(tx, caller.accountId, { displayName, language: input.language }, now);
    if (displayName !== profile.displayName) events.emit('profiles.profile-updated.v1', { accountId: caller.accountId, fields: ['displayName'] });
    return { ...profile, displayName, language: input.language, onboardedAt: profile.onboardedAt ?? now, updatedAt: now };
  });
}
