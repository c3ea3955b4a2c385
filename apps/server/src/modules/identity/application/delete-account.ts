import type { IdentityDeps, RequestContext } from './identity-deps.ts';

/**
 * Deletes an account: personal data removed (email, phone, device details), every session ended,
 * the audit entry kept without identity, and `identity.account-deleted.v1` emitted so every module
 * removes its personal data too.
 */
export async function deleteAccount(deps: IdentityDeps, accountId: string, context: RequestContext): Promise<void> {
  await deps.unitOfWork({ actorId: accountId, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const now = deps.clock.now();
    await deps.store.revokeAllFamilies(tx, accountId, 'account deleted', now);
    await deps.store.anonymiseAccount(tx, accountId, now);
    await deps.store.audit(tx, { actorId: accountId, action: 'account.deleted', subjectType: 'account', subjectId: accountId, correlationId: context.correlationId });
    events.emit('identity.account-deleted.v1', { accountId });
  });
}
