import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailDomain, isValidDomain, missingRosterColumns, validateRoster } from './roster.ts';

test('a header must name every roster column, in any order and case', () => {
  assert.deepEqual(missingRosterColumns(['Email', 'NAME', 'department', 'badge_number']), []);
  assert.deepEqual(missingRosterColumns(['name', 'email']), ['badge_number', 'department']);
});

test('good rows are kept and each bad row is reported with its line and reason', () => {
  const row = (line: number, values: Record<string, string>) => ({ line, values });
  const { accepted, rejected } = validateRoster([
    row(2, { name: 'Ana Ruiz', email: 'ANA@police.example ', badge_number: 'B-101', department: 'Central' }),
    row(3, { name: '', email: 'x@police.example', badge_number: 'B-1', department: 'Central' }),
    row(4, { name: 'Bo', email: 'not-an-email', badge_number: 'B-2', department: 'Central' }),
    row(5, { name: 'Cy', email: 'cy@police.example', badge_number: 'B 3!', department: 'Central' }),
    row(6, { name: 'Di', email: 'di@police.example', badge_number: 'B-4', department: '' }),
    row(7, { name: 'Ana again', email: 'ana@police.example', badge_number: 'B-5', department: 'North' }),
  ]);
  assert.deepEqual(accepted, [{ name: 'Ana Ruiz', email: 'ana@police.example', badgeNumber: 'B-101', department: 'Central' }]);
  assert.deepEqual(rejected.map((r) => r.line), [3, 4, 5, 6, 7]);
  assert.match(rejected[0]?.reason ?? '', /name is empty/);
  assert.match(rejected[1]?.reason ?? '', /not a valid address/);
  assert.match(rejected[2]?.reason ?? '', /badge number/);
  assert.match(rejected[3]?.reason ?? '', /department is empty/);
  assert.match(rejected[4]?.reason ?? '', /already appears on line 2/);
});

test('email domains and officer domains', () => {
  assert.equal(emailDomain('a.b@Police.Example.gov'), 'police.example.gov');
  assert.ok(isValidDomain('police.example.gov'));
  assert.ok(!isValidDomain('localhost'));
  assert.ok(!isValidDomain('-bad.example'));
});
