import type { Caller, ProfilesDeps } from './profiles-deps.ts';

/** Removes the caller's picture; removing none is no error (and no event). */
export async function removeAvatar(deps: ProfilesDeps, caller: Caller): Promise<void> {
  await deps.unitOfWork({ actorId: caller.accountId, correlationId: caller.correlationId, causationId: null }, async (tx, events) => {
    if (await deps.store.removeAvatar(tx, caller.accountId, deps.clock.now())) {
      events.emit('profiles.profile-updated.v1', { accountId: caller.accountId, fields: ['avatar'] });
    }
  });
}
