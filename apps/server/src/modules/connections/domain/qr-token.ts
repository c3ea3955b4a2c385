import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';

/** Who showed a code; the other role is its audience. */
export type QrRole = 'officer' | 'citizen';

/** A code's claims: a one-time nonce, who showed it, in which role, and when it expires. */
export interface QrClaims {
  readonly nonce: string;
  readonly issuerId: string;
  readonly role: QrRole;
  readonly expiresAt: Date;
}

/** A MAC key with its id (from the keyring's `qr-mac` keys). */
export interface QrKey {
  readonly kid: string;
  readonly bytes: Buffer;
}

const PREFIX = 'hbc1';
const MAC_BYTES = 16;

/** A fresh 128-bit nonce, base64url. */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** `hbc1.<claims>.<kid>.<mac>`: claims in base64url JSON, a 128-bit HMAC-SHA256 over everything before it. */
export function signQr(claims: QrClaims, key: QrKey): string {
  const body = Buffer.from(JSON.stringify({ n: claims.nonce, i: claims.issuerId, r: claims.role === 'officer' ? 'o' : 'c', e: Math.floor(claims.expiresAt.getTime() / 1000) })).toString('base64url');
  const signed = `${PREFIX}.${body}.${key.kid}`;
  return `${signed}.${mac(signed, key)}`;
}

/**
 * Reads a scanned code: malformed text, an unknown key or a wrong MAC (tampered or forged), and an
 * expired code are each refused with their own error.
 */
export function verifyQr(token: string, keys: readonly QrKey[], now: Date): QrClaims {
  const parts = token.trim().split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) throw new AppError('CONNECTIONS_QR_MALFORMED');
  const [prefix, body = '', kid = '', given = ''] = parts;
  const key = keys.find((k) => k.kid === kid);
  const expected = key ? Buffer.from(mac(`${prefix}.${body}.${kid}`, key), 'base64url') : undefined;
  const actual = Buffer.from(given, 'base64url');
  if (!expected || actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new AppError('CONNECTIONS_QR_TAMPERED');
  const claims = parseClaims(body);
  if (!claims) throw new AppError('CONNECTIONS_QR_MALFORMED');
  if (claims.expiresAt.getTime() <= now.getTime()) throw new AppError('CONNECTIONS_QR_EXPIRED');
  return claims;
}

/** A code connects an officer with a citizen: nobody scans their own, and an officer's code is for citizens (and the other way round). */
export function assertScannable(issuer: { readonly issuerId: string; readonly role: QrRole }, scannerId: string, scannerRole: QrRole): void {
  if (issuer.issuerId === scannerId) throw new AppError('CONNECTIONS_QR_OWN_CODE');
  if (issuer.role === scannerRole) throw new AppError('CONNECTIONS_QR_WRONG_AUDIENCE');
}

function mac(signed: string, key: QrKey): string {
  return createHmac('sha256', key.bytes).update(signed).digest().subarray(0, MAC_BYTES).toString('base64url');
}

function parseClaims(body: string): QrClaims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!value || typeof value !== 'object') return undefined;
    const { n, i, r, e } = value as Record<string, unknown>;
    if (typeof n !== 'string' || typeof i !== 'string' || (r !== 'o' && r !== 'c') || typeof e !== 'number') return undefined;
    return { nonce: n, issuerId: i, role: r === 'o' ? 'officer' : 'citizen', expiresAt: new Date(e * 1000) };
  } catch {
    return undefined;
  }
}
