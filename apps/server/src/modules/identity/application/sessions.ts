import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { REFRESH_TOKEN_TTL_MS } from '../domain/refresh-rotation.ts';
import { rolesOf } from '../domain/roles.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import type { AccountRecord, Tx } from './ports.ts';

/** What a client gets when a session starts or refreshes: a short-lived access token and a refresh token for the cookie. */
export interface SessionTokens {
  /** The session family (this device's sign-in). */
  readonly sessionId: string;
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshExpiresAt: Date;
}

/** The stored form of a refresh token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Adds a refresh token to a family and signs an access token for the account. */
export async function issueTokens(deps: IdentityDeps, tx: Tx, account: AccountRecord, familyId: string): Promise<SessionTokens> {
  const refreshToken = randomBytes(32).toString('base64url');
  const refreshExpiresAt = new Date(deps.clock.now().getTime() + REFRESH_TOKEN_TTL_MS);
  await deps.store.insertRefreshToken(tx, { hash: hashRefreshToken(refreshToken), familyId, expiresAt: refreshExpiresAt });
  const access = await deps.tokens.issue({ accountId: account.id, sessionId: familyId, roles: rolesOf(account) });
  return { sessionId: familyId, accessToken: access.token, expiresIn: access.expiresIn, refreshToken, refreshExpiresAt };
}

/** Starts a new session family (a sign-in on one device). */
export async function startSession(deps: IdentityDeps, tx: Tx, account: AccountRecord, context: RequestContext): Promise<SessionTokens> {
  const familyId = randomUUID();
  await deps.store.insertFamily(tx, { id: familyId, accountId: account.id, userAgent: context.userAgent?.slice(0, 300) ?? null, ip: context.ip });
  return issueTokens(deps, tx, account, familyId);
}
