import { AppError } from '../../../platform/errors/app-error.ts';
import { defaultDisplayName, demoDisplayName } from '../domain/display-name.ts';
import { DEFAULT_PRIVACY } from '../domain/privacy.ts';
import type { Profile } from '../domain/profile.ts';
import type { ProfilesDeps } from './profiles-deps.ts';
import type { Tx } from './ports.ts';

/**
 * Gives an account its profile — a "Neighbour" name and the default privacy — unless it has one or
 * the account was deleted. Safe to run twice; true when the profile exists afterwards. A person is
 * asked for a name of their own at the welcome step; an account the operator seeded (demo and test
 * people: nobody to ask) gets a made-up one and skips it.
 */
export async function createProfile(deps: Pick<ProfilesDeps, 'store' | 'clock'>, tx: Tx, accountId: string, options: { seeded?: boolean } = {}): Promise<boolean> {
  const displayName = options.seeded ? demoDisplayName(accountId) : defaultDisplayName(accountId);
  return deps.store.ensure(tx, { accountId, displayName, privacy: DEFAULT_PRIVACY, onboarded: options.seeded === true }, deps.clock.now());
}

/** The caller's profile, locked for a change; created first when the account-created event has not arrived yet. */
export async function lockOwnProfile(deps: Pick<ProfilesDeps, 'store' | 'clock'>, tx: Tx, accountId: string): Promise<Profile> {
  const profile = (await deps.store.lock(tx, accountId)) ?? ((await createProfile(deps, tx, accountId)) ? await deps.store.lock(tx, accountId) : undefined);
  if (!profile) throw new AppError('PROFILES_NOT_FOUND');
  return profile;
}
