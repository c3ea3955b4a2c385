import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, AuthenticationResponseJSON } from '@simplewebauthn/browser';
import { AddedPasskey, Ceremony as CeremonyBody, PasskeyList } from '@heyblue/contracts/identity';
import type { AddPasskeyBody, Passkey } from '@heyblue/contracts/identity';
import { precompiledChecks } from '@heyblue/contracts/identity/checks';
import { decodeVerifiedSignIn } from './auth.ts';
import type { VerifiedSignIn } from './auth.ts';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import { apiPost } from './http.ts';
import type { Session } from './session.ts';

export type { AddedPasskey, Passkey };

// The identity schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

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

const decodeCeremonyBody = decoderOf(CeremonyBody);

/**
 * Checks a `{ ceremonyId, options }` body: the contract checks the id and the options' challenge;
 * the rest of the options is the browser library's to check, so they are typed as what it expects.
 */
export function decodeCeremony<Options>(data: unknown): Ceremony<Options> {
  const { ceremonyId, options } = decodeCeremonyBody(data);
  return { ceremonyId, options: options as Options };
}

const decodePasskeyList = decoderOf(PasskeyList);

/** Checks the body of `GET /me/passkeys`: the passkeys. */
export function decodePasskeys(data: unknown): Passkey[] {
  return decodePasskeyList(data).passkeys;
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
export function finishPasskeyRegistration(session: Authed, input: AddPasskeyBody): Promise<AddedPasskey> {
  return session.post('/api/v1/me/passkeys', input, { decode: decoderOf(AddedPasskey) });
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
