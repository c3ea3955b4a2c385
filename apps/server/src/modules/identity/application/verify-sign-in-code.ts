import { randomUUID } from 'node:crypto';
import type { Role } from '@heyblue/contracts/identity';
import { rolesOf } from '../domain/roles.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { consumeCode, refuseWrongCode } from './check-code.ts';
import { bindPhoneToThisDevice } from './phone-binding.ts';
import { startSession, type SessionTokens } from './sessions.ts';
import { verifyMatchingOfficers } from './verify-officers.ts';

/** The outcome of a correct code: a session, and the account (new or not). */
export interface SignedIn extends SessionTokens {
  readonly account: { readonly id: string; readonly roles: readonly Role[]; readonly isNew: boolean };
}

/**
 * Checks a one-time code. A wrong guess is counted (and committed) before it is refused; after the
 * last attempt the code is dead. A right one is consumed, signs the person in, and creates their
 * account the first time. A code by SMS proves the phone is in hand: that device becomes the
 * account's one device and every other session ends.
 */
export async function verifySignInCode(deps: IdentityDeps, input: { challengeId: string; code: string }, context: RequestContext): Promise<SignedIn> {
  const outcome = await deps.unitOfWork({ actorId: null, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const checked = await consumeCode(deps, tx, { challengeId: input.challengeId, code: input.code, purpose: 'sign-in' });
    if ('wrong' in checked) return checked;
    const challenge = checked;
    let account = await deps.store.findAccountByAddress(tx, challenge.channel, challenge.address);
    const isNew = !account;
    if (!account) {
      account = await deps.store.insertAccount(tx, { id: randomUUID(), email: challenge.channel === 'email' ? challenge.address : null, phone: challenge.channel === 'sms' ? challenge.address : null });
      events.emit('identity.account-created.v1', { accountId: account.id, signedUpWith: challenge.channel });
      await deps.store.audit(tx, { actorId: account.id, action: 'account.created', subjectType: 'account', subjectId: account.id, correlationId: context.correlationId, ip: context.ip });
    }
    if (!account.officerVerifiedAt && (await verifyMatchingOfficers(deps, tx, events, { accountId: account.id }, context.correlationId)) > 0) {
      account = (await deps.store.findAccount(tx, account.id)) ?? account;
    }
    await deps.store.audit(tx, { actorId: account.id, action: 'sign-in', subjectType: 'account', subjectId: account.id, correlationId: context.correlationId, ip: context.ip, details: { method: challenge.channel } });
    const tokens = await startSession(deps, tx, account, context);
    if (challenge.channel === 'sms') await bindPhoneToThisDevice(deps, tx, account.id, tokens.sessionId, context);
    return { signedIn: { ...tokens, account: { id: account.id, roles: rolesOf(account), isNew } } };
  });
  if ('wrong' in outcome) refuseWrongCode(outcome);
  return outcome.signedIn;
}
