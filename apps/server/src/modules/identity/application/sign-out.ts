import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { hashRefreshToken } from './sessions.ts';

/** Ends the session a refresh token belongs to (this device). Unknown tokens are ignored: signing out always succeeds. */
export async function signOut(deps: IdentityDeps, refreshToken: string | undefined, context: RequestContext): Promise<void> {
  if (!refreshToken) return;
  await deps.transaction(async (tx) => {
    const token = await deps.store.lockRefreshToken(tx, hashRefreshToken(refreshToken));
    if (!token || token.familyRevokedAt) return;
    await deps.store.revokeFamily(tx, token.familyId, 'signed out', deps.clock.now());
    await deps.store.audit(tx, { actorId: token.accountId, action: 'sign-out', subjectType: 'session', subjectId: token.familyId, correlationId: context.correlationId, ip: context.ip });
  });
}

/** Ends every session of an account, on every device. */
export async function signOutEverywhere(deps: IdentityDeps, accountId: string, context: RequestContext): Promise<number> {
  return deps.transaction(async (tx) => {
    const ended = await deps.store.revokeAllFamilies(tx, accountId, 'signed out everywhere', deps.clock.now());
    await deps.store.audit(tx, { actorId: accountId, action: 'sign-out-everywhere', subjectType: 'account', subjectId: accountId, correlationId: context.correlationId, ip: context.ip, details: { sessions: ended } });
    return ended;
  });
}
