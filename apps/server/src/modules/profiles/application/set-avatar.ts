import { AppError } from '../../../platform/errors/app-error.ts';
import { convertUpload } from '../../../platform/images/images.ts';
import { AVATAR_LIMITS, AVATAR_REFUSALS, AVATAR_SIDE } from '../domain/avatar-rules.ts';
import type { Profile } from '../domain/profile.ts';
import { lockOwnProfile } from './create-profile.ts';
import type { Caller, ProfilesDeps } from './profiles-deps.ts';

/**
 * Makes an upload the caller's picture: the bytes must really be a JPEG, PNG or WebP of sane size;
 * what is kept is a 256×256 WebP without metadata (no camera details, no GPS).
 */
export async function setAvatar(deps: ProfilesDeps, caller: Caller, upload: Buffer): Promise<Profile> {
  const converted = await convertUpload(deps.images, upload, AVATAR_LIMITS, { width: AVATAR_SIDE, height: AVATAR_SIDE });
  if (!converted.ok) throw new AppError(AVATAR_REFUSALS[converted.problem]);
  return deps.unitOfWork({ actorId: caller.accountId, correlationId: caller.correlationId, causationId: null }, async (tx, events) => {
    const profile = await lockOwnProfile(deps, tx, caller.accountId);
    const now = deps.clock.now();
    await deps.store.setAvatar(tx, caller.accountId, converted.image, now);
    events.emit('profiles.profile-updated.v1', { accountId: caller.accountId, fields: ['avatar'] });
    return { ...profile, avatarUpdatedAt: now, updatedAt: now };
  });
}
