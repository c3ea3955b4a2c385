import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';
import { challengeRefusal, codeMac, isWellFormedCode, macsMatch, MAX_CODE_ATTEMPTS } from '../domain/one-time-code.ts';
import { rolesOf } from '../domain/roles.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { startSession, type SessionTokens } from './sessions.ts';
import { verifyMatchingOfficers } from './verify-officers.ts';

/** The outcome of a correct code: a session, and the account (new or not). */
export interface SignedIn extends SessionTokens {
  readonly account: { readonly id: string; readonly roles: readonly string[]; readonly isNew: boolean };
}

/**
 * Checks a one-time code. A wrong guess is counted (and committed) before it is refused; after the
 * last attempt the code is dead. A right one is consumed, signs the person in, and creates their
 * account the first time.
 */
export async function verifySignInCode(deps: IdentityDeps, input: { challengeId: string; code: string }, context: RequestContext): Promise<SignedIn> {
  const outcome = await deps.unitOfWork({ actorId: null, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const now = deps.clock.now();
    const challenge = await deps.store.lockChallenge(tx, input.challengeId);
    if (!challenge) throw new AppError('IDENTITY_CHALLENGE_NOT_FOUND');
    const refusal = challengeRefusal(challenge, now);
    if (refusal) throw new AppError(refusal);
    const pepper = deps.keyring.secrets('otp-pepper').find((k) => k.kid === challenge.keyId);
    if (!pepper) throw new AppError('IDENTITY_CODE_EXPIRED');
    if (!isWellFormedCode(input.code) || !macsMatch(challenge.codeMac, codeMac(pepper.bytes, challenge.id, input.code))) {
      await deps.store.countFailedAttempt(tx, challenge.id);
      return { wrong: true as const, attemptsLeft: MAX_CODE_ATTEMPTS - challenge.attempts - 1 };
    }
    await deps.store.consumeChallenge(tx, challenge.id, now);
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
    return { wrong: false as const, signedIn: { ...tokens, account: { id: account.id, roles: rolesOf(account), isNew } } };
  });
  if (outcome.wrong) {
    if (outcome.attemptsLeft <= 0) throw new AppError('IDENTITY_CODE_ATTEMPTS_EXHAUSTED');
    throw new AppError('IDENTITY_CODE_INCORRECT', `That code is not right; ${outcome.attemptsLeft} ${outcome.attemptsLeft === 1 ? 'try' : 'tries'} left.`, { attemptsLeft: outcome.attemptsLeft });
  }
  return outcome.signedIn;
}
