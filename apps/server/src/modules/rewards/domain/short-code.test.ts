import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSymbol, newShortCode, readShortCode } from './short-code.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('voucher short codes', () => {
  it('are ten Crockford symbols, the last a check symbol, written XXXXX-XXXXX', () => {
    for (let i = 0; i < 200; i++) {
      const code = newShortCode();
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      assert.deepEqual(readShortCode(code), { kind: 'valid', code });
    }
  });

  it('read the way people type them: any case, spaces and dashes, I and L as 1, O as 0', () => {
    const body = '0123ABCDE';
    const code = `${body}${checkSymbol(body)}`;
    const typed = ` o123a-bcde${code.slice(9).toLowerCase()} `;
    assert.deepEqual(readShortCode(typed), { kind: 'valid', code: `${code.slice(0, 5)}-${code.slice(5)}` });
    const ones = `1${body.slice(1)}`;
    assert.equal(readShortCode(`l${body.slice(1)}${checkSymbol(ones)}`).kind, 'valid');
  });

  it('tell every single-symbol typo apart from an unknown code by the check symbol', () => {
    const code = newShortCode().replace('-', '');
    for (let position = 0; position < code.length; position++) {
      for (const symbol of ALPHABET) {
        if (symbol === code[position]) continue;
        const typo = code.slice(0, position) + symbol + code.slice(position + 1);
        assert.equal(readShortCode(typo).kind, 'check-digit', `${typo} should be a typo of ${code}`);
      }
    }
  });

  it('are malformed when too short, too long, or holding a symbol outside the alphabet', () => {
    assert.equal(readShortCode('').kind, 'malformed');
    assert.equal(readShortCode('ABCDE-FGH').kind, 'malformed');
    assert.equal(readShortCode('ABCDE-FGHJKM').kind, 'malformed');
    assert.equal(readShortCode('UBCDE-FGHJK').kind, 'malformed', 'U is not in the alphabet');
    assert.equal(readShortCode('AB*DE-FGHJK').kind, 'malformed');
  });
});
