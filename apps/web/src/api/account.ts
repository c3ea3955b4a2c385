import { AccountExport, VerifiedPhone } from '@heyblue/contracts/identity';
import { precompiledChecks } from '@heyblue/contracts/identity/checks';
import { decodeCodeChallenge } from './auth.ts';
import type { CodeChallenge } from './auth.ts';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import type { Session } from './session.ts';

// The identity schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

type Authed = Pick<Session, 'get' | 'post' | 'send'>;

/** Checks the body of `POST /me/phone/verify`. */
export const decodeVerifiedPhone = decoderOf(VerifiedPhone);

/** Sends a code by text message to a phone number the signed-in person wants to add. */
export function requestPhoneCode(session: Authed, phone: string): Promise<CodeChallenge> {
  return session.post('/api/v1/me/phone', { phone }, { decode: decodeCodeChallenge });
}

/**
 * Verifies the phone with its code. The phone becomes the account's, and this device the account's
 * only device: the server ends every other session.
 */
export function verifyPhone(session: Authed, challengeId: string, code: string): Promise<VerifiedPhone> {
  return session.post('/api/v1/me/phone/verify', { challengeId, code }, { decode: decodeVerifiedPhone });
}

/** What identity keeps about the signed-in person (account, sessions, security log), as JSON. */
export function exportAccount(session: Authed): Promise<AccountExport> {
  return session.get('/api/v1/me/export', { decode: decoderOf(AccountExport) });
}

/** Deletes the account for good: personal data removed, every session ended. */
export function deleteAccount(session: Authed): Promise<void> {
  return session.send('DELETE', '/api/v1/me', { confirm: 'DELETE' });
}
