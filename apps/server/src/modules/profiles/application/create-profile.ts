import { AppError } from '../../../platform/errors/app-error.ts';
import { defaultDisplayName } from '../domain/display-name.ts';
import { DEFAULT_PRIVACY } from '../domain/privacy.ts';
import type { Profile } from '../domain/profile.ts';
import type { ProfilesDeps } from './profiles-deps.ts';
import type { Tx } from './ports.ts';

/**
 * Gives an account its profile — a "Neighbour" name and the default privacy — unless it has one or
 * the account was deleted. Safe to run twice; true when the profile exists afterwards.
 */
export async function createProfile(deps: Pick<ProfilesDeps, 'store' | 'clock'>, tx: Tx, accountId: string): Promise<boolean> {
  return deps.store.ensure(tx, { accountId, displayName: defaultDisplayName(accountId), privacy: DEFAULT_PRIVACY }, deps.clock.now());
}

/** The caller's profile, locked for a change; created first when the account-created event has not arrived yet. */
export async function lockOwnProfile(deps: Pick<ProfilesDeps, 'store' | 'clock'>, tx: Tx, accountId: string): Promise<Profile> {
  const profile = (await deps.store.lock(tx, accountId)) ?? ((await createProfile(deps, tx, accountId)) ? await deps.store.lock(tx, accountId) : undefined);
  if (!profile) throw new AppError('PROFILES_NOT_FOUND');
  return profile;
}
