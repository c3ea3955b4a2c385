import assert from 'node:assert/strict';
import { test } from 'node:test';
import { precompiledChecks } from '@heyblue/contracts/connections/checks';
import { NearbyEnteredMessage } from '@heyblue/contracts/connections';
import { Type } from 'typebox';
import { decoderOf, fits, isPrecompiled, usePrecompiledChecks } from './contract.ts';

const officer = { officerId: '0b6f3c1e-8a4d-4f7e-9a41-2d7c5e1f0a11', precinctName: 'Midtown North', band: 'within-1km', area: { cell: '882a100d25fffff', centre: { lat: 40.76, lon: -73.98 }, radiusM: 600 }, virtual: false };

test('a module’s ahead-of-time checks accept and refuse exactly what its schemas do', () => {
  usePrecompiledChecks(precompiledChecks);
  assert.equal(isPrecompiled(NearbyEnteredMessage), true);
  assert.equal(fits(NearbyEnteredMessage, { type: 'nearby.entered', officer }), true);
  assert.equal(fits(NearbyEnteredMessage, { type: 'nearby.entered', officer: { ...officer, band: 'within-10m' } }), false);
  assert.equal(fits(NearbyEnteredMessage, { type: 'nearby.entered', officer: { ...officer, officerId: 'not-a-uuid' } }), false, 'format checks come from the externals');
  assert.equal(fits(NearbyEnteredMessage, { type: 'nearby.entered' }), false);
});

test('a schema composed at a call site is still checked, by the interpreter', () => {
  const Pair = Type.Object({ a: Type.Integer(), b: Type.String({ format: 'uuid' }) });
  assert.equal(isPrecompiled(Pair), false);
  assert.deepEqual(decoderOf(Pair)({ a: 1, b: officer.officerId }), { a: 1, b: officer.officerId });
  assert.throws(() => decoderOf(Pair, 'pair')({ a: 1.5, b: officer.officerId }), /Unexpected pair at \/a/);
});
