import { AppError } from '../../../platform/errors/app-error.ts';
import type { Profile } from '../domain/profile.ts';
import { createProfile } from './create-profile.ts';
import type { ProfilesDeps } from './profiles-deps.ts';

/**
 * The caller's own profile. It is created here when the account-created event has not reached this
 * module yet, so a first visit never finds nothing.
 */
export async function getOwnProfile(deps: ProfilesDeps, accountId: string): Promise<Profile> {
  const found = await deps.store.find(deps.db, accountId);
  if (found) return found;
  return deps.transaction(async (tx) => {
    if (!(await createProfile(deps, tx, accountId))) throw new AppError('PROFILES_NOT_FOUND');
    const created = await deps.store.find(tx, accountId);
    if (!created) throw new AppError('PROFILES_NOT_FOUND');
    return created;
  });
}
