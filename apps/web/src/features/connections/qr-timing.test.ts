import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseShortCode, refreshDelayMs } from './qr-timing.ts';

const now = Date.parse('2030-01-01T10:00:00.000Z');

test('the next code is asked for at refreshAt', () => {
  assert.equal(refreshDelayMs({ refreshAt: '2030-01-01T10:00:12.000Z' }, now, 15), 12_000);
});

test('a clock far off from the server falls back to the refresh period', () => {
  assert.equal(refreshDelayMs({ refreshAt: '2030-01-01T09:59:00.000Z' }, now, 15), 15_000, 'refreshAt already past here');
  assert.equal(refreshDelayMs({ refreshAt: '2030-01-01T10:05:00.000Z' }, now, 15), 15_000, 'refreshAt minutes away');
  assert.equal(refreshDelayMs({ refreshAt: 'garbage' }, now), 15_000);
});

test('a typed short code loses spaces and dashes and is upper-cased', () => {
  assert.equal(normaliseShortCode(' ab3-k9 x '), 'AB3K9X');
});
