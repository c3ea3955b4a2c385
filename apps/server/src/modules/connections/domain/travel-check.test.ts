import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCURACY_MARGIN_CAP_M, checkTravel, plausibleMoveM, TRAVEL_MEMORY_MS } from './travel-check.ts';

const start = { lat: 40.758, lon: -73.9855, accuracy: 10, at: 0 };
const north = (metres: number, seconds: number, accuracy = 10) => ({ lat: start.lat + metres / 111_320, lon: start.lon, accuracy, at: seconds * 1000 });
const from = (accuracy: number) => ({ ...start, accuracy });

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
  it('forgives GPS noise of a phone standing still: 45 m between two fixes a second apart', () => {
    assert.equal(checkTravel(from(15), north(45, 1, 15)), undefined);
  });
  it('counts the declared accuracy only up to a small cap: 150 m of it no longer buys a 340 m jump in a second', () => {
    const flag = checkTravel(from(150), north(340, 1, 150));
    assert.equal(flag?.kind, 'impossible-travel');
    assert.ok((flag?.speedKmh ?? 0) > 1200, 'about 1,220 km/h');
    assert.equal(plausibleMoveM(from(150), north(0, 1, 150)), 150 / 3.6 + ACCURACY_MARGIN_CAP_M);
    assert.equal(checkTravel(from(150), north(80, 1, 150))?.kind, 'impossible-travel', '80 m in a second is past 42 m + 30 m');
    assert.equal(checkTravel(from(150), north(70, 1, 150)), undefined);
  });
  it('counts less margin for fixes that declare themselves precise', () => {
    assert.equal(checkTravel(from(5), north(60, 1, 5))?.kind, 'impossible-travel', '42 m + 10 m of declared accuracy');
    assert.equal(checkTravel(from(15), north(60, 1, 15)), undefined, '42 m + 30 m');
  });
  it('gives fixes sent in a burst only the time between them, never a free second', () => {
    assert.equal(checkTravel(from(15), { ...north(60, 0, 15), at: 170 })?.kind, 'impossible-travel', '60 m in 170 ms');
    assert.equal(checkTravel(from(15), { ...north(20, 0, 15), at: 170 }), undefined, 'noise within the margin');
  });
  it('flags a jump of more than 50 km as a teleport whatever the time', () => {
    assert.equal(checkTravel(start, north(60_000, 9 * 60))?.kind, 'teleport');
  });
  it('starts afresh after the travel memory', () => {
    assert.equal(checkTravel(start, { ...north(400_000, 0), at: TRAVEL_MEMORY_MS + 1 }), undefined);
  });
});
