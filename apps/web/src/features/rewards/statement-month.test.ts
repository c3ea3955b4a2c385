import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStatementMonth, monthOf, statementFileName } from './statement-month.ts';

const now = new Date(2030, 4, 17, 12);

test('the current month is written YYYY-MM', () => {
  assert.equal(monthOf(now), '2030-05');
  assert.equal(monthOf(new Date(2030, 11, 31)), '2030-12');
});

test('a past or the current month can be asked for', () => {
  assert.equal(checkStatementMonth('2030-05', now), 'ok');
  assert.equal(checkStatementMonth('2029-12', now), 'ok');
  assert.equal(checkStatementMonth(' 2030-01 ', now), 'ok');
});

test('a month that has not begun is refused before asking', () => {
  assert.equal(checkStatementMonth('2030-06', now), 'future');
  assert.equal(checkStatementMonth('2031-01', now), 'future');
});

test('anything but a real YYYY-MM is invalid', () => {
  for (const value of ['', '2030', '2030-5', '2030-13', '2030-00', '05-2030', '2030/05', 'abcd-ef', '1999-12']) {
    assert.equal(checkStatementMonth(value, now), 'invalid', value);
  }
});

test('the statement is saved under a name with its month', () => {
  assert.equal(statementFileName('2030-05'), 'heyblue-statement-2030-05.csv');
});
