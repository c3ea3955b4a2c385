import type { IdentityApi } from '@heyblue/contracts/identity';
import type { Clock } from '../../../platform/clock.ts';
import type { Transact, Tx } from '../../../platform/db/tx.ts';
import type { profilesEvents } from '@heyblue/contracts/profiles';
import type { UnitOfWorkPort } from '../../../platform/events/unit-of-work-port.ts';
import type { ImageConverter } from '../../../platform/images/images.ts';
import type { ProfileStore } from './ports.ts';

/** What profiles' use cases need. */
export interface ProfilesDeps {
  /** The database for a lone read (each is a transaction of its own). */
  readonly db: Tx;
  /** Runs work in one transaction that writes no events. */
  readonly transaction: Transact;
  readonly store: ProfileStore;
  /** Reads and converts uploaded pictures. */
  readonly images: ImageConverter;
  readonly clock: Clock;
  readonly unitOfWork: UnitOfWorkPort<typeof profilesEvents>;
  /** Identity's answers: the roster name behind an officer's suggested public name. */
  readonly identity: IdentityApi;
}

/** Who asked: the signed-in account and the request, for event metadata. */
export interface Caller {
  readonly accountId: string;
  readonly correlationId: string;
}
