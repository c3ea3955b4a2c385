/** Access tokens live this long; refresh tokens this long. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;

/** A stored refresh token and its family, as a refresh attempt finds them. */
export interface PresentedRefreshToken {
  readonly expiresAt: Date;
  readonly rotatedAt: Date | null;
  readonly familyRevokedAt: Date | null;
}

/** A rotated token presented again this soon is a lost answer or two tabs racing, not a copy: it still works. */
export const REUSE_LEEWAY_MS = 10_000;

/** What to do with a presented refresh token. */
export type RefreshDecision = 'rotate' | 'reject-unknown' | 'reject-expired' | 'reject-revoked' | 'revoke-family-on-reuse';

/**
 * Rotation with reuse detection: each refresh token works once; presenting one that was rotated more
 * than a few seconds ago means it was copied, so the whole family (every token descended from that
 * sign-in) is revoked. Within the leeway it rotates again, so a lost response does not end a session.
 */
export function decideRefresh(token: PresentedRefreshToken | undefined, now: Date): RefreshDecision {
  if (!token) return 'reject-unknown';
  if (token.familyRevokedAt) return 'reject-revoked';
  if (token.rotatedAt) return now.getTime() - token.rotatedAt.getTime() <= REUSE_LEEWAY_MS ? 'rotate' : 'revoke-family-on-reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'reject-expired';
  return 'rotate';
}
