import type { Clock } from '../../../platform/clock.ts';
import type { Transact, Tx } from '../../../platform/db/tx.ts';
import type { identityEvents } from '@heyblue/contracts/identity';
import type { UnitOfWorkPort } from '../../../platform/events/unit-of-work-port.ts';
import type { Keyring } from '../../../platform/keys/keyring.ts';
import type { DeliveryPort } from './delivery-port.ts';
import type { OfficerClaimStore } from './officer-claim-ports.ts';
import type { OrganisationStore } from './organisation-ports.ts';
import type { PasskeyStore } from './passkey-ports.ts';
import type { AccessTokens, IdentityStore } from './ports.ts';

/** What identity's use cases need. */
export interface IdentityDeps {
  /** The database for a lone read (each is a transaction of its own). */
  readonly db: Tx;
  /** Runs work in one transaction that writes no events. */
  readonly transaction: Transact;
  readonly store: IdentityStore;
  readonly tokens: AccessTokens;
  readonly keyring: Keyring;
  readonly delivery: DeliveryPort;
  readonly clock: Clock;
  readonly unitOfWork: UnitOfWorkPort<typeof identityEvents>;
  readonly organisations: OrganisationStore;
  readonly passkeys: PasskeyStore;
  readonly claims: OfficerClaimStore;
  /** Where links in messages point (invitations, setup); known for sure only once the server listens. */
  readonly publicUrl: () => string;
}

/** Who asked, for audit and event metadata. */
export interface RequestContext {
  readonly correlationId: string;
  readonly ip: string;
  readonly userAgent: string | null;
}
