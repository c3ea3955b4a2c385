import type { Tx } from '../../../platform/db/tx.ts';
import type { ConnectionKind, WindowEndReason } from '@heyblue/contracts/connections';
import type { Band } from '../domain/bands.ts';
import type { QrRole } from '../domain/qr-token.ts';
import type { TravelFlag } from '../domain/travel-check.ts';

/** Where a store's method runs: an opaque handle (a transaction, or the database for a lone read); only adapters reach SQL through it. */
export type { Tx };

/** A verified officer and their precinct. */
export interface OfficerRecord {
  readonly accountId: string;
  readonly precinctId: string;
  readonly precinctName: string;
}

/** An availability window. */
export interface WindowRecord {
  readonly id: string;
  readonly officerId: string;
  readonly inPerson: boolean;
  readonly virtual: boolean;
  readonly startedAt: Date;
  readonly closesAt: Date;
  readonly endedAt: Date | null;
  readonly endReason: WindowEndReason | null;
}

/** Where a request stands. */
export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'expired' | 'cancelled';

/** A citizen's ask to connect. */
export interface RequestRecord {
  readonly id: string;
  readonly kind: 'proximity' | 'virtual';
  readonly citizenId: string;
  readonly officerId: string;
  readonly band: Band | null;
  readonly status: RequestStatus;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly decidedAt: Date | null;
}

/** A made connection: never coordinates, at most a coarse cell and a ZIP code. */
export interface ConnectionRecord {
  readonly id: string;
  readonly kind: ConnectionKind;
  readonly officerId: string;
  readonly citizenId: string;
  readonly requestId: string | null;
  readonly qrNonce: string | null;
  readonly locationVerified: boolean;
  readonly cell: string | null;
  readonly zip: string | null;
  readonly madeAt: Date;
}

/** A QR code as issued. */
export interface QrRecord {
  readonly nonce: string;
  readonly issuerId: string;
  readonly issuerRole: QrRole;
  readonly shortCode: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

/** A fraud flag for admins. */
export interface FraudFlagRecord extends TravelFlag {
  readonly id: string;
  readonly accountId: string;
  readonly flaggedAt: Date;
}

/** A page of rows, newest first, and the cursor to the next. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Connections' storage. */
export interface ConnectionsStore {
  saveOfficer(tx: Tx, officer: OfficerRecord, at: Date): Promise<void>;
  removeAccount(tx: Tx, accountId: string): Promise<void>;
  officer(tx: Tx, accountId: string): Promise<OfficerRecord | undefined>;

  insertWindow(tx: Tx, window: WindowRecord): Promise<void>;
  /** The officer's open window, locked for the transaction. */
  openWindowForUpdate(tx: Tx, officerId: string): Promise<WindowRecord | undefined>;
  openWindow(tx: Tx, officerId: string): Promise<WindowRecord | undefined>;
  extendWindow(tx: Tx, windowId: string, closesAt: Date): Promise<void>;
  endWindow(tx: Tx, windowId: string, reason: WindowEndReason, at: Date): Promise<boolean>;
  /** Windows past their closing time, locked (skipping ones another instance holds). */
  lapsedWindows(tx: Tx, now: Date, limit: number): Promise<WindowRecord[]>;
  /** Open windows that take virtual connections, newest first, optionally of one precinct. */
  virtualWindows(tx: Tx, precinctId: string | undefined, cursor: string | undefined, limit: number): Promise<Page<WindowRecord & { precinctId: string; precinctName: string }>>;
  /** Every open window with its precinct, to fill the live map at start. */
  allOpenWindows(tx: Tx): Promise<Array<WindowRecord & { precinctName: string }>>;

  /** Inserts the request unless the pair has one pending; returns the pending one and whether it is new. */
  insertRequest(tx: Tx, request: RequestRecord): Promise<{ request: RequestRecord; created: boolean }>;
  pendingRequest(tx: Tx, citizenId: string, officerId: string): Promise<RequestRecord | undefined>;
  countPending(tx: Tx, citizenId: string, now: Date): Promise<number>;
  lastDecline(tx: Tx, citizenId: string, officerId: string): Promise<Date | undefined>;
  requestForUpdate(tx: Tx, requestId: string): Promise<RequestRecord | undefined>;
  setRequestStatus(tx: Tx, requestId: string, status: RequestStatus, at: Date): Promise<RequestRecord>;
  /** Marks lapsed pending requests expired and returns them. */
  expireRequests(tx: Tx, now: Date, limit: number): Promise<RequestRecord[]>;
  pendingOf(tx: Tx, userId: string, now: Date): Promise<{ incoming: RequestRecord[]; outgoing: RequestRecord[] }>;

  insertQr(tx: Tx, qr: QrRecord): Promise<boolean>;
  qrByNonce(tx: Tx, nonce: string): Promise<QrRecord | undefined>;
  qrByShortCode(tx: Tx, shortCode: string): Promise<QrRecord | undefined>;
  /** Marks the code used by `by`; false when it was already used (single use is decided here). */
  useQr(tx: Tx, nonce: string, by: string, at: Date): Promise<boolean>;
  purgeQr(tx: Tx, before: Date): Promise<void>;

  insertConnection(tx: Tx, connection: ConnectionRecord): Promise<void>;
  /** Serialises connections of one pair for the transaction (the daily cap is counted under it). */
  lockPair(tx: Tx, officerId: string, citizenId: string): Promise<void>;
  pairConnectionsSince(tx: Tx, officerId: string, citizenId: string, since: Date): Promise<number>;
  connectionsOf(tx: Tx, userId: string, cursor: string | undefined, limit: number): Promise<Page<ConnectionRecord>>;

  insertFraudFlag(tx: Tx, flag: FraudFlagRecord): Promise<void>;
  fraudFlags(tx: Tx, cursor: string | undefined, limit: number): Promise<Page<FraudFlagRecord>>;
}
