import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monthLabel, recentMonths, statementFileName } from './months.ts';

test('recent months run back from this month across the year boundary', () => {
  assert.deepEqual(recentMonths(new Date(2030, 1, 15), 4), ['2030-02', '2030-01', '2029-12', '2029-11']);
});

test('a month is named in the reader’s language', () => {
  assert.equal(monthLabel('2030-01', 'en'), 'January 2030');
  assert.match(monthLabel('2030-01', 'es'), /enero/);
});

test('the statement file is named after the organisation and the month', () => {
  assert.equal(statementFileName('Niños del Barrio / Food Bank', '2030-01'), 'heyblue-statement-ninos-del-barrio-food-bank-2030-01.csv');
  assert.equal(statementFileName('!!!', '2030-01'), 'heyblue-statement-2030-01.csv');
});
