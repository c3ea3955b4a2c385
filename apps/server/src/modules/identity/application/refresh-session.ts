import { AppError } from '../../../platform/errors/app-error.ts';
import { decideRefresh } from '../domain/refresh-rotation.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { hashRefreshToken, issueTokens, type SessionTokens } from './sessions.ts';

/**
 * Exchanges a refresh token for new tokens. Each refresh token works once (plus a few seconds' leeway);
 * presenting a rotated one later means it was copied, so the family is revoked (committed) and the request refused.
 */
export async function refreshSession(deps: IdentityDeps, refreshToken: string | undefined, context: RequestContext): Promise<SessionTokens> {
  if (!refreshToken) throw new AppError('IDENTITY_REFRESH_INVALID');
  const hash = hashRefreshToken(refreshToken);
  type Outcome = { refused: 'IDENTITY_REFRESH_REUSED' | 'IDENTITY_REFRESH_INVALID' } | { tokens: SessionTokens };
  const result = await deps.transaction(async (tx): Promise<Outcome> => {
    const now = deps.clock.now();
    const token = await deps.store.lockRefreshToken(tx, hash);
    const decision = decideRefresh(token, now);
    if (decision === 'revoke-family-on-reuse' && token) {
      await deps.store.revokeFamily(tx, token.familyId, 'refresh token reused', now);
      await deps.store.audit(tx, { actorId: token.accountId, action: 'session.reuse-detected', subjectType: 'session', subjectId: token.familyId, correlationId: context.correlationId, ip: context.ip });
      return { refused: 'IDENTITY_REFRESH_REUSED' };
    }
    if (decision !== 'rotate' || !token) return { refused: 'IDENTITY_REFRESH_INVALID' };
    const account = await deps.store.findAccount(tx, token.accountId);
    if (!account) return { refused: 'IDENTITY_REFRESH_INVALID' };
    if (!token.rotatedAt) await deps.store.markRotated(tx, hash, now);
    await deps.store.touchFamily(tx, token.familyId, now);
    return { tokens: await issueTokens(deps, tx, account, token.familyId) };
  });
  if ('refused' in result) throw new AppError(result.refused);
  return result.tokens;
}
