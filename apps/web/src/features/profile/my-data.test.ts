import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineExports, isDeleteConfirmed, myDataFileName, myDataJson } from './my-data.ts';

test('both exports go into one document that says what it is and when it was made', () => {
  const identity = { exportedAt: '2030-01-01T00:00:00.000Z', identity: { account: { id: 'a-1' } } };
  const profiles = { exportedAt: '2030-01-01T00:00:01.000Z', profile: { displayName: 'Ada' } };
  const data = combineExports(identity, profiles, new Date('2030-01-01T00:00:02.000Z'));
  assert.deepEqual(data, { format: 'heyblue-my-data', version: 1, exportedAt: '2030-01-01T00:00:02.000Z', identity, profiles });
  assert.deepEqual(JSON.parse(myDataJson(data)), data);
  assert.match(myDataJson(data), /\n {2}"identity"/, 'indented for people to read');
  assert.equal(myDataFileName, 'heyblue-my-data.json');
});

test('deleting needs the confirmation word, in any case, with spaces around allowed', () => {
  assert.equal(isDeleteConfirmed('DELETE', 'DELETE'), true);
  assert.equal(isDeleteConfirmed(' delete ', 'DELETE'), true);
  assert.equal(isDeleteConfirmed('ELIMINAR', 'ELIMINAR'), true);
  assert.equal(isDeleteConfirmed('DELET', 'DELETE'), false);
  assert.equal(isDeleteConfirmed('', 'DELETE'), false);
  assert.equal(isDeleteConfirmed('DELETE ME', 'DELETE'), false);
});
