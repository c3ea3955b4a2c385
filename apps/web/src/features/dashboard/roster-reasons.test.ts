import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRejection, missingColumnsOf } from './roster-reasons.ts';

test('the server’s reasons are recognised with their values', () => {
  assert.deepEqual(describeRejection('name is empty'), { key: 'nameEmpty', values: {} });
  assert.deepEqual(describeRejection('department is longer than 100 characters'), { key: 'departmentTooLong', values: {} });
  assert.deepEqual(describeRejection('email "not-an-email" is not a valid address'), { key: 'emailInvalid', values: { value: 'not-an-email' } });
  assert.deepEqual(describeRejection('badge number "B 104!" must be 1–32 letters, digits or dashes'), { key: 'badgeInvalid', values: { value: 'B 104!' } });
  assert.deepEqual(describeRejection('email dana@x.example already appears on line 2'), { key: 'duplicateEmail', values: { value: 'dana@x.example', line: 2 } });
});

test('an unknown reason is left for the caller to show as it is', () => {
  assert.equal(describeRejection('the moon is in the wrong phase'), undefined);
});

test('missing columns are read from the server’s message', () => {
  assert.deepEqual(missingColumnsOf("The roster's first line must name the columns; missing: badge_number, department."), ['badge_number', 'department']);
  assert.equal(missingColumnsOf('The roster is empty.'), undefined);
});
