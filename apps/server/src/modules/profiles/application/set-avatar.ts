import { AppError } from '../../../platform/errors/app-error.ts';
import { AVATAR_SIDE, avatarRefusal } from '../domain/avatar-rules.ts';
import type { Profile } from '../domain/profile.ts';
import { lockOwnProfile } from './create-profile.ts';
import type { Caller, ProfilesDeps } from './profiles-deps.ts';

/**
 * Makes an upload the caller's picture: the bytes must really be a JPEG, PNG or WebP of sane size;
 * what is kept is a 256×256 WebP without metadata (no camera details, no GPS).
 */
export async function setAvatar(deps: ProfilesDeps, caller: Caller, upload: Buffer): Promise<Profile> {
  const refusal = avatarRefusal(upload.byteLength, await deps.images.inspect(upload));
  if (refusal) throw new AppError(refusal);
  const image = await deps.images.toAvatar(upload, AVATAR_SIDE);
  if (!image) throw new AppError('PROFILES_AVATAR_UNREADABLE');
  return deps.unitOfWork({ actorId: caller.accountId, correlationId: caller.correlationId, causationId: null }, async (tx, events) => {
    const profile = await lockOwnProfile(deps, tx, caller.accountId);
    const now = deps.clock.now();
    await deps.store.setAvatar(tx, caller.accountId, image, now);
    events.emit('profiles.profile-updated.v1', { accountId: caller.accountId, fields: ['avatar'] });
    return { ...profile, avatarUpdatedAt: now, updatedAt: now };
  });
}
