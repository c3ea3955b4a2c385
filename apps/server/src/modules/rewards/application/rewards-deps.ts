import type { Clock } from '../../../platform/clock.ts';
import type { IdentityApi } from '@heyblue/contracts/identity';
import type { ProfilesApi } from '@heyblue/contracts/profiles';
import type { Transact, Tx } from '../../../platform/db/tx.ts';
import type { EventContext } from '../../../platform/events/envelope.ts';
import type { RewardsServerMessage, rewardsEvents } from '@heyblue/contracts/rewards';
import type { UnitOfWorkPort } from '../../../platform/events/unit-of-work-port.ts';
import type { ImageConverter } from '../../../platform/images/images.ts';
import type { MacKey } from '../domain/voucher-code.ts';
import type { IdempotencyStore } from './idempotency-ports.ts';
import type { AwardBatchStore, CatalogueStore, GivingStore, LedgerStore, RulesStore, VoucherStore } from './ports.ts';

/** The events rewards writes (checked against the catalog when emitted). */
export type RewardsCatalog = typeof rewardsEvents;

/** What rewards' use cases need. */
export interface RewardsDeps {
  /** The database for a lone read (each is a transaction of its own). */
  readonly db: Tx;
  /** Runs work in one transaction that writes no events. */
  readonly transaction: Transact;
  readonly unitOfWork: UnitOfWorkPort<RewardsCatalog>;
  readonly clock: Clock;
  /** The deployment's time zone: what "per day" and "per month" mean. */
  readonly timeZone: string;
  readonly ledger: LedgerStore;
  readonly catalogue: CatalogueStore;
  readonly vouchers: VoucherStore;
  readonly rules: RulesStore;
  /** Pays batches of connections set-based. */
  readonly awards: AwardBatchStore;
  readonly giving: GivingStore;
  readonly keys: IdempotencyStore;
  /** Reads and converts the pictures of offers and causes. */
  readonly images: ImageConverter;
  /** Identity's module API: who is a member of an organisation, asked at the moment it matters. */
  readonly identity: IdentityApi;
  /** Profiles' module API: the public cards of the people rewards lists. */
  readonly profiles: ProfilesApi;
  /** Voucher MAC keys: the newest signs, all verify. */
  readonly voucherKeys: () => { readonly signing: MacKey; readonly verifying: readonly MacKey[] };
  /** Seals a voucher code for storage, and opens it again for its holder. */
  readonly seal: { close(text: string): string; open(sealed: string): string };
  /** Sends a websocket message to a person on whichever instance holds their socket. */
  readonly push: (userId: string, message: RewardsServerMessage) => void;
  /** Wakes the issuer saga (a redemption is waiting for an external code). */
  readonly wakeIssuer: () => void;
}

/** Who asked: the signed-in account, its roles, and the request, for event metadata. */
export interface Caller {
  readonly accountId: string;
  readonly roles: readonly string[];
  readonly correlationId: string;
}

/** The event context of a caller's action. */
export function contextOf(caller: Caller): EventContext {
  return { actorId: caller.accountId, correlationId: caller.correlationId, causationId: null };
}

/** Officers are accounts with the officer role (verified by their precinct). */
export function isOfficer(caller: Caller): boolean {
  return caller.roles.includes('officer');
}

/** Admins may do anything in rewards. */
export function isAdmin(caller: Caller): boolean {
  return caller.roles.includes('admin');
}
