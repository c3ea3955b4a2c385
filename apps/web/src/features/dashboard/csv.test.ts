import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvRecords, rosterTemplate, toCsv } from './csv.ts';

test('records split on commas and line breaks, with quoted fields kept whole', () => {
  const text = '\uFEFFname,email\r\n"Cruz, Dana","d@x.example"\n"He said ""hi""",e@x.example\n"two\nlines",f@x.example';
  assert.deepEqual(parseCsvRecords(text), [
    ['name', 'email'],
    ['Cruz, Dana', 'd@x.example'],
    ['He said "hi"', 'e@x.example'],
    ['two\nlines', 'f@x.example'],
  ]);
});

test('empty lines stay records, so record numbers match the server’s line numbers', () => {
  const records = parseCsvRecords('a,b\n\nc,d\n');
  assert.deepEqual(records, [['a', 'b'], [''], ['c', 'd']]);
  assert.deepEqual(records[2], ['c', 'd'], 'line 3');
});

test('CSV out quotes what needs quoting and defuses formulas', () => {
  assert.equal(toCsv([['line', 'reason'], [3, 'email "x" is not valid, sorry'], [4, '=HYPERLINK("x")']]), 'line,reason\r\n3,"email ""x"" is not valid, sorry"\r\n4,"\'=HYPERLINK(""x"")"\r\n');
});

test('the template has the four columns and parses back', () => {
  const [header, example] = parseCsvRecords(rosterTemplate());
  assert.deepEqual(header, ['name', 'email', 'badge_number', 'department']);
  assert.equal(example?.length, 4);
});
