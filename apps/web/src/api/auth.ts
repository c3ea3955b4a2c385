import { AccessTokens, Account, CodeChallenge, VerifiedSignIn } from '@heyblue/contracts/identity';
import type { CodeChannel } from '@heyblue/contracts/identity';
import { precompiledChecks } from '@heyblue/contracts/identity/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import { isRecord } from './decode.ts';
import { apiGet, apiPost } from './http.ts';

export type { AccessTokens, Account, CodeChallenge, CodeChannel, VerifiedSignIn };

// The identity schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

/** The error codes sign-in can answer with (besides NETWORK_ERROR and the platform's own). */
export const authErrorCodes = [
  'IDENTITY_ADDRESS_INVALID',
  'IDENTITY_CHANNEL_UNAVAILABLE',
  'IDENTITY_TOO_MANY_CODES',
  'IDENTITY_DELIVERY_FAILED',
  'IDENTITY_CODE_INCORRECT',
  'IDENTITY_CODE_EXPIRED',
  'IDENTITY_CODE_USED',
  'IDENTITY_CODE_ATTEMPTS_EXHAUSTED',
  'IDENTITY_CHALLENGE_NOT_FOUND',
  'IDENTITY_REFRESH_INVALID',
  'IDENTITY_REFRESH_REUSED',
  'PLATFORM_RATE_LIMITED',
  'PLATFORM_VALIDATION_FAILED',
  'PLATFORM_UNAUTHENTICATED',
] as const;

/** Checks the body of `POST /auth/codes` (and `POST /me/phone`). */
export const decodeCodeChallenge = decoderOf(CodeChallenge);

/** Checks the body of `POST /auth/refresh`. */
export const decodeAccessTokens = decoderOf(AccessTokens);

/** Checks the body of a sign-in (`POST /auth/codes/:id/verify`, passkeys, the first-admin link). */
export const decodeVerifiedSignIn = decoderOf(VerifiedSignIn);

/** Checks the body of `GET /me`. */
export const decodeAccount = decoderOf(Account);

/** Sends a one-time code to an email address or phone number. */
export function requestSignInCode(channel: CodeChannel, address: string): Promise<CodeChallenge> {
  return apiPost('/api/v1/auth/codes', { channel, address }, { decode: decodeCodeChallenge });
}

/** Exchanges the code for tokens; the server also sets the refresh cookie. */
export function verifySignInCode(challengeId: string, code: string): Promise<VerifiedSignIn> {
  return apiPost(`/api/v1/auth/codes/${encodeURIComponent(challengeId)}/verify`, { code }, { decode: decodeVerifiedSignIn });
}

/** New tokens for the refresh cookie (which the server rotates). */
export function refreshTokens(): Promise<AccessTokens> {
  return apiPost('/api/v1/auth/refresh', undefined, { decode: decodeAccessTokens });
}

/** Ends this device's session (the cookie's). */
export function endSession(): Promise<void> {
  return apiPost('/api/v1/auth/sign-out');
}

/** The signed-in account, for a bearer token. */
export function getAccount(headers: Record<string, string>): Promise<Account> {
  return apiGet('/api/v1/me', { headers, decode: decodeAccount });
}

/** The `Authorization` header for an access token. */
export function bearer(accessToken: string): Record<string, string> {
  return { Authorization: `Bearer ${accessToken}` };
}

/** How many code guesses are left, from an IDENTITY_CODE_INCORRECT error's details. */
export function attemptsLeftOf(details: unknown): number | undefined {
  if (isRecord(details) && typeof details['attemptsLeft'] === 'number') return details['attemptsLeft'];
  return undefined;
}
