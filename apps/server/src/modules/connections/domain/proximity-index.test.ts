import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../../../test/support/random.ts';
import { distanceM, EARTH_RADIUS_M, ProximityIndex } from './proximity-index.ts';

// Seeded, so every failure can be replayed.
const random = seededRandom;

type Points = Map<number, { lat: number; lon: number }>;

function bruteNearest(points: Points, lat: number, lon: number, radiusM: number, k: number): Array<[number, number]> {
  return [...points]
    .map(([id, p]): [number, number] => [id, distanceM(lat, lon, p.lat, p.lon)])
    .filter(([, d]) => d <= radiusM)
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .slice(0, k);
}

function indexNearest(index: ProximityIndex, lat: number, lon: number, radiusM: number, k: number): Array<[number, number]> {
  const ids = new Int32Array(k), dists = new Float64Array(k);
  const n = index.nearest(lat, lon, radiusM, k, ids, dists);
  return Array.from({ length: n }, (_, i): [number, number] => [ids[i] ?? -1, dists[i] ?? -1]);
}

function indexWithin(index: ProximityIndex, lat: number, lon: number, radiusM: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  index.forEachWithin(lat, lon, radiusM, (id, d) => found.push([id, d]));
  return found.sort((a, b) => a[0] - b[0]);
}

function assertSameAnswers(index: ProximityIndex, points: Points, lat: number, lon: number, radiusM: number, k: number): void {
  const expected = bruteNearest(points, lat, lon, radiusM, k);
  const actual = indexNearest(index, lat, lon, radiusM, k);
  const where = `query (${lat}, ${lon}) r=${radiusM} k=${k}`;
  assert.deepEqual(actual.map(([id]) => id), expected.map(([id]) => id), where);
  actual.forEach(([, d], i) => assert.ok(Math.abs(d - (expected[i]?.[1] ?? NaN)) < 1e-6, where));
  const all = bruteNearest(points, lat, lon, radiusM, Infinity).sort((a, b) => a[0] - b[0]);
  assert.deepEqual(indexWithin(index, lat, lon, radiusM).map(([id]) => id), all.map(([id]) => id), `forEachWithin ${where}`);
}

// Points uniform in a box of sizeM × sizeM around a centre, inserted as ids 0..n-1.
function scatter(index: ProximityIndex, next: () => number, n: number, centre: { lat: number; lon: number }, sizeM: number): Points {
  const points: Points = new Map();
  const dLat = sizeM / 111_195, dLon = dLat / Math.cos((centre.lat * Math.PI) / 180);
  for (let id = 0; id < n; id++) {
    const p = { lat: centre.lat + (next() - 0.5) * dLat, lon: centre.lon + (next() - 0.5) * dLon };
    index.upsert(id, p.lat, p.lon);
    points.set(id, p);
  }
  return points;
}

const nyc = { lat: 40.7128, lon: -74.006 };

describe('proximity index', () => {
  it('answers like brute force on random data, for radii smaller and bigger than a cell and several k', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const index = new ProximityIndex({ cellSizeM: 500 });
      const points = scatter(index, next, 3000, nyc, 10_000);
      for (let q = 0; q < 25; q++) {
        const lat = nyc.lat + (next() - 0.5) * 0.1, lon = nyc.lon + (next() - 0.5) * 0.13;
        for (const radiusM of [0, 120, 500, 1400]) for (const k of [1, 5, 32]) assertSameAnswers(index, points, lat, lon, radiusM, k);
      }
    }
  });

  it('answers like brute force over the whole globe, poles and antimeridian included', () => {
    const next = random(7);
    const index = new ProximityIndex({ cellSizeM: 300_000 });
    const points: Points = new Map();
    for (let id = 0; id < 2000; id++) {
      const p = { lat: (Math.asin(2 * next() - 1) * 180) / Math.PI, lon: next() * 360 - 180 };
      index.upsert(id, p.lat, p.lon);
      points.set(id, p);
    }
    for (let q = 0; q < 60; q++) {
      const lat = q < 10 ? 90 - next() : (Math.asin(2 * next() - 1) * 180) / Math.PI;
      assertSameAnswers(index, points, q % 2 === 0 ? lat : -lat, next() * 360 - 180, 200_000 + next() * 1_500_000, 10);
    }
  });

  it('finds neighbours across the antimeridian, whichever way the longitude is written', () => {
    const index = new ProximityIndex({ cellSizeM: 500 });
    index.upsert(1, -17.8, 179.9995);
    index.upsert(2, -17.8, -179.9995);
    index.upsert(3, -17.8, 180.0015); // the same meridian as -179.9985
    const points: Points = new Map([[1, { lat: -17.8, lon: 179.9995 }], [2, { lat: -17.8, lon: -179.9995 }], [3, { lat: -17.8, lon: 180.0015 }]]);
    assert.deepEqual(indexNearest(index, -17.8, 179.9999, 300, 5).map(([id]) => id), [1, 2, 3]);
    assertSameAnswers(index, points, -17.8, -180, 300, 5);
    assertSameAnswers(index, points, -17.8, 179.99, 1500, 5);
    const next = random(11);
    const many = scatter(index, next, 2000, { lat: -17.8, lon: 180 }, 8000);
    index.upsert(9000, -17.8, 179.99995);
    index.upsert(9000, -17.8, -179.99995); // a 10 m step over the antimeridian, not enough to leave its cell
    many.set(9000, { lat: -17.8, lon: -179.99995 });
    assertSameAnswers(index, many, -17.8, -179.9999, 20, 3);
    for (let q = 0; q < 30; q++) assertSameAnswers(index, many, -17.8 + (next() - 0.5) * 0.05, 180 + (next() - 0.5) * 0.05, 400 + next() * 1000, 8);
  });

  it('finds neighbours across a pole, and at the pole itself', () => {
    const index = new ProximityIndex({ cellSizeM: 500 });
    const points: Points = new Map();
    const next = random(13);
    for (let id = 0; id < 1500; id++) {
      const p = { lat: (id % 2 === 0 ? 1 : -1) * (90 - next() * 0.02), lon: next() * 360 - 180 };
      index.upsert(id, p.lat, p.lon);
      points.set(id, p);
    }
    index.upsert(5000, 90, 0);
    points.set(5000, { lat: 90, lon: 0 });
    index.upsert(5001, -90, 123);
    points.set(5001, { lat: -90, lon: 123 });
    for (const [lat, lon] of [[90, 0], [-90, 45], [89.999, 10], [89.999, -170], [-89.995, 100]] as const) {
      for (const radiusM of [100, 500, 1500]) assertSameAnswers(index, points, lat, lon, radiusM, 12);
    }
    // Two points 0.001° from the pole on opposite meridians are 222 m apart, not 349 m as a flat projection would say.
    assert.ok(Math.abs(distanceM(89.999, 0, 89.999, 180) - 2 * 0.001 * (Math.PI / 180) * EARTH_RADIUS_M) < 1e-6);
  });

  it('orders equally distant ids by id, and cuts ties at k by id', () => {
    const index = new ProximityIndex({ cellSizeM: 500 });
    for (const id of [9, 3, 7, 1, 5]) index.upsert(id, nyc.lat, nyc.lon);
    index.upsert(2, nyc.lat + 0.001, nyc.lon);
    assert.deepEqual(indexNearest(index, nyc.lat, nyc.lon, 500, 3).map(([id]) => id), [1, 3, 5]);
    assert.deepEqual(indexNearest(index, nyc.lat, nyc.lon, 500, 10).map(([id]) => id), [1, 3, 5, 7, 9, 2]);
  });

  it('follows moves within a cell and across cells', () => {
    const next = random(17);
    const index = new ProximityIndex({ cellSizeM: 50 });
    const points = scatter(index, next, 2000, nyc, 3000);
    for (let round = 0; round < 20; round++) {
      for (const [id, p] of points) {
        const moved = { lat: p.lat + (next() - 0.5) * 0.0015, lon: p.lon + (next() - 0.5) * 0.002 };
        index.upsert(id, moved.lat, moved.lon);
        points.set(id, moved);
      }
      for (let q = 0; q < 10; q++) assertSameAnswers(index, points, nyc.lat + (next() - 0.5) * 0.03, nyc.lon + (next() - 0.5) * 0.04, 40 + next() * 200, 6);
    }
    assert.equal(index.size, 2000);
  });

  it('finds an id that stays in its cell while just outside it, beyond every edge', () => {
    // An id stays in its cell until it is 1/8 of a cell outside it. Here each id steps 2–10 % of a cell
    // over an edge, and the query stands 4 % further out with a radius that reaches the id but not the edge.
    const cellSizeM = 100;
    const rowsPerDeg = (EARTH_RADIUS_M * Math.PI) / 180 / cellSizeM;
    const next = random(37);
    const index = new ProximityIndex({ cellSizeM });
    const points: Points = new Map();
    for (let id = 0; id < 400; id++) {
      const row = Math.floor(nyc.lat * rowsPerDeg) + Math.floor(next() * 40) - 20;
      const cols = Math.floor((2 * Math.PI * EARTH_RADIUS_M * Math.cos(((row + 0.5) / rowsPerDeg) * (Math.PI / 180))) / cellSizeM);
      const col = Math.floor(((nyc.lon + 180) * cols) / 360) + Math.floor(next() * 40) - 20;
      const at = (rows: number, columns: number) => ({ lat: rows / rowsPerDeg, lon: (columns * 360) / cols - 180 });
      const along = 0.2 + 0.6 * next(), out = 0.02 + 0.08 * next();
      const [from, to, query] = [
        [at(row + 0.99, col + along), at(row + 1 + out, col + along), at(row + 1 + out + 0.04, col + along)],
        [at(row + 0.01, col + along), at(row - out, col + along), at(row - out - 0.04, col + along)],
        [at(row + along, col + 0.99), at(row + along, col + 1 + out), at(row + along, col + 1 + out + 0.04)],
        [at(row + along, col + 0.01), at(row + along, col - out), at(row + along, col - out - 0.04)],
      ][id % 4] ?? [];
      if (!from || !to || !query) throw new Error('four sides');
      index.upsert(id, from.lat, from.lon);
      index.upsert(id, to.lat, to.lon);
      const one: Points = new Map([[id, to]]);
      const radiusM = 1.1 * distanceM(query.lat, query.lon, to.lat, to.lon);
      assertSameAnswers(index, one, query.lat, query.lon, radiusM, 1);
      index.remove(id);
      points.set(id, to);
    }
    assert.equal(index.size, 0);
  });

  it('forgets removed ids, says whether an id was there, and reuses freed ids', () => {
    const next = random(19);
    const index = new ProximityIndex({ cellSizeM: 100 });
    const points = scatter(index, next, 2000, nyc, 3000);
    for (let id = 0; id < 2000; id += 2) {
      assert.equal(index.remove(id), true);
      points.delete(id);
    }
    assert.equal(index.remove(0), false);
    assert.equal(index.remove(123_456), false);
    assert.equal(index.size, 1000);
    assert.equal(index.has(0), false);
    assert.equal(index.has(1), true);
    for (let q = 0; q < 30; q++) assertSameAnswers(index, points, nyc.lat + (next() - 0.5) * 0.03, nyc.lon + (next() - 0.5) * 0.04, 300, 10);
    for (let id = 0; id < 2000; id += 4) {
      const p = { lat: nyc.lat + (next() - 0.5) * 0.03, lon: nyc.lon + (next() - 0.5) * 0.04 };
      index.upsert(id, p.lat, p.lon);
      points.set(id, p);
    }
    assert.equal(index.size, 1500);
    for (let q = 0; q < 30; q++) assertSameAnswers(index, points, nyc.lat + (next() - 0.5) * 0.03, nyc.lon + (next() - 0.5) * 0.04, 300, 10);
    for (const id of [...points.keys()]) index.remove(id);
    assert.equal(index.size, 0);
    assert.deepEqual(indexNearest(index, nyc.lat, nyc.lon, 10_000, 5), []);
  });

  it('grows past its initial capacity, including for a far id', () => {
    const next = random(23);
    const index = new ProximityIndex({ cellSizeM: 500, initialCapacity: 4 });
    const points = scatter(index, next, 3000, nyc, 5000);
    index.upsert(100_000, nyc.lat, nyc.lon);
    points.set(100_000, { lat: nyc.lat, lon: nyc.lon });
    assert.equal(index.size, 3001);
    for (let q = 0; q < 30; q++) assertSameAnswers(index, points, nyc.lat + (next() - 0.5) * 0.04, nyc.lon + (next() - 0.5) * 0.06, 500, 5);
  });

  it('keeps no trace of a removed position', () => {
    const index = new ProximityIndex({ cellSizeM: 500, initialCapacity: 2 });
    index.upsert(0, 40.123456789, -73.987654321);
    index.upsert(1, 41.5, -74.5);
    index.upsert(2, 42.5, -75.5); // growth copies the arrays and wipes the old ones
    assert.equal(index.holdsCoordinate(40.123456789), true);
    assert.equal(index.holdsCoordinate(-73.987654321), true);
    index.upsert(0, 40.2, -73.9);
    assert.equal(index.holdsCoordinate(40.123456789), false, 'a move overwrites the old position');
    index.remove(0);
    assert.equal(index.holdsCoordinate(40.2), false);
    assert.equal(index.holdsCoordinate(-73.9), false);
    assert.equal(index.holdsCoordinate(0), false, 'free slots hold no coordinate either');
    assert.equal(index.holdsCoordinate(41.5), true);
  });

  it('returns nothing for k = 0 and refuses what it cannot answer', () => {
    const index = new ProximityIndex({ cellSizeM: 500 });
    index.upsert(1, nyc.lat, nyc.lon);
    assert.equal(index.nearest(nyc.lat, nyc.lon, 500, 0, new Int32Array(0), new Float64Array(0)), 0);
    assert.throws(() => index.nearest(nyc.lat, nyc.lon, 500, 5, new Int32Array(4), new Float64Array(5)), RangeError);
    assert.throws(() => index.upsert(-1, 0, 0), RangeError);
    assert.throws(() => index.upsert(1.5, 0, 0), RangeError);
    assert.throws(() => index.upsert(2, 91, 0), RangeError);
    assert.throws(() => index.upsert(2, Number.NaN, 0), RangeError);
    assert.throws(() => index.upsert(2, 0, Infinity), RangeError);
    assert.throws(() => index.forEachWithin(0, 0, -1, () => {}), RangeError);
    assert.throws(() => new ProximityIndex({ cellSizeM: 1 }), RangeError);
    assert.throws(() => index.forEachWithin(nyc.lat, nyc.lon, 100, (id) => index.remove(id)), /not re-entrant/);
    assert.equal(index.has(1), true);
  });
});

describe('distanceM', () => {
  const haversine = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
    const rad = Math.PI / 180;
    const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  };

  it('agrees with haversine within 1 µm up to 100 km, anywhere on Earth', () => {
    const next = random(29);
    for (let i = 0; i < 20_000; i++) {
      const lat = next() * 180 - 90, lon = next() * 360 - 180;
      const rangeDeg = next() ** 3 * 0.9;
      const lat2 = Math.max(-90, Math.min(90, lat + (next() - 0.5) * rangeDeg)), lon2 = lon + (next() - 0.5) * rangeDeg;
      const exact = haversine(lat, lon, lat2, lon2);
      if (exact > 100_000) continue;
      assert.ok(Math.abs(distanceM(lat, lon, lat2, lon2) - exact) < 1e-6, `(${lat}, ${lon}) → (${lat2}, ${lon2})`);
    }
  });

  it('agrees with haversine within 1 mm for any two points', () => {
    const next = random(31);
    for (let i = 0; i < 20_000; i++) {
      const [lat1, lon1, lat2, lon2] = [next() * 180 - 90, next() * 360 - 180, next() * 180 - 90, next() * 720 - 360];
      assert.ok(Math.abs(distanceM(lat1, lon1, lat2, lon2) - haversine(lat1, lon1, lat2, lon2)) < 1e-3);
    }
  });
});
