import type { OfferCategory } from '@heyblue/contracts/rewards';
import type { Tx } from '../../../platform/db/tx.ts';
import type { ConnectionKind, RuleDefinition } from '../domain/earning-rules.ts';

/** Where a store's method runs: an opaque handle (a transaction, or the database for a lone read); only adapters reach SQL through it. */
export type { Tx };

/** What a transfer is for; a refund reverses an earlier transfer. */
export type TransferKind = 'award' | 'adjustment' | 'redemption' | 'hold' | 'settle-hold' | 'refund' | 'donation' | 'gift';

/** A ledger account by id (issuance, holding), or a person's or organisation's account by its owner. */
export type AccountRef = string | { readonly kind: 'person' | 'organisation'; readonly ownerId: string };

/** A movement to write: from the debit account to the credit account. */
export interface TransferDraft {
  readonly id: string;
  /** An owner without an account has nothing to spend. */
  readonly from: AccountRef;
  /** An owner's account is opened on its first credit. */
  readonly to: AccountRef;
  readonly amount: number;
  readonly kind: TransferKind;
  /** The award, voucher, donation or gift it belongs to. */
  readonly referenceId: string | null;
  /** The transfer this one reverses (refunds). */
  readonly reversesId?: string | null;
  readonly at: Date;
}

/** Balances after a transfer. */
export interface Moved {
  readonly fromBalance: number;
  readonly toBalance: number;
}

/** One line of a person's history. */
export interface MovementRecord {
  readonly id: string;
  readonly at: Date;
  readonly kind: TransferKind;
  /** Signed from the person's side. */
  readonly points: number;
  readonly referenceId: string | null;
  /** The other ledger account's owner, when it is a person or organisation. */
  readonly counterpartOwnerId: string | null;
  /** For awards: the rule and version that granted them. */
  readonly ruleId: string | null;
  readonly ruleVersion: number | null;
  /** The rule's name, the offer's or the cause's title. */
  readonly title: string | null;
  /** A gift's message. */
  readonly message: string | null;
}

/** A page of rows and where the next one starts. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** An approved partner organisation, as rewards knows it from identity's events. */
export interface OrganisationRecord {
  readonly id: string;
  readonly type: 'retailer' | 'charity' | 'municipality' | 'precinct';
  readonly name: string;
}

/** A place an offer can be used. */
export interface OfferLocation {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

/** An offer or scheme. */
export interface OfferRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly kind: 'offer' | 'scheme';
  readonly title: string;
  readonly description: string;
  readonly category: OfferCategory;
  /** When its picture was last set; null without one. */
  readonly imageUpdatedAt: Date | null;
  readonly pricePoints: number;
  readonly stockLeft: number;
  readonly perUserLimit: number | null;
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly locations: readonly OfferLocation[];
  readonly voucherValidDays: number;
  readonly issuerUrl: string | null;
  readonly issuerSecret: string | null;
  readonly status: 'active' | 'paused' | 'archived';
  readonly distanceKm: number | null;
}

/** Where a voucher stands. */
export type VoucherStatus = 'pending' | 'active' | 'used' | 'cancelled' | 'failed';

/** A voucher with what it is for. */
export interface VoucherRecord {
  readonly id: string;
  readonly offerId: string;
  readonly offerTitle: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly citizenId: string;
  readonly status: VoucherStatus;
  readonly points: number;
  readonly codeSealed: string;
  readonly shortCode: string;
  readonly externalCode: string | null;
  readonly validUntil: Date;
  readonly issuedAt: Date;
  readonly usedAt: Date | null;
  readonly cancelledAt: Date | null;
  readonly failureReason: string | null;
  readonly paymentId: string;
  readonly settlementId: string | null;
  readonly issuerAttempts: number;
}

/** A charity's cause. */
export interface CauseRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly kind: 'cause' | 'family';
  readonly title: string;
  readonly description: string;
  readonly goalPoints: number | null;
  readonly receivedPoints: number;
  readonly active: boolean;
  /** When its picture was last set; null without one. */
  readonly imageUpdatedAt: Date | null;
}

/** A stored picture of an offer or a cause. */
export interface CatalogueImage {
  readonly image: Buffer;
  readonly updatedAt: Date;
}

/** What has a picture in the catalogue. */
export type Pictured = 'offer' | 'cause';

/** Deployment-wide rewards settings. */
export interface RewardsSettings {
  readonly citizenGiftsEnabled: boolean;
  readonly giftDailyCap: number;
  readonly donationDailyCap: number;
  readonly pointValueCents: number;
  /** How often the same officer and citizen may connect in a rolling day (connections asks; the rules decide what is paid). */
  readonly pairConnectionsPerDay: number;
}

/** A rule at its current version, with what it has paid. */
export interface RuleRecord {
  readonly id: string;
  readonly version: number;
  readonly definition: RuleDefinition;
  readonly spentPoints: number;
  readonly updatedAt: Date;
}

/** A connection as the earning rules see it. */
export interface ConnectionSeen {
  readonly connectionId: string;
  readonly officerId: string;
  readonly citizenId: string;
  readonly kind: ConnectionKind;
  readonly madeAt: Date;
}

/** The ledger: accounts, balances, transfers. */
export interface LedgerStore {
  /** The ledger account of a person or organisation, opened on first use. */
  accountOf(tx: Tx, kind: 'person' | 'organisation', ownerId: string): Promise<string>;
  /** A person's or organisation's balance (0 before their first movement). */
  balanceOf(tx: Tx, kind: 'person' | 'organisation', ownerId: string): Promise<number>;
  /** The balances of several owners' accounts in one read, by owner (an owner without an account is left out). */
  balancesOf(tx: Tx, kind: 'person' | 'organisation', ownerIds: readonly string[]): Promise<Map<string, number>>;
  /** Holds an account's row until the transaction ends (caps are checked under it). */
  lock(tx: Tx, accountId: string): Promise<number>;
  /** Writes a transfer and both balances; throws REWARDS_INSUFFICIENT_POINTS when the debit would overdraw. */
  move(tx: Tx, transfer: TransferDraft): Promise<Moved>;
  /** Why an operator's adjustment was made. */
  recordAdjustment(tx: Tx, transferId: string, reason: string): Promise<void>;
  /** The account a transfer credited (where a pending voucher's points are held). */
  creditAccountOf(tx: Tx, transferId: string): Promise<string | null>;
  /** An account's movements, newest first. */
  history(tx: Tx, accountId: string, limit: number, cursor: string | undefined): Promise<Page<MovementRecord>>;
  /** An account's movements on local days [firstDay, afterLastDay) in `timeZone`, oldest first. */
  movementsInMonth(tx: Tx, accountId: string, firstDay: string, afterLastDay: string, timeZone: string): Promise<MovementRecord[]>;
  /** The ledger's own audit: the sum of all entries and any account whose balance differs from its entries. */
  conservation(tx: Tx): Promise<Conservation>;
}

/** The result of a conservation check. */
export interface Conservation {
  readonly sumOfEntries: number;
  readonly accounts: number;
  readonly mismatched: ReadonlyArray<{ accountId: string; kind: string; balance: number; entries: number }>;
}

/** An offer search (simple here; the partners issue makes it fast). */
export interface OfferSearch {
  readonly text: string | null;
  readonly category: OfferCategory | null;
  readonly kind: 'offer' | 'scheme' | null;
  /** Only offers that cost at most this many points. */
  readonly maxPoints: number | null;
  /** Nearest first from here (by the nearest of an offer's places; offers without one last). */
  readonly near: { readonly lat: number; readonly lon: number } | null;
  /** With `near`: only offers with a place within this many kilometres. */
  readonly radiusKm: number | null;
  readonly limit: number;
  readonly cursor: string | undefined;
}

/** Approved organisations, people and officers (from identity's events), offers and causes. */
export interface CatalogueStore {
  upsertOrganisation(tx: Tx, org: OrganisationRecord): Promise<void>;
  addOfficer(tx: Tx, accountId: string, precinctId: string): Promise<void>;
  /** Someone with an account (from identity.account-created.v1, or seen signed in). */
  addPerson(tx: Tx, accountId: string): Promise<void>;
  /** A deleted account: no longer a gift recipient. */
  removePerson(tx: Tx, accountId: string): Promise<void>;
  personExists(tx: Tx, accountId: string): Promise<boolean>;
  organisation(tx: Tx, id: string): Promise<OrganisationRecord | null>;
  precinctOf(tx: Tx, accountId: string): Promise<string | null>;
  colleaguesOf(tx: Tx, accountId: string): Promise<string[]>;
  insertOffer(tx: Tx, offer: OfferRecord): Promise<void>;
  updateOffer(tx: Tx, offer: OfferRecord): Promise<void>;
  /** An organisation's offers by their partner's own ids, held until the transaction ends. */
  offersByExternalId(tx: Tx, organisationId: string, externalIds: readonly string[]): Promise<Map<string, OfferRecord>>;
  /** Inserts or changes offers by (organisation, external id), in a few statements; answers each offer's id and whether it was new. */
  upsertOffers(tx: Tx, offers: ReadonlyArray<OfferRecord & { readonly externalId: string }>): Promise<Array<{ externalId: string; offerId: string; created: boolean }>>;
  /** An offer; `lock` holds its row until the transaction ends. */
  offer(tx: Tx, id: string, lock?: boolean): Promise<OfferRecord | null>;
  /** Takes one from the stock and answers the offer (`stockLeft` after it), its row held until the transaction ends; null when it is unknown or none is left. */
  takeOne(tx: Tx, id: string): Promise<OfferRecord | null>;
  returnStock(tx: Tx, id: string): Promise<void>;
  searchOffers(tx: Tx, search: OfferSearch, now: Date): Promise<Page<OfferRecord>>;
  /** The categories open offers are in. */
  categories(tx: Tx, now: Date): Promise<OfferCategory[]>;
  offersOf(tx: Tx, organisationId: string, limit: number, cursor: string | undefined): Promise<Page<OfferRecord>>;
  insertCause(tx: Tx, cause: CauseRecord): Promise<void>;
  updateCause(tx: Tx, cause: CauseRecord): Promise<void>;
  /** A cause; `lock` holds its row until the transaction ends. */
  cause(tx: Tx, id: string, lock?: boolean): Promise<CauseRecord | null>;
  addToCause(tx: Tx, id: string, points: number): Promise<void>;
  searchCauses(tx: Tx, text: string | null, limit: number, cursor: string | undefined): Promise<Page<CauseRecord>>;
  causesOf(tx: Tx, organisationId: string, limit: number, cursor: string | undefined): Promise<Page<CauseRecord>>;
  /** Sets an offer's or cause's picture (replacing any), and when. */
  setImage(tx: Tx, of: Pictured, id: string, image: Buffer, at: Date): Promise<void>;
  /** Removes its picture; true when there was one. */
  removeImage(tx: Tx, of: Pictured, id: string): Promise<boolean>;
  /** Its picture, if it has one. */
  image(tx: Tx, of: Pictured, id: string): Promise<CatalogueImage | undefined>;
}

/** Vouchers and their states; every state change is a conditional update, so it happens once. */
export interface VoucherStore {
  /** Inserts a voucher; false when its short code is already taken in the organisation (draw another). */
  insert(tx: Tx, voucher: VoucherRecord, codeHash: Buffer): Promise<boolean>;
  byId(tx: Tx, id: string, lock?: boolean): Promise<VoucherRecord | null>;
  byHash(tx: Tx, hash: Buffer): Promise<VoucherRecord | null>;
  byShortCode(tx: Tx, organisationId: string, shortCode: string): Promise<VoucherRecord | null>;
  /** Vouchers a citizen holds or held for an offer (pending, active or used): what the per-user limit counts. */
  heldBy(tx: Tx, offerId: string, citizenId: string): Promise<number>;
  /** active → used, only before it expires; false when it was not active. */
  markUsed(tx: Tx, id: string, usedBy: string, at: Date): Promise<boolean>;
  /** active → cancelled; false when it was not active. */
  markCancelled(tx: Tx, id: string, refundId: string, at: Date): Promise<boolean>;
  /** pending → active with the issuer's code. */
  activate(tx: Tx, id: string, externalCode: string, settlementId: string): Promise<boolean>;
  /** pending → failed, points refunded. */
  fail(tx: Tx, id: string, reason: string, refundId: string): Promise<boolean>;
  /** Claims pending vouchers due for an issuer call, leasing them for `leaseMs`. */
  claimPending(tx: Tx, now: Date, leaseMs: number, limit: number): Promise<string[]>;
  retryLater(tx: Tx, id: string, at: Date, error: string): Promise<void>;
  ofCitizen(tx: Tx, citizenId: string, limit: number, cursor: string | undefined): Promise<Page<VoucherRecord>>;
  ofOrganisation(tx: Tx, organisationId: string, limit: number, cursor: string | undefined): Promise<Page<VoucherRecord>>;
}

/** An award to write. */
export interface AwardDraft {
  readonly id: string;
  readonly eventId: string;
  readonly recipientId: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly counterpartId: string;
  readonly points: number;
  readonly localDay: string;
  readonly transferId: string;
  readonly at: Date;
}

/** Earning rules, connections seen and awards. */
export interface RulesStore {
  /** Every rule at its current version. */
  current(tx: Tx): Promise<RuleRecord[]>;
  one(tx: Tx, id: string, lock?: boolean): Promise<RuleRecord | null>;
  versions(tx: Tx, id: string): Promise<RuleRecord[]>;
  create(tx: Tx, id: string, definition: RuleDefinition, by: string | null, at: Date): Promise<void>;
  addVersion(tx: Tx, id: string, version: number, definition: RuleDefinition, by: string | null, at: Date): Promise<void>;
  /** Records a connection; false when it was already recorded (a redelivery). */
  recordConnection(tx: Tx, connection: ConnectionSeen): Promise<boolean>;
  /** Whether each party, and the pair, connected before this connection. */
  history(tx: Tx, connection: ConnectionSeen): Promise<{ officerBefore: boolean; citizenBefore: boolean; pairBefore: boolean }>;
  /** What a rule paid a recipient today, in all and with this counterpart. */
  usage(tx: Tx, ruleId: string, recipientId: string, counterpartId: string, day: string): Promise<{ pairToday: number; recipientToday: number }>;
  /** Inserts an award; false when this event already paid this recipient under this rule. */
  insertAward(tx: Tx, award: AwardDraft): Promise<boolean>;
  /** What each rule has paid in all, by rule id (for the admins' list). */
  paidSoFar(tx: Tx): Promise<Map<string, number>>;
  /** Adds to a rule's spending; false when that would pass its budget. */
  spend(tx: Tx, ruleId: string, points: number, budget: number | null): Promise<boolean>;
  /** The rule behind an award transfer (for history lines). */
  awardOf(tx: Tx, transferId: string): Promise<{ ruleId: string; ruleVersion: number; ruleName: string } | null>;
}

/** A donation as charities see it (the donor id stays on the server). */
export interface DonationRecord {
  readonly id: string;
  readonly causeId: string;
  readonly causeTitle: string;
  readonly organisationId: string;
  readonly donorId: string;
  readonly points: number;
  readonly at: Date;
  readonly localDay: string;
}

/** A gift to write. */
export interface GiftDraft {
  readonly id: string;
  readonly senderId: string;
  readonly recipientId: string;
  readonly points: number;
  readonly message: string | null;
  readonly transferId: string;
  readonly at: Date;
  readonly localDay: string;
}

/** Donations, gifts and settings. */
export interface GivingStore {
  settings(tx: Tx): Promise<RewardsSettings>;
  saveSettings(tx: Tx, settings: RewardsSettings): Promise<void>;
  donatedOn(tx: Tx, donorId: string, day: string): Promise<number>;
  giftedOn(tx: Tx, senderId: string, day: string): Promise<number>;
  insertDonation(tx: Tx, donation: Omit<DonationRecord, 'causeTitle'>, transferId: string): Promise<void>;
  insertGift(tx: Tx, gift: GiftDraft): Promise<void>;
  gift(tx: Tx, id: string): Promise<{ senderId: string; recipientId: string; message: string | null } | null>;
  donationsOf(tx: Tx, organisationId: string, limit: number, cursor: string | undefined): Promise<Page<DonationRecord>>;
  donationsInMonth(tx: Tx, organisationId: string, firstDay: string, afterLastDay: string): Promise<DonationRecord[]>;
}

/** An award of a batch, with the ledger accounts its transfer moves points between. */
export interface BatchAwardDraft extends AwardDraft {
  /** The issuance shard it is paid from. */
  readonly from: string;
  /** The recipient's ledger account. */
  readonly to: string;
  /** Its rule has a budget: what the rule spent grows by its points. */
  readonly budgeted: boolean;
}

/** The history a batch of connections is paid by: bonuses look at connections, caps at awards. */
export interface BatchHistory {
  /** People with a connection recorded that is not one of the batch's. */
  readonly peopleSeen: Set<string>;
  /** Pairs `officer|citizen` with a connection recorded that is not one of the batch's. */
  readonly pairsSeen: Set<string>;
  /** The batch's connections already recorded (a redelivery), by connection id. */
  readonly recorded: Map<string, { readonly officerId: string; readonly citizenId: string }>;
}

/** What rules paid before a batch: per recipient and day, and per recipient, counterpart and day. */
export interface PaidBeforeQuery {
  /** The rules with daily caps. */
  readonly ruleIds: readonly string[];
  readonly recipients: ReadonlyArray<{ readonly recipientId: string; readonly counterpartId: string; readonly day: string }>;
  /** The batch's events: awards they already paid are not paid again. */
  readonly eventIds: readonly string[];
}

/** Paying a batch of connections with a handful of set-based statements, whatever its size. */
export interface AwardBatchStore {
  /** Records the people, opens their ledger accounts and holds them until the transaction ends, in the order of the people's ids (so concurrent batches never wait on each other in a circle); answers each person's account. */
  lockPeople(tx: Tx, personIds: readonly string[]): Promise<Map<string, string>>;
  /** Who connected before, not counting the batch's own connections: read before they are recorded. */
  history(tx: Tx, connections: readonly ConnectionSeen[]): Promise<BatchHistory>;
  /** Records the connections (those already recorded are kept as they were). */
  recordConnections(tx: Tx, connections: readonly ConnectionSeen[]): Promise<void>;
  /** Points paid by `recipientDayKey` and `pairDayKey` (domain/award-plan.ts), and the `awardKey` of awards the batch's events already paid. */
  paidBefore(tx: Tx, query: PaidBeforeQuery): Promise<{ usage: Map<string, number>; awarded: Set<string> }>;
  /** Holds the budgeted rules' rows until the transaction ends (in id order) and answers what each has spent. */
  lockBudgets(tx: Tx, ruleIds: readonly string[]): Promise<Map<string, number>>;
  /** Writes the awards not already written, their transfers, the balances and the budgets' spending; answers the ids of the awards written. */
  pay(tx: Tx, awards: readonly BatchAwardDraft[]): Promise<Set<string>>;
}
