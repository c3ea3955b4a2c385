import type { Tx } from '../../../platform/db/tx.ts';

/** Where a store's method runs: an opaque handle (a transaction, or the database for a lone read); only adapters reach SQL through it. */
export type { Tx };

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
  /** Creates an account for the email unless one has it; answers the new account's id, or null when it existed. */
  insertAccountIfNew(tx: Tx, id: string, email: string): Promise<string | null>;
  grantAdmin(tx: Tx, accountId: string): Promise<void>;
  /** Admins whose accounts are not deleted. */
  countAdmins(tx: Tx): Promise<number>;
  /** Stores a first-admin link, replacing any unused one. */
  replaceBootstrapLink(tx: Tx, tokenHash: string, expiresAt: Date): Promise<void>;
  /** Uses a live first-admin link; false when it is unknown, used or expired. */
  useBootstrapLink(tx: Tx, tokenHash: string, at: Date): Promise<boolean>;
  /** Remembers a sign-in started at the identity provider. */
  insertOidcFlow(tx: Tx, flow: OidcFlow & { readonly expiresAt: Date }): Promise<void>;
  /** Uses a live flow by its state, once; undefined when it is unknown, used or expired. */
  useOidcFlow(tx: Tx, state: string, at: Date): Promise<OidcFlow | undefined>;
}

/** A sign-in in progress at the identity provider: its checks, and where to send the browser after. */
export interface OidcFlow {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** A path on this site, or null for the app's start. */
  readonly nextPath: string | null;
}

/** Signs and verifies short-lived access tokens. */
export interface AccessTokens {
  issue(claims: { accountId: string; sessionId: string; roles: readonly string[] }): Promise<{ token: string; expiresIn: number }>;
  verify(token: string): Promise<{ accountId: string; sessionId: string; roles: readonly string[] } | null>;
}
