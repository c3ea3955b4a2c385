import type { ProfilesDeps } from './profiles-deps.ts';
import type { Tx } from './ports.ts';
import { createProfile } from './create-profile.ts';

/** A verified officer's profile shows their precinct; their bio is hidden by default (officers show precinct and connections, nothing more). */
export async function markOfficer(deps: Pick<ProfilesDeps, 'store' | 'clock'>, tx: Tx, accountId: string, precinct: string): Promise<void> {
  if (!(await createProfile(deps, tx, accountId))) return;
  await deps.store.markOfficer(tx, accountId, precinct, deps.clock.now());
}
