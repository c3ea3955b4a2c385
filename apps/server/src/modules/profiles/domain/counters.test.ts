import assert from 'node:assert/strict';
import { test } from 'node:test';
import { noChange, sumByAccount } from './counters.ts';

test('a batch of changes becomes one change per person, in the order of their ids', () => {
  const sums = sumByAccount([
    { ...noChange('b'), pointsEarned: 10 },
    { ...noChange('a'), connectionsMade: 1 },
    { ...noChange('b'), pointsEarned: 5, pointsSpent: 3 },
    { ...noChange('a'), connectionsMade: 1, pointsDonated: 2 },
  ]);
  assert.deepEqual(sums, [
    { accountId: 'a', connectionsMade: 2, pointsEarned: 0, pointsSpent: 0, pointsDonated: 2 },
    { accountId: 'b', connectionsMade: 0, pointsEarned: 15, pointsSpent: 3, pointsDonated: 0 },
  ]);
});

test('a person whose changes cancel out is left alone', () => {
  assert.deepEqual(sumByAccount([{ ...noChange('a'), pointsSpent: 7 }, { ...noChange('a'), pointsSpent: -7 }]), []);
});
