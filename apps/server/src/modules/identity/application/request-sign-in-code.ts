import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';
import { CODE_TTL_MS, codeMac, MAX_CODES_PER_ADDRESS_PER_HOUR, MAX_CODES_PER_IP_PER_HOUR, newCode } from '../domain/one-time-code.ts';
import { normalizeAddress } from './addresses.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';

/**
 * Sends a one-time sign-in code to an email address or phone. The answer is the same whether or not
 * an account exists; the code is stored only as an HMAC; requests are limited per address and per client.
 */
export async function requestSignInCode(deps: IdentityDeps, input: { channel: 'email' | 'sms'; address: string }, context: RequestContext): Promise<{ challengeId: string; expiresAt: string }> {
  if (!deps.delivery.channels.has(input.channel)) throw new AppError('IDENTITY_CHANNEL_UNAVAILABLE');
  const address = normalizeAddress(input.channel, input.address);
  const now = deps.clock.now();
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const challengeId = randomUUID();
  const code = newCode();
  const pepper = deps.keyring.secret('otp-pepper');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await deps.transaction(async (tx) => {
    if ((await deps.store.countChallengesSince(tx, { address }, hourAgo)) >= MAX_CODES_PER_ADDRESS_PER_HOUR) throw new AppError('IDENTITY_TOO_MANY_CODES');
    if ((await deps.store.countChallengesSince(tx, { ip: context.ip }, hourAgo)) >= MAX_CODES_PER_IP_PER_HOUR) throw new AppError('IDENTITY_TOO_MANY_CODES');
    await deps.store.insertChallenge(tx, { id: challengeId, purpose: 'sign-in', accountId: null, channel: input.channel, address, codeMac: codeMac(pepper.bytes, challengeId, code), keyId: pepper.kid, expiresAt, ip: context.ip });
  });
  try {
    await deps.delivery.send({
      channel: input.channel,
      to: address,
      purpose: 'sign-in-code',
      subject: `${code} is your Hey Blue! code`,
      text: `Your Hey Blue! sign-in code is ${code}. It works once, for 10 minutes. If you did not ask for it, ignore this message.`,
    });
  } catch {
    throw new AppError('IDENTITY_DELIVERY_FAILED');
  }
  return { challengeId, expiresAt: expiresAt.toISOString() };
}
