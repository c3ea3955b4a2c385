import { applyEdit, type ProfileEdit } from '../domain/edit.ts';
import type { Profile } from '../domain/profile.ts';
import { lockOwnProfile } from './create-profile.ts';
import type { Caller, ProfilesDeps } from './profiles-deps.ts';

/** Changes the caller's display name, bio or privacy settings; what changed is announced in the same transaction. */
export async function updateProfile(deps: ProfilesDeps, caller: Caller, edit: ProfileEdit): Promise<Profile> {
  return deps.unitOfWork({ actorId: caller.accountId, correlationId: caller.correlationId, causationId: null }, async (tx, events) => {
    const profile = await lockOwnProfile(deps, tx, caller.accountId);
    const outcome = applyEdit(profile, edit);
    if (outcome.changed.length === 0) return profile;
    const now = deps.clock.now();
    await deps.store.update(tx, caller.accountId, outcome, now);
    events.emit('profiles.profile-updated.v1', { accountId: caller.accountId, fields: [...outcome.changed] });
    return { ...profile, displayName: outcome.displayName, bio: outcome.bio, privacy: outcome.privacy, updatedAt: now };
  });
}
