// The privacy promise, attacked: an account that spoofs a thousand positions around an available
// officer and keeps everything the server tells it cannot place the officer better than the
// snapping cell (H3 resolution 8). Runs the real live path (LiveHub → LiveMap → H3) with a clock the
// attacker controls, so the spoofed walk passes every rate and travel check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectionsPush } from '@heyblue/contracts/connections';
import type { Clock } from '../../platform/clock.ts';
import { h3Snapper } from './adapters/h3-snapper.ts';
import { LiveHub } from './application/live-hub.ts';
import { soloLink } from './application/live-link.ts';
import { LiveMap } from './domain/live-map.ts';
import { distanceM } from './domain/proximity-index.ts';
import { seededRandom } from '../../../test/support/random.ts';

const PLACEMENTS = 100;
const SPOOFS = 1000;
const NYC = { lat: 40.7128, lon: -74.006 };


const toLat = (m: number) => m / 111_320;
const toLon = (m: number, lat: number) => m / (111_320 * Math.cos((lat * Math.PI) / 180));

/** A serpentine walk over a 32 × 32 grid, 2.4 km wide, centred on a point: neighbouring spoofs are 77 m apart. */
function spoofWalk(lat: number, lon: number): Array<{ lat: number; lon: number }> {
  const points: Array<{ lat: number; lon: number }> = [];
  const step = 2400 / 31;
  for (let row = 0; row < 32; row++) {
    for (let i = 0; i < 32; i++) {
      const col = row % 2 === 0 ? i : 31 - i;
      points.push({ lat: lat + toLat(-1200 + row * step), lon: lon + toLon(-1200 + col * step, lat) });
    }
  }
  return points.slice(0, SPOOFS);
}

/** Everything the attacker hears about one officer placement, and their best two estimates. */
function attack(officer: { lat: number; lon: number }, rng: () => number): { cellCentreError: number; nearCentroidError: number; heard: string; told: number } {
  let nowMs = Date.UTC(2026, 10, 21, 12);
  const clock: Clock = { now: () => new Date(nowMs) };
  const heard: ConnectionsPush[] = [];
  const push = (userId: string, message: ConnectionsPush): void => {
    if (userId === 'attacker') heard.push(message);
  };
  const map = new LiveMap({ radiusM: 1000, leaveMarginM: 250, maxNearby: 20, citizenTtlMs: 120_000, snapper: h3Snapper(), notify: LiveHub.noticeSink(push) });
  const hub = new LiveHub({ map, link: soloLink(), clock, maxAccuracyM: 150, push, recordFlag: () => assert.fail('the spoofed walk must pass the travel checks') });
  hub.openWindow('officer', { windowId: 'w', precinctName: 'Precinct', inPerson: true, virtual: false, closesAtMs: nowMs + 10 * 24 * 3600_000 });
  assert.equal(hub.receiveLocation('officer', true, { ...officer, accuracy: 5, at: nowMs }), undefined);
  // The attacker starts somewhere in the walk's first corner, then spoofs every point.
  const walk = spoofWalk(officer.lat + toLat((rng() - 0.5) * 200), officer.lon + toLon((rng() - 0.5) * 200, officer.lat));
  const near: Array<{ lat: number; lon: number }> = [];
  let centre: { lat: number; lon: number } | undefined;
  for (const point of walk) {
    nowMs += 60_000;
    const before = heard.length;
    const rejected = hub.receiveLocation('attacker', false, { ...point, accuracy: 5, at: nowMs });
    assert.equal(rejected, undefined);
    for (const message of heard.slice(before)) if (message.type === 'nearby.entered' || message.type === 'nearby.changed') centre = message.officer.area.centre;
    if (map.nearbyOf('attacker').length > 0) near.push(point);
  }
  const centroid = near.length > 0 ? { lat: near.reduce((s, p) => s + p.lat, 0) / near.length, lon: near.reduce((s, p) => s + p.lon, 0) / near.length } : walk[0];
  assert.ok(centre && centroid, 'the attacker is told the officer is near at some point');
  return {
    cellCentreError: distanceM(officer.lat, officer.lon, centre.lat, centre.lon),
    nearCentroidError: distanceM(officer.lat, officer.lon, centroid.lat, centroid.lon),
    heard: JSON.stringify(heard),
    told: heard.length,
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
};

describe('trilateration: a spoofing attacker learns at most the officer’s cell', () => {
  it(`over ${PLACEMENTS} placements and ${SPOOFS} spoofed positions each, the attacker's best estimate is off by ≥200 m at the median, and no coordinate of the officer is ever sent`, (t) => {
    const rng = seededRandom(20261121);
    const errors: number[] = [];
    for (let i = 0; i < PLACEMENTS; i++) {
      // Officers uniform over a 50 × 50 km box around New York City.
      const officer = { lat: NYC.lat + toLat((rng() - 0.5) * 50_000), lon: NYC.lon + toLon((rng() - 0.5) * 50_000, NYC.lat) };
      const outcome = attack(officer, rng);
      assert.ok(!outcome.heard.includes(String(officer.lat)) && !outcome.heard.includes(String(officer.lon)), 'the officer’s coordinates never reach the attacker');
      assert.ok(outcome.told >= 1);
      errors.push(Math.min(outcome.cellCentreError, outcome.nearCentroidError));
    }
    const m = median(errors);
    t.diagnostic(`attacker's error: median ${m.toFixed(0)} m, min ${Math.min(...errors).toFixed(0)} m, max ${Math.max(...errors).toFixed(0)} m`);
    assert.ok(m >= 200, `median error ${m.toFixed(0)} m`);
    assert.ok(Math.max(...errors) < 1000, 'and the cell is honest: the officer is inside the area they are shown in');
  });
});
