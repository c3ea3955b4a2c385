import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTravel, TRAVEL_MEMORY_MS } from './travel-check.ts';

const start = { lat: 40.758, lon: -73.9855, accuracy: 10, at: 0 };
const north = (metres: number, seconds: number, accuracy = 10) => ({ lat: start.lat + metres / 111_320, lon: start.lon, accuracy, at: seconds * 1000 });

describe('impossible travel and teleports', () => {
  it('lets a first fix, walking and driving through', () => {
    assert.equal(checkTravel(undefined, start), undefined);
    assert.equal(checkTravel(start, north(14, 10)), undefined);
    assert.equal(checkTravel(start, north(300, 10)), undefined, '108 km/h');
  });
  it('flags faster than 150 km/h between fixes', () => {
    const flag = checkTravel(start, north(1000, 10));
    assert.equal(flag?.kind, 'impossible-travel');
    assert.ok((flag?.speedKmh ?? 0) > 350);
  });
  it('forgives what the fixes’ accuracy explains', () => {
    assert.equal(checkTravel(start, north(80, 1, 60)), undefined, '80 m in 1 s, but 70 m of it is the fixes’ combined uncertainty');
  });
  it('flags a jump of more than 50 km as a teleport whatever the time', () => {
    assert.equal(checkTravel(start, north(60_000, 20 * 60))?.kind, 'teleport');
  });
  it('starts afresh after a long silence', () => {
    assert.equal(checkTravel(start, { ...north(400_000, 0), at: TRAVEL_MEMORY_MS + 1 }), undefined);
  });
});
