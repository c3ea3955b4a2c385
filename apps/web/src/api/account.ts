import { decodeCodeChallenge } from './auth.ts';
import type { CodeChallenge } from './auth.ts';
import { isRecord } from './decode.ts';
import type { Session } from './session.ts';

type Authed = Pick<Session, 'get' | 'post' | 'send'>;

/** Checks the body of `POST /me/phone/verify`. */
export function decodeVerifiedPhone(data: unknown): { phone: string } {
  if (isRecord(data) && typeof data['phone'] === 'string') return { phone: data['phone'] };
  throw new TypeError('Unexpected /me/phone/verify response');
}

/** Sends a code by text message to a phone number the signed-in person wants to add. */
export function requestPhoneCode(session: Authed, phone: string): Promise<CodeChallenge> {
  return session.post('/api/v1/me/phone', { phone }, { decode: decodeCodeChallenge });
}

/**
 * Verifies the phone with its code. The phone becomes the account's, and this device the account's
 * only device: the server ends every other session.
 */
export function verifyPhone(session: Authed, challengeId: string, code: string): Promise<{ phone: string }> {
  return session.post('/api/v1/me/phone/verify', { challengeId, code }, { decode: decodeVerifiedPhone });
}

/** What identity keeps about the signed-in person (account, sessions, security log), as JSON. */
export function exportAccount(session: Authed): Promise<unknown> {
  return session.get('/api/v1/me/export');
}

/** Deletes the account for good: personal data removed, every session ended. */
export function deleteAccount(session: Authed): Promise<void> {
  return session.send('DELETE', '/api/v1/me', { confirm: 'DELETE' });
}
