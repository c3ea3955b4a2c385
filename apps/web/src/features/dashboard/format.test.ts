import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatDate, formatNumber } from './format.ts';

test('sizes use decimal units in the reader’s language', () => {
  assert.equal(formatBytes(12, 'en'), '12 bytes');
  assert.equal(formatBytes(1_250_000, 'en'), '1.3 MB');
  assert.equal(formatBytes(1_250_000, 'es'), '1,3 MB');
  assert.equal(formatBytes(830_000, 'en'), '830 kB');
});

test('a date that is not one is shown as it came', () => {
  assert.equal(formatDate('soon', 'en'), 'soon');
  assert.match(formatDate('2026-11-21T10:29:21.199Z', 'en'), /2026/);
});

test('numbers are grouped per language', () => {
  assert.equal(formatNumber(20000, 'en'), '20,000');
});
