/**
 * What the till sends for a voucher: a scanned QR payload as it is, or a typed short code tidied up.
 * Short codes are Crockford base32 (`XXXXX-XXXXX`): case, spaces and dashes do not matter, and the
 * look-alikes I/L and O are read as 1 and 0, as the server reads them.
 */

/** The QR payload of a voucher starts like this (`hbv1.…`). */
const qrPrefix = /^hbv\d+\./i;
const shortCodeAlphabet = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** A code ready to send, or why it cannot be a voucher code. */
export type VoucherCodeReading =
  | { kind: 'empty' }
  | { kind: 'malformed' }
  | { kind: 'qr'; code: string }
  | { kind: 'short'; code: string };

/** Reads what was scanned or typed at the till. */
export function readVoucherCode(input: string): VoucherCodeReading {
  const trimmed = input.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (qrPrefix.test(trimmed)) return { kind: 'qr', code: trimmed };
  const plain = trimmed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!shortCodeAlphabet.test(plain)) return { kind: 'malformed' };
  return { kind: 'short', code: `${plain.slice(0, 5)}-${plain.slice(5)}` };
}
