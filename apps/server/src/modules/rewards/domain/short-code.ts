import { randomInt } from 'node:crypto';

/** Crockford's base32 alphabet: no I, L, O or U, so letters are not mistaken for digits. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 9;

/** A new short code: 9 random symbols (45 bits) and a Luhn mod 32 check symbol, as `XXXXX-XXXXX`. */
export function newShortCode(): string {
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[randomInt(32)];
  const code = body + checkSymbol(body);
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a typed short code turned out to be. */
export type ShortCodeReading = { readonly kind: 'malformed' } | { readonly kind: 'check-digit' } | { readonly kind: 'valid'; readonly code: string };

/**
 * Reads what a person typed: case, spaces and dashes do not matter, and the look-alikes I/L (→1) and
 * O (→0) are read as Crockford does. A wrong check symbol means a typo, told apart from an unknown code.
 */
export function readShortCode(typed: string): ShortCodeReading {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (plain.length !== BODY_LENGTH + 1 || [...plain].some((c) => !ALPHABET.includes(c))) return { kind: 'malformed' };
  const body = plain.slice(0, BODY_LENGTH);
  if (checkSymbol(body) !== plain[BODY_LENGTH]) return { kind: 'check-digit' };
  return { kind: 'valid', code: `${plain.slice(0, 5)}-${plain.slice(5)}` };
}

/** Luhn mod N (N = 32): catches every single-symbol typo and most swaps of neighbours. */
export function checkSymbol(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * ALPHABET.indexOf(body.charAt(i));
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / 32) + (addend % 32);
  }
  return ALPHABET.charAt((32 - (sum % 32)) % 32);
}
