import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatClock } from './clock.ts';

test('a time of day is told to the minute, in the reader’s language', () => {
  const iso = new Date(2030, 0, 15, 16, 57, 42).toISOString();
  assert.equal(formatClock(iso, 'es'), '16:57');
  assert.match(formatClock(iso, 'en-US'), /^4:57\sPM$/);
});

test('something that is not a date tells no time', () => {
  assert.equal(formatClock('soon', 'en'), '');
});
