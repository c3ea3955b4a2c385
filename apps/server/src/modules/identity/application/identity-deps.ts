import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { EventCatalog } from '../../../platform/events/event-catalog.ts';
import type { UnitOfWork } from '../../../platform/events/unit-of-work.ts';
import type { Keyring } from '../../../platform/keys/keyring.ts';
import type { DeliveryPort } from './delivery-port.ts';
import type { OrganisationStore } from './organisation-ports.ts';
import type { PasskeyStore } from './passkey-ports.ts';
import type { AccessTokens, IdentityStore } from './ports.ts';

/** What identity's use cases need. */
export interface IdentityDeps {
  readonly db: Db;
  readonly store: IdentityStore;
  readonly tokens: AccessTokens;
  readonly keyring: Keyring;
  readonly delivery: DeliveryPort;
  readonly clock: Clock;
  readonly unitOfWork: UnitOfWork<EventCatalog>;
  readonly organisations: OrganisationStore;
  readonly passkeys: PasskeyStore;
  /** Where links in messages point (invitations, setup); known for sure only once the server listens. */
  readonly publicUrl: () => string;
}

/** Who asked, for audit and event metadata. */
export interface RequestContext {
  readonly correlationId: string;
  readonly ip: string;
  readonly userAgent: string | null;
}
