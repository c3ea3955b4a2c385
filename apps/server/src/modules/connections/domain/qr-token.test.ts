import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { assertScannable, newNonce, signQr, verifyQr } from './qr-token.ts';

const key = { kid: 'qr-1', bytes: randomBytes(32) };
const now = new Date('2026-11-21T12:00:00Z');
const claims = { nonce: newNonce(), issuerId: '11111111-1111-4111-8111-111111111111', role: 'officer' as const, expiresAt: new Date(now.getTime() + 30_000) };
const code = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('signed QR codes', () => {
  it('round-trips its claims under any key of the ring', () => {
    const token = signQr(claims, key);
    const read = verifyQr(token, [{ kid: 'old', bytes: randomBytes(32) }, key], now);
    assert.equal(read.nonce, claims.nonce);
    assert.equal(read.role, 'officer');
    assert.equal(read.expiresAt.getTime(), Math.floor(claims.expiresAt.getTime() / 1000) * 1000);
  });
  it('tells malformed, tampered, forged and expired codes apart', () => {
    const token = signQr(claims, key);
    const [prefix, body, kid, mac] = token.split('.');
    assert.equal(code(() => verifyQr('hello', [key], now)), 'CONNECTIONS_QR_MALFORMED');
    assert.equal(code(() => verifyQr(`${prefix}.${body}x.${kid}.${mac}`, [key], now)), 'CONNECTIONS_QR_TAMPERED');
    assert.equal(code(() => verifyQr(signQr(claims, { kid: 'qr-1', bytes: randomBytes(32) }), [key], now)), 'CONNECTIONS_QR_TAMPERED', 'signed with another key under our key id: forged');
    assert.equal(code(() => verifyQr(`${prefix}.${body}.unknown.${mac}`, [key], now)), 'CONNECTIONS_QR_TAMPERED');
    assert.equal(code(() => verifyQr(token, [key], new Date(now.getTime() + 31_000))), 'CONNECTIONS_QR_EXPIRED');
  });
  it('is for the other role, and never for its issuer', () => {
    assert.equal(code(() => assertScannable(claims, claims.issuerId, 'citizen')), 'CONNECTIONS_QR_OWN_CODE');
    assert.equal(code(() => assertScannable(claims, 'someone-else', 'officer')), 'CONNECTIONS_QR_WRONG_AUDIENCE');
    assert.equal(code(() => assertScannable(claims, 'someone-else', 'citizen')), undefined);
  });
});
