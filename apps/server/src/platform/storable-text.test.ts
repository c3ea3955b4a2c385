import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { firstUnstorable, firstUnstorableIndex, firstUnstorableText, storableText, unstorableReason } from './storable-text.ts';

describe('storable text', () => {
  test('plain text, accents, right-to-left and zero-width characters can be stored', () => {
    for (const text of ['', 'Precinct 7', 'Café Niño', '\u202Egnp.exe', 'a\u200Db', '\'; drop table x; --', '<script>alert(1)</script>']) {
      assert.equal(storableText(text), true, JSON.stringify(text));
    }
  });

  test('a NUL character anywhere cannot be stored', () => {
    for (const text of ['\u0000', 'a\u0000', '\u0000b', 'a\u0000b']) assert.equal(storableText(text), false, JSON.stringify(text));
    assert.match(unstorableReason('a\u0000b') ?? '', /NUL/);
  });

  test('a lone high or low surrogate cannot be stored, wherever it sits', () => {
    for (const text of ['\ud800', 'a\ud800', '\ud800b', '\udfff', 'a\udc00b', '\udc00\ud800', '\ud83d\ud83d']) {
      assert.equal(storableText(text), false, JSON.stringify(text));
    }
    assert.match(unstorableReason('\udc00') ?? '', /surrogate/);
  });

  test('a valid surrogate pair (an emoji) can be stored', () => {
    for (const text of ['\ud83d\ude00', '👮‍♀️🚓', 'x\ud83d\ude00y', '🏳️‍🌈'.repeat(1000)]) assert.equal(storableText(text), true, JSON.stringify(text));
    assert.equal(unstorableReason('😀'), undefined);
  });

  test('the index of the first bad character skips valid pairs and finds NULs and lone halves', () => {
    assert.equal(firstUnstorableIndex('ok 😀 fine'), -1);
    assert.equal(firstUnstorableIndex('😀\u0000'), 2);
    assert.equal(firstUnstorableIndex('ab\ud800'), 2);
    assert.equal(firstUnstorableIndex('ab\ud800x'), 2);
    assert.equal(firstUnstorableIndex('\udc00😀'), 0);
    assert.equal(firstUnstorableIndex('😀\ud83d'), 2);
  });

  test('the first bad string inside nested arrays and objects is named by its JSON pointer', () => {
    assert.deepEqual(firstUnstorableText({ a: [{ b: 'ok' }, { c: 'no\u0000' }], d: 'x\ud800' }), { path: '/a/1/c', reason: 'must not contain a NUL character (\\u0000)' });
    assert.equal(firstUnstorableText({ a: ['ok', { b: '😀' }], n: 1, t: true, z: null })?.path, undefined);
    assert.equal(firstUnstorableText([[['\udfff']]])?.path, '/0/0/0');
    assert.equal(firstUnstorableText('\u0000')?.path, '');
    assert.equal(firstUnstorableText('\u0000', '/note')?.path, '/note');
  });

  test('document order decides which bad string is named first', () => {
    assert.equal(firstUnstorableText({ first: 'a\u0000', second: 'b\u0000' })?.path, '/first');
    assert.equal(firstUnstorableText([{ 'k\u0000': 1 }, 'x\u0000'])?.path, '/0/k\uFFFD');
  });

  test('an object key that cannot be stored is refused, and the pointer escapes ~ and / and shows the bad character as U+FFFD', () => {
    const found = firstUnstorableText({ meta: { 'a/b~c\ud800': 'fine' } });
    assert.equal(found?.path, '/meta/a~1b~0c\uFFFD');
    assert.match(found?.reason ?? '', /^has a key that/);
  });

  test('a body nested 100,000 deep is walked without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.equal(firstUnstorableText(deep)?.path.length, 200_000);
  });

  test('with a depth limit, the first array or object nested deeper is named', () => {
    assert.equal(firstUnstorableText({ a: { b: { c: 'ok' } } }, '', 3), undefined);
    assert.deepEqual(firstUnstorableText({ a: { b: { c: { d: 'ok' } } } }, '', 3), { path: '/a/b/c', reason: 'must not nest arrays and objects more than 3 deep' });
    assert.equal(firstUnstorableText({ a: [[['x']]] }, '/body', 2)?.path, '/body/a/0');
    assert.equal(firstUnstorableText(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), '', 32)?.path.split('/').length, 33);
  });

  test('whole numbers past 2^53 (already rounded by JSON.parse) are refused when numbers are checked; fractions and safe integers are not', () => {
    assert.equal(firstUnstorable({ id: Number.MAX_SAFE_INTEGER, lat: 52.37, tiny: 1e-300, neg: -Number.MAX_SAFE_INTEGER }), undefined);
    assert.deepEqual(firstUnstorable(JSON.parse('{"before": 123456789012345678901234567890}')), { path: '/before', reason: 'must be a whole number between -9007199254740991 and 9007199254740991' });
    assert.equal(firstUnstorable([1, [-(2 ** 60)]])?.path, '/1/0');
    assert.equal(firstUnstorable({ big: 1e308 })?.path, '/big');
    assert.equal(firstUnstorableText({ big: 1e308 }), undefined, 'text only');
    assert.equal(firstUnstorable({ s: 'a\u0000' })?.path, '/s', 'and text too');
  });

  test('buffers, dates and class instances are not entered; objects without a prototype (query strings) are', () => {
    assert.equal(firstUnstorableText({ file: Buffer.from([0, 0, 0]), at: new Date(0) }), undefined);
    const query: Record<string, unknown> = Object.create(null);
    query.q = 'a\u0000';
    assert.equal(firstUnstorableText(query)?.path, '/q');
    // fast-querystring's objects: a prototype that itself has none.
    const parsed: Record<string, unknown> = Object.create(Object.create(null));
    parsed.q = '\ud800';
    assert.equal(firstUnstorableText(parsed)?.path, '/q');
    class Part { name = 'x\u0000'; }
    assert.equal(firstUnstorableText(new Part()), undefined);
  });
});
