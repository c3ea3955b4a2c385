// The privacy promise, attacked from the other side: colluding citizens all around an available officer
// pool every announcement the server makes about them (which cell, when) and guess where the officer
// is — at the announced cell's centre, or, when the announcements flip between cells, at the edge or
// corner those cells share. Officers stand within 20 m of a cell's edge or walk a beat across one,
// their phones reporting GPS noise of σ 10 m a coordinate once a second, through the real live path
// (LiveHub → LiveMap → H3). Without hysteresis the noise flips an officer standing at an edge between
// two cells and gives them away; with it, the attacker does no better than the snap itself (ADR 0014).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellToBoundary, cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { seededRandom } from '../../../test/support/random.ts';
import { h3Snapper, SNAP_RESOLUTION } from './adapters/h3-snapper.ts';
import { LiveHub } from './application/live-hub.ts';
import { soloLink } from './application/live-link.ts';
import { LiveMap, OFFICER_CELL_HYSTERESIS_M } from './domain/live-map.ts';
import { distanceM } from './domain/sphere.ts';

const OFFICERS = 100;
const WATCH_SECONDS = 15 * 60;
const SIGMA_M = 10;
const WALK_MS = 1.4;
/** Officers stand (or start their beat) within this of an edge of their cell, on either side. */
const NEAR_EDGE_M = 20;
/** The attacker calls it flipping when a cell comes back within this long of being left. */
const FLIP_WINDOW_S = 120;
/** The attacker is asked for an estimate this often (after a first half-minute). */
const ESTIMATE_EVERY_S = 5;
const CITY = { lat: 40.73, lon: -73.97 };
const CITY_SPAN_M = 16_000;

interface Point {
  readonly lat: number;
  readonly lon: number;
}
interface Officer {
  readonly walks: boolean;
  at(second: number): Point;
}

const move = (p: Point, northM: number, eastM: number): Point => ({ lat: p.lat + northM / 111_320, lon: p.lon + eastM / (111_320 * Math.cos((p.lat * Math.PI) / 180)) });
const centreOf = (cell: string): Point => {
  const [lat = 0, lon = 0] = cellToLatLng(cell);
  return { lat, lon };
};
const boundaryOf = (cell: string): Point[] => cellToBoundary(cell).map(([lat = 0, lon = 0]) => ({ lat, lon }));
const metres = (a: Point, b: Point): number => distanceM(a.lat, a.lon, b.lat, b.lon);
const gaussian = (random: () => number): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] ?? 0, high = sorted[Math.ceil(at)] ?? 0;
  return low + (high - low) * (at - Math.floor(at));
};

/** Half the officers stand near an edge of their cell; the others walk a rectangular beat (150–500 m sides) from such a spot. */
function officersOf(random: () => number): Officer[] {
  const officers: Officer[] = [];
  for (let i = 0; i < OFFICERS; i++) {
    const cell = latLngToCell(CITY.lat + ((random() - 0.5) * CITY_SPAN_M) / 111_320, CITY.lon + ((random() - 0.5) * CITY_SPAN_M) / 84_000, SNAP_RESOLUTION);
    const boundary = boundaryOf(cell);
    const edge = Math.floor(random() * boundary.length);
    const a = boundary[edge] ?? CITY, b = boundary[(edge + 1) % boundary.length] ?? CITY;
    const along = random();
    const onEdge = { lat: a.lat + (b.lat - a.lat) * along, lon: a.lon + (b.lon - a.lon) * along };
    const centre = centreOf(cell);
    const out = metres(centre, onEdge), across = (random() - 0.5) * 2 * NEAR_EDGE_M;
    const spot = { lat: onEdge.lat + ((onEdge.lat - centre.lat) * across) / out, lon: onEdge.lon + ((onEdge.lon - centre.lon) * across) / out };
    if (i % 2 === 0) {
      officers.push({ walks: false, at: () => spot });
      continue;
    }
    const width = 150 + random() * 350, height = 150 + random() * 350, heading = random() * Math.PI, way = random() < 0.5 ? 1 : -1;
    const perimeter = 2 * (width + height), start = random() * perimeter;
    const onBeat = (s: number): [number, number] => {
      let d = ((s % perimeter) + perimeter) % perimeter;
      if (d < width) return [d, 0];
      if ((d -= width) < height) return [width, d];
      if ((d -= height) < width) return [width - d, height];
      return [0, height - (d - width)];
    };
    const [x0, y0] = onBeat(start);
    officers.push({
      walks: true,
      at: (second) => {
        const [x, y] = onBeat(start + way * WALK_MS * second);
        const dx = x - x0, dy = y - y0;
        return move(spot, dx * Math.sin(heading) + dy * Math.cos(heading), dx * Math.cos(heading) - dy * Math.sin(heading));
      },
    });
  }
  return officers;
}

/** The point the given cells share: their common corner, or the middle of their common edge; undefined when they share none. */
function sharedPointOf(cells: readonly string[]): Point | undefined {
  const boundaries = cells.map(boundaryOf);
  const shared = (boundaries[0] ?? []).filter((v) => boundaries.every((boundary) => boundary.some((w) => metres(v, w) < 1)));
  if (shared.length === 0) return undefined;
  return { lat: shared.reduce((s, v) => s + v.lat, 0) / shared.length, lon: shared.reduce((s, v) => s + v.lon, 0) / shared.length };
}

/** What the attacker heard: each change of the officer's announced cell, and when. */
type Announcements = Array<{ readonly second: number; readonly cell: string }>;

/** The attacker of the issue: the announced cell's centre, or the point shared by cells the officer flipped between lately. */
function flipEstimate(heard: Announcements, second: number): Point | undefined {
  const recent = heard.filter((a, i) => a.second > second - FLIP_WINDOW_S || heard[i + 1] === undefined || (heard[i + 1]?.second ?? 0) > second - FLIP_WINDOW_S);
  const cells = recent.filter((a) => a.second <= second).map((a) => a.cell);
  const current = cells.at(-1);
  if (!current) return undefined;
  const flipped = cells.some((cell, i) => cells.slice(0, Math.max(0, i - 1)).includes(cell));
  if (!flipped) return centreOf(current);
  return sharedPointOf([...new Set(cells)]) ?? sharedPointOf(cells.slice(-2)) ?? centreOf(current);
}

/** A stronger attacker, for the record: right after any change of cell, the middle of the edge just crossed. */
function crossingEstimate(heard: Announcements, second: number): Point | undefined {
  const past = heard.filter((a) => a.second <= second);
  const last = past.at(-1), before = past.at(-2);
  if (last && before && second - last.second < 60) return sharedPointOf([before.cell, last.cell]) ?? centreOf(last.cell);
  return flipEstimate(heard, second);
}

interface Watch {
  readonly flip: number;
  readonly crossing: number;
  readonly snapFloor: number;
  readonly changes: number;
  readonly refused: number;
}

/** One officer watched for 15 minutes by colluding citizens at the centres of the 19 cells around them; each error is the officer's median over the watch. */
function watch(officer: Officer, random: () => number, cellHysteresisM: number): Watch {
  let nowMs = Date.UTC(2026, 11, 8, 12);
  const heard: Announcements = [];
  let second = 0;
  const map = new LiveMap({
    radiusM: 1000,
    leaveMarginM: 250,
    maxNearby: 20,
    citizenTtlMs: 24 * 3600_000,
    snapper: h3Snapper(),
    cellHysteresisM,
    notify: (notice) => {
      if ((notice.kind === 'entered' || notice.kind === 'changed') && heard.at(-1)?.cell !== notice.area.cell) heard.push({ second, cell: notice.area.cell });
    },
  });
  let refused = 0;
  const hub = new LiveHub({ map, link: soloLink(), clock: { now: () => new Date(nowMs) }, maxAccuracyM: 150, push: () => {}, recordFlag: () => {} });
  hub.openWindow('officer', { windowId: 'w', precinctName: 'Precinct', inPerson: true, virtual: false, closesAtMs: nowMs + 24 * 3600_000 });
  const start = officer.at(0);
  gridDisk(latLngToCell(start.lat, start.lon, SNAP_RESOLUTION), 2).forEach((cell, i) => {
    const centre = centreOf(cell);
    hub.receiveLocation(`citizen-${i}`, false, { ...centre, accuracy: 5, at: nowMs });
  });
  const flip: number[] = [], crossing: number[] = [], snapFloor: number[] = [];
  for (second = 0; second < WATCH_SECONDS; second++) {
    nowMs += 1000;
    const truth = officer.at(second);
    const fix = move(truth, gaussian(random) * SIGMA_M, gaussian(random) * SIGMA_M);
    if (hub.receiveLocation('officer', true, { ...fix, accuracy: 15, at: nowMs }) !== undefined) refused++;
    if (second < 30 || second % ESTIMATE_EVERY_S !== 0) continue;
    const flipGuess = flipEstimate(heard, second), crossingGuess = crossingEstimate(heard, second);
    assert.ok(flipGuess && crossingGuess, 'the colluders hear of the officer');
    flip.push(metres(flipGuess, truth));
    crossing.push(metres(crossingGuess, truth));
    snapFloor.push(metres(centreOf(latLngToCell(truth.lat, truth.lon, SNAP_RESOLUTION)), truth));
  }
  return { flip: quantile(flip, 0.5), crossing: quantile(crossing, 0.5), snapFloor: quantile(snapFloor, 0.5), changes: heard.length - 1, refused };
}

/** Every officer watched with the same placements and the same noise, for one hysteresis. */
function attackAll(cellHysteresisM: number): Watch[] {
  const officers = officersOf(seededRandom(20261208));
  const noise = seededRandom(8122026);
  return officers.map((officer) => watch(officer, noise, cellHysteresisM));
}

const figures = (values: readonly number[]): string => `median ${quantile(values, 0.5).toFixed(0)} m, p10 ${quantile(values, 0.1).toFixed(0)} m`;

describe('officer cells: colluding citizens who pool every announcement cannot place an officer better than the cell', () => {
  it(`over ${OFFICERS} officers near cell edges (half of them walking a beat) with GPS noise of σ ${SIGMA_M} m, the attacker is off by ≥ 300 m at the median and the p10 is within 10% of the snap itself; without hysteresis it was not`, () => {
    const withHysteresis = attackAll(OFFICER_CELL_HYSTERESIS_M);
    const without = attackAll(0);
    const floor = withHysteresis.map((w) => w.snapFloor);
    const walkers = withHysteresis.filter((_, i) => i % 2 === 1);
    console.log(
      `officer cells (${OFFICERS} officers, ${WATCH_SECONDS / 60} min, σ ${SIGMA_M} m at 1 Hz, res ${SNAP_RESOLUTION}): ` +
        `hysteresis ${OFFICER_CELL_HYSTERESIS_M} m: ${figures(withHysteresis.map((w) => w.flip))}, ${(withHysteresis.reduce((s, w) => s + w.changes, 0) / OFFICERS).toFixed(1)} cell changes per officer; ` +
        `none: ${figures(without.map((w) => w.flip))}, ${(without.reduce((s, w) => s + w.changes, 0) / OFFICERS).toFixed(1)} changes; ` +
        `cell centre without noise: ${figures(floor)}; ` +
        `crossing attacker, walkers: ${figures(walkers.map((w) => w.crossing))} (snap ${figures(walkers.map((w) => w.snapFloor))}); ` +
        `fixes refused: ${withHysteresis.reduce((s, w) => s + w.refused, 0)}`,
    );
    const errors = withHysteresis.map((w) => w.flip);
    assert.ok(quantile(errors, 0.5) >= 300, `median ${quantile(errors, 0.5).toFixed(0)} m`);
    assert.ok(quantile(errors, 0.1) >= 0.9 * quantile(floor, 0.1), `p10 ${quantile(errors, 0.1).toFixed(0)} m against ${quantile(floor, 0.1).toFixed(0)} m`);
    const before = without.map((w) => w.flip);
    assert.ok(quantile(before, 0.1) < 0.5 * quantile(floor, 0.1), 'the attack works without hysteresis (the test can tell)');
  });
});
