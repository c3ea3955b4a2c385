import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A MAC key: its id travels in the code so keys can rotate. */
export interface MacKey {
  readonly kid: string;
  readonly bytes: Buffer;
}

/** A voucher's QR payload: `hbv1.<128 random bits>.<kid>.<128-bit HMAC of the random part>`, base64url. */
export interface VoucherCode {
  readonly text: string;
  /** SHA-256 of the random part: what the database stores and looks up. */
  readonly hash: Buffer;
}

const PREFIX = 'hbv1';
const RANDOM_BYTES = 16;
const MAC_BYTES = 16;
const SHAPE = /^hbv1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{22})$/;

const macOf = (secret: Buffer, random: Buffer): Buffer => createHmac('sha256', secret).update(PREFIX).update(random).digest().subarray(0, MAC_BYTES);

/** A fresh voucher code signed with `key`. */
export function newVoucherCode(key: MacKey): VoucherCode {
  const random = randomBytes(RANDOM_BYTES);
  const text = `${PREFIX}.${random.toString('base64url')}.${key.kid}.${macOf(key.bytes, random).toString('base64url')}`;
  return { text, hash: hashOfRandom(random) };
}

/** What a presented code turned out to be: not ours at all, ours in shape but not signed by us, or genuine. */
export type CodeReading = { readonly kind: 'malformed' } | { readonly kind: 'forged' } | { readonly kind: 'genuine'; readonly hash: Buffer };

/** Reads a presented QR payload: a code whose MAC does not match any of our keys is forged, not merely unknown. */
export function readVoucherCode(text: string, keys: readonly MacKey[]): CodeReading {
  const match = SHAPE.exec(text.trim());
  if (!match?.[1] || !match[2] || !match[3]) return { kind: 'malformed' };
  const random = Buffer.from(match[1], 'base64url');
  const mac = Buffer.from(match[3], 'base64url');
  if (random.length !== RANDOM_BYTES || mac.length !== MAC_BYTES) return { kind: 'malformed' };
  const key = keys.find((k) => k.kid === match[2]);
  if (!key || !timingSafeEqual(macOf(key.bytes, random), mac)) return { kind: 'forged' };
  return { kind: 'genuine', hash: hashOfRandom(random) };
}

/** Whether text looks like a QR payload rather than a typed short code. */
export function looksLikeVoucherCode(text: string): boolean {
  return text.trim().startsWith(`${PREFIX}.`);
}

function hashOfRandom(random: Buffer): Buffer {
  return createHash('sha256').update(random).digest();
}
