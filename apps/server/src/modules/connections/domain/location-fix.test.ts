import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIX_MAX_AGE_MS, readFix } from './location-fix.ts';

const now = 1_800_000_000_000;
const good = { lat: 40.758, lon: -73.9855, accuracy: 12, at: now - 500 };

describe('reading a location fix', () => {
  it('accepts a recent, accurate fix with coordinates in range', () => {
    assert.deepEqual(readFix(good, now, 150), { fix: good });
  });
  it('refuses coordinates out of range, missing or not numbers', () => {
    for (const bad of [{ lat: 91 }, { lat: -90.5 }, { lon: 180.1 }, { lon: -181 }, { lat: Number.NaN }, { lon: Infinity }, { lat: '40.7' }, { accuracy: -1 }, { at: undefined }]) {
      assert.deepEqual(readFix({ ...good, ...bad }, now, 150), { rejected: 'CONNECTIONS_LOCATION_INVALID' }, JSON.stringify(bad));
    }
  });
  it('refuses a fix older than a minute or from more than five seconds in the future', () => {
    assert.deepEqual(readFix({ ...good, at: now - FIX_MAX_AGE_MS - 1 }, now, 150), { rejected: 'CONNECTIONS_LOCATION_STALE' });
    assert.deepEqual(readFix({ ...good, at: now + 6000 }, now, 150), { rejected: 'CONNECTIONS_LOCATION_STALE' });
  });
  it('ignores a fix less accurate than the threshold', () => {
    assert.deepEqual(readFix({ ...good, accuracy: 151 }, now, 150), { rejected: 'CONNECTIONS_LOCATION_INACCURATE' });
  });
});
