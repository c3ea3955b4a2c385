import type { ProfilesDeps } from './profiles-deps.ts';
import type { Tx } from './ports.ts';

/**
 * Removes a deleted account's profile and picture: all of it is personal data. What other modules
 * must keep (ledger entries, connection counts for reports) lives there, keyed without identity.
 */
export async function deleteProfile(deps: Pick<ProfilesDeps, 'store' | 'clock'>, tx: Tx, accountId: string): Promise<void> {
  await deps.store.remove(tx, accountId, deps.clock.now());
}
