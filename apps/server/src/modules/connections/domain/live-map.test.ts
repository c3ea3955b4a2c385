import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { LiveMap, type LiveNotice, type Snapper } from './live-map.ts';

// A fake snapping: square cells of 0.01° latitude × 0.01° longitude, centred.
const gridSnapper: Snapper = {
  snap(lat, lon) {
    const row = Math.floor(lat / 0.01);
    const col = Math.floor(lon / 0.01);
    return { cell: `${row}:${col}`, lat: (row + 0.5) * 0.01, lon: (col + 0.5) * 0.01 };
  },
  metresOutside(cell, lat, lon) {
    const [row = 0, col = 0] = cell.split(':').map(Number);
    const outside = (value: number, low: number) => Math.max(low - value, 0, value - (low + 0.01));
    return Math.hypot(outside(lat, row * 0.01) * 111_320, outside(lon, col * 0.01) * 111_320 * Math.cos((lat * Math.PI) / 180));
  },
};
const CENTRE = { lat: 40.755, lon: -73.985 }; // the centre of one fake cell
const window = { windowId: 'w1', precinctName: 'Midtown South', inPerson: true, virtual: false, closesAtMs: 10_000_000 };
const north = (metres: number) => CENTRE.lat + metres / 111_320;
const fix = (lat: number, lon: number, at = 1000) => ({ lat, lon, accuracy: 10, at });

describe('the live map', () => {
  let notices: LiveNotice[];
  let map: LiveMap;
  beforeEach(() => {
    notices = [];
    map = new LiveMap({ radiusM: 1000, leaveMarginM: 250, maxNearby: 3, citizenTtlMs: 120_000, snapper: gridSnapper, notify: (n) => notices.push(n) });
  });
  const kinds = () => notices.map((n) => `${n.kind}:${'officerId' in n ? n.officerId : ''}`);

  it('tells a citizen once when an available officer’s cell centre is within the radius, with the cell, not the position', () => {
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(CENTRE.lat + 0.002, CENTRE.lon + 0.003), true);
    map.moveCitizen('c1', fix(north(700), CENTRE.lon), true);
    assert.deepEqual(kinds(), ['entered:o1']);
    const entered = notices[0];
    assert.ok(entered?.kind === 'entered');
    assert.deepEqual({ lat: entered.area.lat, lon: entered.area.lon }, CENTRE, 'the cell centre');
    assert.equal(entered.band, 'within-1km');
    map.moveCitizen('c1', fix(north(710), CENTRE.lon, 2000), true);
    assert.equal(notices.length, 1, 'no duplicate while nothing changes');
  });

  it('tells a citizen already near when an officer becomes available and moves into range', () => {
    map.moveCitizen('c1', fix(north(300), CENTRE.lon), true);
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(CENTRE.lat, CENTRE.lon), true);
    assert.deepEqual(kinds(), ['entered:o1']);
  });

  it('does not flicker at the edge: near at 1 km, gone only past 1.25 km', () => {
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(CENTRE.lat, CENTRE.lon), true);
    map.moveCitizen('c1', fix(north(1050), CENTRE.lon), true);
    assert.equal(notices.length, 0);
    map.moveCitizen('c1', fix(north(990), CENTRE.lon, 2000), true);
    for (let i = 0; i < 10; i++) map.moveCitizen('c1', fix(north(i % 2 ? 990 : 1100), CENTRE.lon, 3000 + i * 1000), true);
    assert.deepEqual(kinds(), ['entered:o1']);
    map.moveCitizen('c1', fix(north(1300), CENTRE.lon, 20_000), true);
    assert.deepEqual(kinds(), ['entered:o1', 'left:o1']);
  });

  it('changes the band when the citizen walks closer, with a margin', () => {
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(CENTRE.lat, CENTRE.lon), true);
    map.moveCitizen('c1', fix(north(800), CENTRE.lon), true);
    map.moveCitizen('c1', fix(north(400), CENTRE.lon, 2000), true);
    map.moveCitizen('c1', fix(north(550), CENTRE.lon, 3000), true);
    assert.deepEqual(notices.map((n) => (n.kind === 'entered' || n.kind === 'changed' ? `${n.kind}:${n.band}` : n.kind)), ['entered:within-1km', 'changed:within-500m']);
  });

  it('an officer moving within their cell tells nobody anything; moving cells re-tells or says goodbye', () => {
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(CENTRE.lat, CENTRE.lon), true);
    map.moveCitizen('c1', fix(north(600), CENTRE.lon), true);
    map.moveOfficer('o1', fix(CENTRE.lat + 0.001, CENTRE.lon + 0.001, 2000), true);
    assert.deepEqual(kinds(), ['entered:o1']);
    map.moveOfficer('o1', fix(CENTRE.lat + 0.01, CENTRE.lon, 3000), true);
    assert.deepEqual(kinds(), ['entered:o1', 'changed:o1'], 'the next cell north is still near: the area moved');
    map.moveOfficer('o1', fix(CENTRE.lat + 0.05, CENTRE.lon, 60_000), true);
    assert.deepEqual(kinds(), ['entered:o1', 'changed:o1', 'left:o1']);
  });

  it('keeps an officer in the cell they were announced in until a fix is 50 m past its edge: GPS noise at an edge tells nobody anything', () => {
    const edge = CENTRE.lat + 0.005; // the northern edge of the officer's cell
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(edge - 5 / 111_320, CENTRE.lon), true);
    map.moveCitizen('c1', fix(north(600), CENTRE.lon), true);
    assert.deepEqual(kinds(), ['entered:o1']);
    for (let i = 0; i < 20; i++) map.moveOfficer('o1', fix(edge + ((i % 2 ? 1 : -1) * 20 + 20) / 111_320, CENTRE.lon, 2000 + i * 1000), true);
    assert.deepEqual(kinds(), ['entered:o1'], 'fixes up to 40 m past the edge keep the cell');
    assert.equal(map.areaOf('o1')?.lat, CENTRE.lat);
    map.moveOfficer('o1', fix(edge + 51 / 111_320, CENTRE.lon, 30_000), true);
    assert.deepEqual(kinds(), ['entered:o1', 'changed:o1'], '51 m past it moves them');
    assert.equal(map.areaOf('o1')?.lat, CENTRE.lat + 0.01);
    map.moveOfficer('o1', fix(edge - 40 / 111_320, CENTRE.lon, 31_000), true);
    assert.equal(map.areaOf('o1')?.lat, CENTRE.lat + 0.01, 'and now the same hysteresis holds them in the new cell');
  });

  it('places a replicated officer in the cell their own instance announced', () => {
    map.openWindow('o1', window);
    const announced = gridSnapper.snap(CENTRE.lat, CENTRE.lon);
    map.moveOfficer('o1', fix(CENTRE.lat + 0.0051, CENTRE.lon), false, announced);
    assert.equal(map.areaOf('o1')?.cell, announced.cell, 'not the cell of the fix, 11 m past the edge');
  });

  it('says goodbye when the window closes and forgets the officer’s position everywhere', () => {
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(40.75612345, -73.98512345), true);
    map.moveCitizen('c1', fix(north(200), CENTRE.lon), true);
    assert.ok(map.holdsCoordinate(40.75612345));
    map.closeWindow('o1');
    assert.deepEqual(kinds(), ['entered:o1', 'left:o1']);
    assert.equal(map.holdsCoordinate(40.75612345), false);
    assert.equal(map.holdsCoordinate(-73.98512345), false);
    assert.equal(map.fixOf('o1'), undefined);
    assert.deepEqual(map.nearbyOf('c1'), []);
  });

  it('tells a citizen of at most maxNearby officers, nearest first', () => {
    // Four officers within the radius (two in the citizen's cell, two a cell east and west, ~840 m), one beyond.
    const lons = [CENTRE.lon, CENTRE.lon + 0.001, CENTRE.lon - 0.01, CENTRE.lon + 0.01, CENTRE.lon + 0.02];
    lons.forEach((lon, i) => {
      map.openWindow(`o${i}`, window);
      map.moveOfficer(`o${i}`, fix(CENTRE.lat, lon), true);
    });
    map.moveCitizen('c1', fix(CENTRE.lat, CENTRE.lon), true);
    const told = map.nearbyOf('c1').map((e) => e.officerId);
    assert.equal(told.length, 3);
    assert.ok(told.includes('o0') && told.includes('o1'), 'the nearest are among them');
  });

  it('never places an officer available only virtually', () => {
    map.openWindow('o1', { ...window, inPerson: false, virtual: true });
    map.moveOfficer('o1', fix(CENTRE.lat, CENTRE.lon), true);
    map.moveCitizen('c1', fix(CENTRE.lat, CENTRE.lon), true);
    assert.equal(notices.length, 0);
    assert.deepEqual([...map.virtualOfficers()].map(([id]) => id), ['o1']);
  });

  it('tells only local citizens: a replica applies positions without telling anyone', () => {
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(CENTRE.lat, CENTRE.lon), false);
    map.moveCitizen('c1', fix(CENTRE.lat, CENTRE.lon), false);
    assert.equal(notices.length, 0);
    assert.equal(map.bandBetween('c1', 'o1'), 'within-500m', 'but the positions are known for checks');
  });

  it('does not query again for a citizen who moved less than 15 m (officers coming and going still reach them)', () => {
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(CENTRE.lat, CENTRE.lon), true);
    map.moveCitizen('c1', fix(north(505), CENTRE.lon), true);
    map.moveCitizen('c1', fix(north(495), CENTRE.lon, 2000), true);
    assert.equal(map.nearbyOf('c1')[0]?.band, 'within-1km', 'a 10 m step is not re-queried');
    map.moveCitizen('c1', fix(north(480), CENTRE.lon, 3000), true);
    assert.equal(map.nearbyOf('c1')[0]?.band, 'within-500m', 'a 25 m step is');
    map.openWindow('o2', window);
    map.moveOfficer('o2', fix(CENTRE.lat, CENTRE.lon + 0.001), true);
    assert.ok(map.nearbyOf('c1').some((e) => e.officerId === 'o2'), 'a newly available officer is told from their side');
  });

  it('works out who is near a citizen whose socket is on another instance from their replicated position', () => {
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(CENTRE.lat, CENTRE.lon), false);
    map.moveCitizen('c1', fix(north(300), CENTRE.lon), false);
    assert.deepEqual(map.nearbyOf('c1').map((e) => `${e.officerId}:${e.band}`), ['o1:within-500m']);
    assert.equal(notices.length, 0);
  });

  it('ends a meeting for both when the officer’s window closes', () => {
    map.openWindow('o1', window);
    map.startMeet('k1', 'o1', 'c1', 50_000);
    map.closeWindow('o1');
    map.moveCitizen('c1', fix(CENTRE.lat, CENTRE.lon, 3000), true);
    assert.equal(notices.filter((n) => n.kind === 'meet').length, 0);
  });

  it('the band between two people is from the cell centre, and undefined past the radius plus margin', () => {
    map.openWindow('o1', window);
    map.moveOfficer('o1', fix(CENTRE.lat + 0.004, CENTRE.lon), true);
    map.moveCitizen('c1', fix(north(1200), CENTRE.lon), true);
    assert.equal(map.bandBetween('c1', 'o1'), 'within-1km');
    map.moveCitizen('c1', fix(north(1300), CENTRE.lon, 9000), true);
    assert.equal(map.bandBetween('c1', 'o1'), undefined);
  });

  it('passes each party’s moves to the other during a meeting, and stops after it', () => {
    map.openWindow('o1', window);
    map.startMeet('k1', 'o1', 'c1', 5000);
    map.moveOfficer('o1', fix(CENTRE.lat, CENTRE.lon, 2000), true);
    map.moveCitizen('c1', fix(CENTRE.lat, CENTRE.lon, 3000), true);
    map.moveCitizen('c1', fix(CENTRE.lat, CENTRE.lon, 6000), true);
    assert.deepEqual(notices.filter((n) => n.kind === 'meet').map((n) => (n.kind === 'meet' ? `${n.fromId}->${n.toId}` : '')), ['o1->c1', 'c1->o1']);
  });

  it('sweeps lapsed windows and quiet citizens', () => {
    map.openWindow('o1', { ...window, closesAtMs: 5000 });
    map.moveOfficer('o1', fix(CENTRE.lat, CENTRE.lon), true);
    map.moveCitizen('c1', fix(CENTRE.lat, CENTRE.lon, 1000), true);
    assert.deepEqual(map.sweep(6000), ['o1']);
    assert.deepEqual(kinds(), ['entered:o1', 'left:o1']);
    assert.ok(map.fixOf('c1'));
    map.sweep(1000 + 120_001);
    assert.equal(map.fixOf('c1'), undefined);
    assert.equal(map.stats.positions, 0);
  });
});
