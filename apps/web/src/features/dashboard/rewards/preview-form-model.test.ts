import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyPreviewForm, previewInputOf } from './preview-form-model.ts';

test('an empty preview asks about a verified proximity connection made now', () => {
  assert.deepEqual(previewInputOf(emptyPreviewForm()), { kind: 'proximity', locationVerified: true, firstEver: false, firstWithThisOfficer: false });
});

test('a time, cell and ZIP code are sent when given, the time as an instant', () => {
  const input = previewInputOf({ ...emptyPreviewForm(), kind: 'qr', madeAt: '2030-01-07T19:30', cell: ' 872A1072BFFFFFF ', zip: '10036', firstEver: true });
  assert.equal(input.madeAt, new Date(2030, 0, 7, 19, 30).toISOString());
  assert.equal(input.cell, '872a1072bffffff');
  assert.equal(input.zip, '10036');
  assert.equal(input.firstEver, true);
});
