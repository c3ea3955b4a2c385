import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TillVoucher } from '../../../api/partner-rewards.ts';
import { initialTill, tillReducer } from './till-state.ts';
import type { TillEvent, TillState } from './till-state.ts';

const voucher: TillVoucher = {
  id: 'v1',
  offerId: 'o1',
  offerTitle: 'Free coffee',
  points: 100,
  status: 'active',
  validUntil: '2030-02-01T00:00:00.000Z',
  issuedAt: '2030-01-01T00:00:00.000Z',
  usedAt: null,
  externalCode: null,
};

function run(...events: TillEvent[]): TillState {
  return events.reduce(tillReducer, initialTill);
}

test('a checked active voucher is marked used, and the till is ready for the next customer showing what it took', () => {
  const used = { ...voucher, status: 'used' as const, usedAt: '2030-01-02T00:00:00.000Z' };
  assert.deepEqual(run({ type: 'check', code: 'ABCDE-FGHJK' }, { type: 'checked', voucher }, { type: 'use' }, { type: 'used', voucher: used }), { step: 'ready', lastUsed: used });
});

test('a voucher that is not active cannot be marked used', () => {
  const state = run({ type: 'check', code: 'c' }, { type: 'checked', voucher: { ...voucher, status: 'expired' } }, { type: 'use' });
  assert.equal(state.step, 'checked');
});

test('a refused check keeps the code; a refused use keeps the voucher it was for', () => {
  const refusal = { code: 'REWARDS_VOUCHER_ALREADY_USED', status: 409 };
  assert.deepEqual(run({ type: 'check', code: 'c' }, { type: 'refused', refusal }), { step: 'refused', code: 'c', refusal, voucher: undefined });
  assert.deepEqual(run({ type: 'check', code: 'c' }, { type: 'checked', voucher }, { type: 'use' }, { type: 'refused', refusal }), { step: 'refused', code: 'c', refusal, voucher });
});

test('while the server is asked, another code or "next customer" waits', () => {
  const checking = run({ type: 'check', code: 'first' });
  assert.equal(tillReducer(checking, { type: 'check', code: 'second' }), checking);
  assert.equal(tillReducer(checking, { type: 'next' }), checking);
});

test('a new code can be checked straight after a result', () => {
  const state = run({ type: 'check', code: 'first' }, { type: 'checked', voucher }, { type: 'check', code: 'second' });
  assert.deepEqual(state, { step: 'checking', code: 'second' });
});

test('after a refused use the voucher is shown as it stands now, and only that voucher', () => {
  const refusal = { code: 'REWARDS_VOUCHER_ALREADY_USED', status: 409 };
  const refused = run({ type: 'check', code: 'c' }, { type: 'checked', voucher }, { type: 'use' }, { type: 'refused', refusal });
  const used = { ...voucher, status: 'used' as const, usedAt: '2030-01-02T00:00:00.000Z' };
  assert.deepEqual(tillReducer(refused, { type: 'refreshed', voucher: used }), { step: 'refused', code: 'c', refusal, voucher: used });
  assert.equal(tillReducer(refused, { type: 'refreshed', voucher: { ...used, id: 'v2' } }), refused);
  assert.equal(tillReducer(initialTill, { type: 'refreshed', voucher: used }), initialTill);
});
