import type { Transaction } from 'kysely';
import type { NoTables } from '../../../platform/db/database.ts';

/** A database transaction, as the store's methods take it. */
export type Tx = Transaction<NoTables>;

/** An account as identity sees it. */
export interface AccountRecord {
  readonly id: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly isAdmin: boolean;
  readonly officerVerifiedAt: Date | null;
  readonly createdAt: Date;
}

/** A stored sign-in challenge. */
export interface ChallengeRecord {
  readonly id: string;
  readonly purpose: 'sign-in' | 'phone-verification';
  /** The account that asked (phone verification only). */
  readonly accountId: string | null;
  readonly channel: 'email' | 'sms';
  readonly address: string;
  readonly codeMac: string;
  readonly keyId: string;
  readonly attempts: number;
  readonly expiresAt: Date;
  readonly consumedAt: Date | null;
}

/** A refresh token with its family, as a refresh finds it. */
export interface RefreshRecord {
  readonly familyId: string;
  readonly accountId: string;
  readonly expiresAt: Date;
  readonly rotatedAt: Date | null;
  readonly familyRevokedAt: Date | null;
}

/** An entry of the audit log. */
export interface AuditEntry {
  readonly actorId: string | null;
  readonly action: string;
  readonly subjectType?: string;
  readonly subjectId?: string;
  readonly correlationId: string;
  readonly ip?: string;
  readonly details?: Record<string, unknown>;
}

/** Identity's storage. */
export interface IdentityStore {
  countChallengesSince(tx: Tx, by: { address: string } | { ip: string }, since: Date): Promise<number>;
  insertChallenge(tx: Tx, challenge: Omit<ChallengeRecord, 'attempts' | 'consumedAt'> & { ip: string }): Promise<void>;
  /** Ends every session of the account but one. */
  revokeOtherFamilies(tx: Tx, accountId: string, keepFamilyId: string, reason: string, at: Date): Promise<number>;
  setPhone(tx: Tx, accountId: string, phone: string): Promise<void>;
  lockChallenge(tx: Tx, id: string): Promise<ChallengeRecord | undefined>;
  countFailedAttempt(tx: Tx, id: string): Promise<void>;
  consumeChallenge(tx: Tx, id: string, at: Date): Promise<void>;
  findAccountByAddress(tx: Tx, channel: 'email' | 'sms', address: string): Promise<AccountRecord | undefined>;
  findAccount(tx: Tx, id: string): Promise<AccountRecord | undefined>;
  insertAccount(tx: Tx, account: { id: string; email: string | null; phone: string | null }): Promise<AccountRecord>;
  insertFamily(tx: Tx, family: { id: string; accountId: string; userAgent: string | null; ip: string | null }): Promise<void>;
  insertRefreshToken(tx: Tx, token: { hash: string; familyId: string; expiresAt: Date }): Promise<void>;
  lockRefreshToken(tx: Tx, hash: string): Promise<RefreshRecord | undefined>;
  markRotated(tx: Tx, hash: string, at: Date): Promise<void>;
  revokeFamily(tx: Tx, familyId: string, reason: string, at: Date): Promise<void>;
  revokeAllFamilies(tx: Tx, accountId: string, reason: string, at: Date): Promise<number>;
  touchFamily(tx: Tx, familyId: string, at: Date): Promise<void>;
  isFamilyActive(familyId: string): Promise<boolean>;
  audit(tx: Tx, entry: AuditEntry): Promise<void>;
  /** Removes personal data: email and phone cleared, deleted_at set; the id stays for anonymous records. */
  anonymiseAccount(tx: Tx, accountId: string, at: Date): Promise<void>;
  /** Everything identity keeps about an account, for its owner's export. */
  exportAccount(tx: Tx, accountId: string): Promise<Record<string, unknown>>;
}

/** Signs and verifies short-lived access tokens. */
export interface AccessTokens {
  issue(claims: { accountId: string; sessionId: string; roles: readonly string[] }): Promise<{ token: string; expiresIn: number }>;
  verify(token: string): Promise<{ accountId: string; sessionId: string; roles: readonly string[] } | null>;
}
