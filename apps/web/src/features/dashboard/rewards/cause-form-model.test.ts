import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cause } from '../../../api/partner-rewards.ts';
import { causePatchOf, causeToForm, emptyCauseForm, readCauseForm } from './cause-form-model.ts';

const cause: Cause = {
  id: 'c1',
  organisationId: 'org1',
  organisationName: 'Food Bank',
  kind: 'family',
  title: 'The Ortiz family',
  description: 'Groceries for the winter',
  imageUrl: null,
  goalPoints: 5000,
  receivedPoints: 1200,
  active: true,
};

test('a new cause needs a title; an empty goal means no goal', () => {
  const missing = readCauseForm(emptyCauseForm());
  assert.ok(!missing.ok);
  assert.deepEqual(missing.errors, { title: 'required' });
  const result = readCauseForm({ ...emptyCauseForm(), title: ' Winter coats ' });
  assert.ok(result.ok);
  assert.deepEqual(result.input, { kind: 'cause', title: 'Winter coats', description: '', goalPoints: null });
});

test('a goal must be a whole number of points above zero', () => {
  for (const goalPoints of ['0', '12.5', 'lots', '-4']) {
    const result = readCauseForm({ ...emptyCauseForm(), title: 'x', goalPoints });
    assert.ok(!result.ok, goalPoints);
    assert.equal(result.errors.goalPoints, 'wholeNumber');
  }
});

test('editing sends only what changed, closing a cause included', () => {
  const before = causeToForm(cause);
  const after = { ...before, goalPoints: '', active: false };
  const result = readCauseForm(after);
  assert.ok(result.ok);
  assert.deepEqual(causePatchOf(before, after, result.input), { goalPoints: null, active: false });
});
