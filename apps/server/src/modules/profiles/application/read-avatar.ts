import { AppError } from '../../../platform/errors/app-error.ts';
import { mayFetchAvatar } from '../domain/visibility.ts';
import type { AvatarRecord } from './ports.ts';
import type { ProfilesDeps } from './profiles-deps.ts';

/** A profile's picture, when the viewer may see it; a hidden picture is "not found" to others, as if there were none. */
export async function readAvatar(deps: ProfilesDeps, accountId: string, viewerId: string | null): Promise<AvatarRecord & { shown: boolean }> {
  const profile = await deps.store.find(deps.db, accountId);
  if (!profile || !mayFetchAvatar(profile, viewerId)) throw new AppError('PROFILES_AVATAR_NOT_FOUND');
  const avatar = await deps.store.findAvatar(deps.db, accountId);
  if (!avatar) throw new AppError('PROFILES_AVATAR_NOT_FOUND');
  return { ...avatar, shown: profile.privacy.avatar };
}
