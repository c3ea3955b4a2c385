import { isRecord } from './decode.ts';
import { apiGet, apiPost } from './http.ts';

/** Where a one-time sign-in code is sent. */
export type CodeChannel = 'email' | 'sms';

/** `POST /api/v1/auth/codes`: the challenge the code belongs to. */
export interface CodeChallenge {
  challengeId: string;
  /** ISO 8601; the code stops working then. */
  expiresAt: string;
}

/** An access token and how long it lives. */
export interface AccessTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** `POST /api/v1/auth/codes/:id/verify`: tokens and the account that signed in. */
export interface VerifiedSignIn extends AccessTokens {
  account: { id: string; roles: string[]; isNew: boolean };
}

/** `GET /api/v1/me`: the signed-in account. */
export interface Account {
  id: string;
  email: string | null;
  phone: string | null;
  roles: string[];
  /** ISO 8601. */
  createdAt: string;
}

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

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** Checks the body of `POST /auth/codes`. */
export function decodeCodeChallenge(data: unknown): CodeChallenge {
  if (isRecord(data) && typeof data['challengeId'] === 'string' && typeof data['expiresAt'] === 'string') {
    return { challengeId: data['challengeId'], expiresAt: data['expiresAt'] };
  }
  throw new TypeError('Unexpected /auth/codes response');
}

/** Checks the body of `POST /auth/refresh`. */
export function decodeAccessTokens(data: unknown): AccessTokens {
  if (isRecord(data) && typeof data['accessToken'] === 'string' && typeof data['expiresIn'] === 'number') {
    return { accessToken: data['accessToken'], expiresIn: data['expiresIn'] };
  }
  throw new TypeError('Unexpected token response');
}

/** Checks the body of `POST /auth/codes/:id/verify`. */
export function decodeVerifiedSignIn(data: unknown): VerifiedSignIn {
  const tokens = decodeAccessTokens(data);
  const account = isRecord(data) ? data['account'] : undefined;
  if (isRecord(account) && typeof account['id'] === 'string' && isStringArray(account['roles']) && typeof account['isNew'] === 'boolean') {
    return { ...tokens, account: { id: account['id'], roles: account['roles'], isNew: account['isNew'] } };
  }
  throw new TypeError('Unexpected /verify response');
}

/** Checks the body of `GET /me`. */
export function decodeAccount(data: unknown): Account {
  if (isRecord(data)) {
    const { id, email, phone, roles, createdAt } = data;
    if (typeof id === 'string' && isStringOrNull(email) && isStringOrNull(phone) && isStringArray(roles) && typeof createdAt === 'string') {
      return { id, email, phone, roles, createdAt };
    }
  }
  throw new TypeError('Unexpected /me response');
}

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
