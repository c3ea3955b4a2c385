import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readVoucherCode } from './voucher-code.ts';

test('a short code typed in lowercase and without the dash is sent as XXXXX-XXXXX', () => {
  assert.deepEqual(readVoucherCode('  abcde fghjk '), { kind: 'short', code: 'ABCDE-FGHJK' });
  assert.deepEqual(readVoucherCode('abcdefghjk'), { kind: 'short', code: 'ABCDE-FGHJK' });
  assert.deepEqual(readVoucherCode('ABCDE-FGHJK'), { kind: 'short', code: 'ABCDE-FGHJK' });
});

test('the look-alikes I, L and O are read as 1, 1 and 0', () => {
  assert.deepEqual(readVoucherCode('iLoAB-CDEFG'), { kind: 'short', code: '110AB-CDEFG' });
});

test('a scanned QR payload is sent exactly as scanned', () => {
  assert.deepEqual(readVoucherCode('hbv1.eyJ2IjoxfQ.c2ln'), { kind: 'qr', code: 'hbv1.eyJ2IjoxfQ.c2ln' });
});

test('nothing, or something of the wrong length or with U in it, is not a code', () => {
  assert.deepEqual(readVoucherCode('   '), { kind: 'empty' });
  assert.deepEqual(readVoucherCode('ABCDE-FGH'), { kind: 'malformed' });
  assert.deepEqual(readVoucherCode('ABCDE-FGHJU'), { kind: 'malformed' });
  assert.deepEqual(readVoucherCode('https://example.com'), { kind: 'malformed' });
});
