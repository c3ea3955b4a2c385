import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../../apps/server/test/support/random.ts';
import { contains, distanceM, gpsReading, MANHATTAN, MIDTOWN, Mover, randomPointIn, segmentInside, type Gait } from './city.ts';

// The server flags moves faster than this between two fixes, after excusing both fixes' accuracy.
const FLAGGED_KMH = 150;
const TIMES_SQUARE = { lat: 40.758, lon: -73.9855 };

describe('the simulated city', () => {
  test('Manhattan holds its landmarks and not its neighbours', () => {
    assert.ok(contains(MANHATTAN, TIMES_SQUARE));
    assert.ok(contains(MANHATTAN, { lat: 40.7829, lon: -73.9654 }), 'Central Park');
    assert.ok(contains(MANHATTAN, { lat: 40.7061, lon: -74.0087 }), 'Wall Street');
    assert.ok(!contains(MANHATTAN, { lat: 40.7178, lon: -74.0431 }), 'Jersey City');
    assert.ok(!contains(MANHATTAN, { lat: 40.7433, lon: -73.9196 }), 'Queens');
    assert.ok(!contains(MANHATTAN, { lat: 40.6782, lon: -73.9442 }), 'Brooklyn');
  });

  test('midtown lies inside Manhattan and around Times Square', () => {
    assert.ok(contains(MIDTOWN, TIMES_SQUARE));
    for (const corner of MIDTOWN) assert.ok(contains(MANHATTAN, corner));
  });

  test('random points fall inside the area', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) assert.ok(contains(MANHATTAN, randomPointIn(MANHATTAN, random)));
  });

  test('a segment that crosses the Hudson is not inside', () => {
    assert.ok(!segmentInside(MANHATTAN, TIMES_SQUARE, { lat: 40.7178, lon: -74.0431 }));
    assert.ok(segmentInside(MANHATTAN, TIMES_SQUARE, { lat: 40.7829, lon: -73.9654 }));
  });

  for (const [area, name] of [[MANHATTAN, 'Manhattan'], [MIDTOWN, 'midtown']] as const) {
    for (const gait of ['walk', 'drive'] as const satisfies readonly Gait[]) {
      test(`someone who ${gait}s through ${name} for two hours stays inside and is never fast enough to be flagged`, () => {
        const random = seededRandom(gait === 'walk' ? 1 : 2);
        const start = Date.UTC(2026, 0, 1);
        const mover = new Mover({ area, gait, random, nowMs: start });
        const accuracy = 15;
        let previous = gpsReading(mover.at(start), accuracy, random);
        let fastest = 0;
        for (let t = start + 1000; t < start + 2 * 3600_000; t += 1000) {
          const truth = mover.at(t);
          assert.ok(contains(area, truth), `inside at ${t - start} ms`);
          const reading = gpsReading(truth, accuracy, random);
          // As the server's travel check does: give both fixes their accuracy, over at least 1 s.
          const travelled = Math.max(0, distanceM(previous, reading) - 2 * accuracy);
          fastest = Math.max(fastest, travelled * 3.6);
          previous = reading;
        }
        assert.ok(fastest < FLAGGED_KMH, `fastest ${fastest.toFixed(0)} km/h`);
        assert.ok(mover.speedMps <= (gait === 'walk' ? 1.7 : 12));
      });
    }
  }

  test('someone who stays does not move', () => {
    const mover = new Mover({ area: MIDTOWN, gait: 'stay', random: seededRandom(3), nowMs: 0 });
    assert.deepEqual(mover.at(0), mover.at(3600_000));
  });

  test('a mover that is asked late (a stalled client) has moved only as far as its speed allows', () => {
    const mover = new Mover({ area: MANHATTAN, gait: 'drive', random: seededRandom(4), nowMs: 0 });
    const before = mover.at(0);
    const after = mover.at(30_000);
    assert.ok(distanceM(before, after) <= mover.speedMps * 30 + 1);
  });

  test('a GPS reading is within a third of the reported accuracy', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 200; i++) assert.ok(distanceM(TIMES_SQUARE, gpsReading(TIMES_SQUARE, 30, random)) <= 10.01);
  });
});
