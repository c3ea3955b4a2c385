import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** A code is valid this long. */
export const CODE_TTL_MS = 10 * 60_000;
/** Wrong guesses allowed on one code before it is dead: with 10^6 codes, the attempt limit is what protects it. */
export const MAX_CODE_ATTEMPTS = 5;
/** Codes one address may be sent per hour. */
export const MAX_CODES_PER_ADDRESS_PER_HOUR = 5;
/** Codes one client address (IP) may request per hour. */
export const MAX_CODES_PER_IP_PER_HOUR = 30;

/** A fresh 6-digit code, uniformly drawn. */
export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** The HMAC stored instead of the code: bound to the challenge, keyed by a server-side pepper. */
export function codeMac(pepper: Buffer, challengeId: string, code: string): string {
  return createHmac('sha256', pepper).update(`${challengeId}:${code}`).digest('base64url');
}

/** Constant-time comparison of a stored MAC with the MAC of a guess. */
export function macsMatch(stored: string, guess: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(guess);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The state of a challenge as far as a guess is concerned. */
export interface ChallengeState {
  readonly expiresAt: Date;
  readonly attempts: number;
  readonly consumedAt: Date | null;
}

/** Why a guess cannot even be checked, or null when it may be. */
export function challengeRefusal(challenge: ChallengeState, now: Date): 'IDENTITY_CODE_USED' | 'IDENTITY_CODE_EXPIRED' | 'IDENTITY_CODE_ATTEMPTS_EXHAUSTED' | null {
  if (challenge.consumedAt) return 'IDENTITY_CODE_USED';
  if (challenge.expiresAt.getTime() <= now.getTime()) return 'IDENTITY_CODE_EXPIRED';
  if (challenge.attempts >= MAX_CODE_ATTEMPTS) return 'IDENTITY_CODE_ATTEMPTS_EXHAUSTED';
  return null;
}

/** A code looks like six digits (anything else is not worth an attempt). */
export function isWellFormedCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}
