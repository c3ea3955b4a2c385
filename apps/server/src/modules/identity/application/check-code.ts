import { AppError } from '../../../platform/errors/app-error.ts';
import { challengeRefusal, codeMac, isWellFormedCode, macsMatch, MAX_CODE_ATTEMPTS } from '../domain/one-time-code.ts';
import type { IdentityDeps } from './identity-deps.ts';
import type { ChallengeRecord, Tx } from './ports.ts';

/** A guess was wrong: counted, with the tries left. */
export interface WrongCode {
  readonly wrong: true;
  readonly attemptsLeft: number;
}

/**
 * Checks a guess against a challenge for one purpose, inside the caller's transaction. A right guess
 * consumes the challenge; a wrong one is counted, and the caller must commit before refusing (see refuseWrongCode).
 */
export async function consumeCode(deps: IdentityDeps, tx: Tx, input: { challengeId: string; code: string; purpose: ChallengeRecord['purpose']; accountId?: string }): Promise<ChallengeRecord | WrongCode> {
  const challenge = await deps.store.lockChallenge(tx, input.challengeId);
  if (!challenge || challenge.purpose !== input.purpose || (input.accountId !== undefined && challenge.accountId !== input.accountId)) throw new AppError('IDENTITY_CHALLENGE_NOT_FOUND');
  const now = deps.clock.now();
  const refusal = challengeRefusal(challenge, now);
  if (refusal) throw new AppError(refusal);
  const pepper = deps.keyring.secrets('otp-pepper').find((k) => k.kid === challenge.keyId);
  if (!pepper) throw new AppError('IDENTITY_CODE_EXPIRED');
  if (!isWellFormedCode(input.code) || !macsMatch(challenge.codeMac, codeMac(pepper.bytes, challenge.id, input.code))) {
    await deps.store.countFailedAttempt(tx, challenge.id);
    return { wrong: true, attemptsLeft: MAX_CODE_ATTEMPTS - challenge.attempts - 1 };
  }
  await deps.store.consumeChallenge(tx, challenge.id, now);
  return challenge;
}

/** After the transaction that counted a wrong guess has committed: the error to answer with. */
export function refuseWrongCode(wrong: WrongCode): never {
  if (wrong.attemptsLeft <= 0) throw new AppError('IDENTITY_CODE_ATTEMPTS_EXHAUSTED');
  throw new AppError('IDENTITY_CODE_INCORRECT', `That code is not right; ${wrong.attemptsLeft} ${wrong.attemptsLeft === 1 ? 'try' : 'tries'} left.`, { attemptsLeft: wrong.attemptsLeft });
}
