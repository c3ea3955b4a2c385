import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { CODE_TTL_MS, codeMac, MAX_CODES_PER_ADDRESS_PER_HOUR, newCode } from '../domain/one-time-code.ts';
import { normalizeAddress } from './addresses.ts';
import { consumeCode, refuseWrongCode } from './check-code.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { bindPhoneToThisDevice } from './phone-binding.ts';

/** A signed-in person adds (or changes) their phone: a code is sent to it by SMS. */
export async function requestPhoneCode(deps: IdentityDeps, actor: Actor, phoneInput: string, context: RequestContext): Promise<{ challengeId: string; expiresAt: string }> {
  if (!deps.delivery.channels.has('sms')) throw new AppError('IDENTITY_CHANNEL_UNAVAILABLE');
  const phone = normalizeAddress('sms', phoneInput);
  const now = deps.clock.now();
  const challengeId = randomUUID();
  const code = newCode();
  const pepper = deps.keyring.secret('otp-pepper');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await deps.transaction(async (tx) => {
    if ((await deps.store.countChallengesSince(tx, { address: phone }, new Date(now.getTime() - 3_600_000))) >= MAX_CODES_PER_ADDRESS_PER_HOUR) throw new AppError('IDENTITY_TOO_MANY_CODES');
    await deps.store.insertChallenge(tx, { id: challengeId, purpose: 'phone-verification', accountId: actor.accountId, channel: 'sms', address: phone, codeMac: codeMac(pepper.bytes, challengeId, code), keyId: pepper.kid, expiresAt, ip: context.ip });
  });
  try {
    await deps.delivery.send({ channel: 'sms', to: phone, purpose: 'phone-verification', subject: 'Verify your phone', text: `Your Hey Blue! code to verify this phone is ${code}. It works once, for 10 minutes.` });
  } catch {
    throw new AppError('IDENTITY_DELIVERY_FAILED');
  }
  return { challengeId, expiresAt: expiresAt.toISOString() };
}

/** The code from the phone verifies it: it is the account's phone, and this device the account's one device. */
export async function verifyPhone(deps: IdentityDeps, actor: Actor, input: { challengeId: string; code: string }, context: RequestContext): Promise<{ phone: string }> {
  const outcome = await deps.transaction(async (tx) => {
    const checked = await consumeCode(deps, tx, { ...input, purpose: 'phone-verification', accountId: actor.accountId });
    if ('wrong' in checked) return checked;
    const holder = await deps.store.findAccountByAddress(tx, 'sms', checked.address);
    if (holder && holder.id !== actor.accountId) throw new AppError('IDENTITY_PHONE_TAKEN');
    await deps.store.setPhone(tx, actor.accountId, checked.address);
    await deps.store.audit(tx, { actorId: actor.accountId, action: 'phone.verified', subjectType: 'account', subjectId: actor.accountId, correlationId: context.correlationId, ip: context.ip });
    await bindPhoneToThisDevice(deps, tx, actor.accountId, actor.sessionId, context);
    return { phone: checked.address };
  });
  if ('wrong' in outcome) refuseWrongCode(outcome);
  return outcome;
}
