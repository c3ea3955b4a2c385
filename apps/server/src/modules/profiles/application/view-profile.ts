import { AppError } from '../../../platform/errors/app-error.ts';
import { publicViewOf, type PublicProfile } from '../domain/visibility.ts';
import type { ProfilesDeps } from './profiles-deps.ts';

/** Anyone's public profile, as its owner's privacy settings allow; unknown and deleted accounts are not found. */
export async function viewProfile(deps: ProfilesDeps, accountId: string): Promise<PublicProfile> {
  const profile = await deps.store.find(deps.db, accountId);
  if (!profile) throw new AppError('PROFILES_NOT_FOUND');
  return publicViewOf(profile);
}
