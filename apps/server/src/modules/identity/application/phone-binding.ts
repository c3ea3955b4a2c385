import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import type { Tx } from './ports.ts';

/** The phone's device is the account's one device: every other session ends (moving to a new phone signs the old one out). */
export async function bindPhoneToThisDevice(deps: IdentityDeps, tx: Tx, accountId: string, sessionId: string, context: RequestContext): Promise<void> {
  const ended = await deps.store.revokeOtherFamilies(tx, accountId, sessionId, 'phone verified on another device', deps.clock.now());
  await deps.store.audit(tx, { actorId: accountId, action: 'phone.device-bound', subjectType: 'session', subjectId: sessionId, correlationId: context.correlationId, ip: context.ip, details: { otherSessionsEnded: ended } });
}
