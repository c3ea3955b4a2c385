import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/browser';
import { decodeVerifiedSignIn } from './auth.ts';
import type { VerifiedSignIn } from './auth.ts';
import { isRecord } from './decode.ts';
import { apiPost } from './http.ts';
import type { Session } from './session.ts';

/** One of the signed-in person's passkeys. */
export interface Passkey {
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null when it has never signed in. */
  lastUsedAt: string | null;
}

/** A WebAuthn ceremony the server started: its id and the options for the browser. */
export interface Ceremony<Options> {
  ceremonyId: string;
  options: Options;
}

/** The error codes passkey calls can answer with (besides NETWORK_ERROR and the platform's own). */
export const passkeyErrorCodes = [
  'IDENTITY_PASSKEY_CEREMONY_INVALID',
  'IDENTITY_PASSKEY_REJECTED',
  'IDENTITY_PASSKEY_NOT_FOUND',
  'IDENTITY_ORIGIN_NOT_ALLOWED',
] as const;

type Authed = Pick<Session, 'get' | 'post' | 'send'>;

/** Checks a `{ ceremonyId, options }` body; the options themselves are the browser's business. */
export function decodeCeremony<Options>(data: unknown): Ceremony<Options> {
  if (isRecord(data) && typeof data['ceremonyId'] === 'string' && isRecord(data['options']) && typeof data['options']['challenge'] === 'string') {
    return { ceremonyId: data['ceremonyId'], options: data['options'] as Options };
  }
  throw new TypeError('Unexpected passkey options response');
}

/** Checks the body of `GET /me/passkeys`. */
export function decodePasskeys(data: unknown): Passkey[] {
  const list = isRecord(data) ? data['passkeys'] : undefined;
  if (!Array.isArray(list)) throw new TypeError('Unexpected /me/passkeys response');
  return list.map((item: unknown) => {
    if (isRecord(item)) {
      const { id, name, createdAt, lastUsedAt } = item;
      if (typeof id === 'string' && typeof name === 'string' && typeof createdAt === 'string' && (lastUsedAt === null || typeof lastUsedAt === 'string')) {
        return { id, name, createdAt, lastUsedAt };
      }
    }
    throw new TypeError('Unexpected passkey');
  });
}

function decodeAdded(data: unknown): { id: string; name: string } {
  if (isRecord(data) && typeof data['id'] === 'string' && typeof data['name'] === 'string') return { id: data['id'], name: data['name'] };
  throw new TypeError('Unexpected /me/passkeys response');
}

/** The signed-in person's passkeys. */
export async function listPasskeys(session: Authed, signal?: AbortSignal): Promise<Passkey[]> {
  return session.get('/api/v1/me/passkeys', { decode: decodePasskeys, ...(signal ? { signal } : {}) });
}

/** Starts adding a passkey: creation options for `startRegistration` (sent with no body). */
export function startPasskeyRegistration(session: Authed): Promise<Ceremony<PublicKeyCredentialCreationOptionsJSON>> {
  return session.post('/api/v1/me/passkeys/options', undefined, { decode: (data) => decodeCeremony<PublicKeyCredentialCreationOptionsJSON>(data) });
}

/** Stores the passkey the browser created, under an optional name. */
export function finishPasskeyRegistration(
  session: Authed,
  input: { ceremonyId: string; response: RegistrationResponseJSON; name?: string },
): Promise<{ id: string; name: string }> {
  return session.post('/api/v1/me/passkeys', input, { decode: decodeAdded });
}

/** Removes one of the signed-in person's passkeys. */
export function removePasskey(session: Authed, id: string): Promise<void> {
  return session.send('DELETE', `/api/v1/me/passkeys/${encodeURIComponent(id)}`);
}

/** Starts signing in with a passkey: request options for `startAuthentication`. */
export function startPasskeySignIn(): Promise<Ceremony<PublicKeyCredentialRequestOptionsJSON>> {
  return apiPost('/api/v1/auth/passkeys/options', undefined, { decode: (data) => decodeCeremony<PublicKeyCredentialRequestOptionsJSON>(data) });
}

/** Signs in with the browser's assertion; the server also sets the refresh cookie. */
export function finishPasskeySignIn(ceremonyId: string, response: AuthenticationResponseJSON): Promise<VerifiedSignIn> {
  return apiPost('/api/v1/auth/passkeys/verify', { ceremonyId, response }, { decode: decodeVerifiedSignIn });
}
