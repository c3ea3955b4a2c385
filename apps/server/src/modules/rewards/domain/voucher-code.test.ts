import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { looksLikeVoucherCode, newVoucherCode, readVoucherCode, type MacKey } from './voucher-code.ts';

const key = (kid: string): MacKey => ({ kid, bytes: randomBytes(32) });

describe('voucher codes', () => {
  it('carry 128 random bits and a 128-bit MAC under a key id, and are stored only as a hash of the random part', () => {
    const k = key('vm-1');
    const code = newVoucherCode(k);
    const [prefix, random, kid, mac] = code.text.split('.');
    assert.equal(prefix, 'hbv1');
    assert.equal(Buffer.from(random ?? '', 'base64url').length, 16);
    assert.equal(kid, 'vm-1');
    assert.equal(Buffer.from(mac ?? '', 'base64url').length, 16);
    assert.equal(code.hash.length, 32);
    assert.ok(!code.text.includes(code.hash.toString('base64url')));
  });

  it('are genuine under the key that signed them, also after a newer key arrives', () => {
    const old = key('vm-1');
    const code = newVoucherCode(old);
    const reading = readVoucherCode(code.text, [key('vm-2'), old]);
    assert.equal(reading.kind, 'genuine');
    assert.ok(reading.kind === 'genuine' && reading.hash.equals(code.hash));
  });

  it('are forged when the MAC does not match, the random part was altered, or the key is not ours', () => {
    const k = key('vm-1');
    const code = newVoucherCode(k).text;
    const parts = code.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    assert.equal(readVoucherCode([parts[0], parts[1], parts[2], flip(parts[3] ?? '')].join('.'), [k]).kind, 'forged');
    assert.equal(readVoucherCode([parts[0], flip(parts[1] ?? ''), parts[2], parts[3]].join('.'), [k]).kind, 'forged');
    assert.equal(readVoucherCode(code, [key('vm-1')]).kind, 'forged', 'same key id, other secret');
    assert.equal(readVoucherCode([parts[0], parts[1], 'vm-9', parts[3]].join('.'), [k]).kind, 'forged');
  });

  it('are malformed when they are not shaped like ours at all', () => {
    for (const text of ['', 'hello', 'hbv1.abc.vm-1.def', 'hbv2.AAAAAAAAAAAAAAAAAAAAAA.vm-1.AAAAAAAAAAAAAAAAAAAAAA', 'ABCDE-FGHJK']) {
      assert.equal(readVoucherCode(text, [key('vm-1')]).kind, 'malformed', text);
    }
  });

  it('are told apart from typed short codes by their prefix', () => {
    assert.equal(looksLikeVoucherCode(newVoucherCode(key('k')).text), true);
    assert.equal(looksLikeVoucherCode('ABCDE-FGHJK'), false);
  });
});
