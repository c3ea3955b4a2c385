import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettingsForm, settingsToForm } from './settings-form-model.ts';

const saved = { citizenGiftsEnabled: false, giftDailyCap: 500, donationDailyCap: 1000, pointValueCents: 1, pairConnectionsPerDay: 3 };

test('saved settings come back unchanged through the form', () => {
  assert.deepEqual(readSettingsForm(settingsToForm(saved)), { ok: true, settings: saved });
});

test('a number may be typed with thousands separators and spaces', () => {
  const result = readSettingsForm({ ...settingsToForm(saved), giftDailyCap: ' 1,000 ', donationDailyCap: '2.500' });
  assert.deepEqual(result, { ok: true, settings: { ...saved, giftDailyCap: 1000, donationDailyCap: 2500 } });
});

test('an empty, negative or fractional number is not a whole number', () => {
  for (const typed of ['', '-5', '1e3', 'ten', '2.5', '1,00']) {
    const result = readSettingsForm({ ...settingsToForm(saved), pointValueCents: typed });
    assert.deepEqual(result, { ok: false, errors: { pointValueCents: 'wholeNumber' } }, typed);
  }
});

test('a cap above what the server accepts is too large, and each field says so on its own', () => {
  const result = readSettingsForm({ ...settingsToForm(saved), giftDailyCap: '1000001', pointValueCents: '100001' });
  assert.deepEqual(result, { ok: false, errors: { giftDailyCap: 'tooLarge', pointValueCents: 'tooLarge' } });
});

test('turning citizen gifts on is saved as it is', () => {
  const result = readSettingsForm({ ...settingsToForm(saved), citizenGiftsEnabled: true });
  assert.ok(result.ok);
  assert.equal(result.settings.citizenGiftsEnabled, true);
});

test('connections per pair per day are 1 to 20', () => {
  assert.deepEqual(readSettingsForm({ ...settingsToForm(saved), pairConnectionsPerDay: '0' }), { ok: false, errors: { pairConnectionsPerDay: 'tooSmall' } });
  assert.deepEqual(readSettingsForm({ ...settingsToForm(saved), pairConnectionsPerDay: '21' }), { ok: false, errors: { pairConnectionsPerDay: 'tooLarge' } });
  assert.deepEqual(readSettingsForm({ ...settingsToForm(saved), pairConnectionsPerDay: '1' }), { ok: true, settings: { ...saved, pairConnectionsPerDay: 1 } });
});
