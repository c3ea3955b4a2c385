import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECENT_FIX_MS, togetherness } from './together.ts';

const now = 10_000_000;
const here = { lat: 40.758, lon: -73.9855, accuracy: 10, at: now - 1000 };
const metresNorth = (m: number, accuracy = 10) => ({ ...here, lat: here.lat + m / 111_320, accuracy });

describe('are two people plausibly together', () => {
  it('within 200 m plus both accuracies: together', () => {
    assert.equal(togetherness(here, metresNorth(150), now), 'together');
    assert.equal(togetherness(here, metresNorth(300, 100), now), 'together');
  });
  it('farther: apart', () => {
    assert.equal(togetherness(here, metresNorth(400), now), 'apart');
  });
  it('a missing or old position: unknown', () => {
    assert.equal(togetherness(here, undefined, now), 'unknown');
    assert.equal(togetherness(here, { ...metresNorth(10), at: now - RECENT_FIX_MS - 1 }, now), 'unknown');
  });
});
