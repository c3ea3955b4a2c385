import type { Tx } from './ports.ts';

/** A claim as the precinct sees it. */
export interface OfficerClaim {
  readonly id: string;
  readonly accountId: string;
  readonly email: string | null;
  readonly badgeNumber: string;
  readonly department: string;
  /** The roster entry it matches, if any (name as the precinct wrote it). */
  readonly rosterName: string | null;
  readonly status: 'pending' | 'confirmed' | 'rejected';
  readonly createdAt: Date;
}

/** Officers' claims on roster entries by badge number and department. */
export interface OfficerClaimStore {
  /** Makes or renews the person's claim on the precinct; false when their claim there is already confirmed. */
  upsert(tx: Tx, claim: { id: string; organisationId: string; accountId: string; badgeNumber: string; department: string }): Promise<boolean>;
  /** The precinct's pending claims, oldest first, each with the roster entry it matches. */
  pendingOf(tx: Tx, organisationId: string): Promise<OfficerClaim[]>;
  /** A pending claim of the precinct, held until the transaction ends, and whether a roster entry matches it. */
  lockPending(tx: Tx, organisationId: string, claimId: string): Promise<{ accountId: string; matchesRoster: boolean } | undefined>;
  decide(tx: Tx, claimId: string, decision: { status: 'confirmed' | 'rejected'; by: string; at: Date }): Promise<void>;
}
