// Who is near here, in memory: the product's hot path. A uniform grid of roughly square cells covers the
// sphere (rows of equal height; fewer columns towards the poles), an open-addressing hash table maps the
// occupied cells to doubly-linked lists of ids, and all per-id state lives in typed arrays.
// Distances are great-circle distances on a sphere of the mean Earth radius. Candidates are compared as
// chords between unit vectors stored at upsert: exact, no trigonometry per candidate, and no special
// case at the antimeridian or the poles. `nearest` walks cells outwards from the query and skips every
// cell that cannot beat the k-th best so far (lower bounds from the latitude gap and the meridian gap).

import { chord2AtLeast, chord2OfAngle, chord2ToMetres, DEG, EARTH_RADIUS_M, normalizedLon, writeUnitVector } from './sphere.ts';

export { distanceM, EARTH_RADIUS_M } from './sphere.ts';

const M_PER_DEG = EARTH_RADIUS_M * DEG;
const NONE = -1;
// Bounds are loosened by this much so that rounding never drops a point lying on an edge or on the radius.
const SLACK_DEG = 1e-9;
const MIN_CELL_M = 10;
const MIN_TABLE_SLOTS = 64;
// Per-id arrays, each as compact as it can be: what a query reads (unit vectors, list links) and what a move
// reads before it writes (the cell) stay small enough to stay in cache. Measured at 100k ids: ~1.5× more
// queries/s than one 64-byte record per id holding everything, and no slower moves.
const ABSENT = 0x7fffffff; // the row of an id that is not stored (rows stay within ±2^21)
// An id stays in its cell until it is this far (in cells) outside it: someone pacing along a cell edge
// (or a jittery GPS) does not relink on every fix. Queries widen their windows and bounds by as much.
// Measured with 500 m cells and steps of up to 100 m: relinks per move 12 % → 3 % for random walkers,
// 12 % → 9.5 % for walkers keeping their heading; a relink costs ~4× a move within the cell.
const STAY = 0.125;
// Cell table, one Int32Array with 4 ints per slot: row, col, first id (NONE marks an empty slot).
const ROW = 0, COL = 1, HEAD = 2;
const NO_IDS = new Int32Array(0);
const NO_DISTANCES = new Float64Array(0);

/** Options: cellSizeM = grid cell edge in metres (queries are cheapest when radius <= cellSizeM); initialCapacity grows by doubling. */
export interface ProximityIndexOptions { readonly cellSizeM: number; readonly initialCapacity?: number }

/**
 * Positions by id, with "nearest k within r" and "all within r". `visit` in `forEachWithin` must not call the
 * index (it throws if it does). Memory: 56 bytes per id slot (capacity doubles), 16 bytes per cell-table slot
 * (load ≤ 1/2), and 4 bytes per grid row (≈ 80 MB / cellSizeM: 160 KB at 500 m). A query costs about one
 * hash lookup per cell it reaches plus one cache miss per id in them: keep cells near the radius, and smaller
 * when a cell would hold many more than k ids (see bench/README.md, "proximity").
 */
export class ProximityIndex {
  readonly #rowsPerDeg: number;
  readonly #rowMin: number;
  readonly #colsOfRow: Int32Array;
  #capacity: number;
  #size = 0;
  #xyz: Float64Array; // unit vector per id, stride 3
  #latLon: Float64Array; // the coordinates as given, stride 2 (only for holdsCoordinate)
  #cellOf: Int32Array; // row, col of each id's cell (ABSENT, 0 when not stored)
  #next: Int32Array;
  #prev: Int32Array;
  #table = new Int32Array(4 * MIN_TABLE_SLOTS).fill(NONE);
  #shift = 32 - Math.log2(MIN_TABLE_SLOTS);
  #used = 0;
  // The query in progress (all reset when it ends: no trace of where anyone looked).
  readonly #unit = new Float64Array(3);
  #busy = false;
  #qx = 0;
  #qy = 0;
  #qz = 0;
  #qLat = 0;
  #qLonEast = 0; // degrees east of -180
  #qCosLat = 0;
  #rowQ = 0;
  #rowLo = 0;
  #rowHi = 0;
  #lonFrom = 0; // window of longitudes east of -180 (may run below 0 or past 360: it wraps)
  #lonTo = 0;
  #allLon = false;
  #max2 = 0; // squared chord: the radius, then the k-th best once there are k
  #k = 0;
  #count = 0;
  #outIds: Int32Array = NO_IDS;
  #outDist: Float64Array = NO_DISTANCES;
  #visit: ((id: number, distM: number) => void) | null = null;

  constructor(options: ProximityIndexOptions) {
    const { cellSizeM, initialCapacity = 1024 } = options;
    if (!(cellSizeM >= MIN_CELL_M && cellSizeM <= Math.PI * EARTH_RADIUS_M)) throw new RangeError(`cellSizeM must be between ${MIN_CELL_M} m and half the circumference`);
    if (!(Number.isInteger(initialCapacity) && initialCapacity >= 1)) throw new RangeError('initialCapacity must be a positive integer');
    this.#rowsPerDeg = M_PER_DEG / cellSizeM;
    this.#rowMin = Math.floor(-90 * this.#rowsPerDeg);
    const rows = Math.floor(90 * this.#rowsPerDeg) - this.#rowMin + 1;
    this.#colsOfRow = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      const centre = Math.min(90, Math.max(-90, (r + this.#rowMin + 0.5) / this.#rowsPerDeg));
      this.#colsOfRow[r] = Math.max(1, Math.floor((2 * Math.PI * EARTH_RADIUS_M * Math.cos(centre * DEG)) / cellSizeM));
    }
    this.#capacity = initialCapacity;
    this.#xyz = new Float64Array(3 * initialCapacity).fill(NaN);
    this.#latLon = new Float64Array(2 * initialCapacity).fill(NaN);
    this.#cellOf = new Int32Array(2 * initialCapacity).fill(ABSENT);
    this.#next = new Int32Array(initialCapacity).fill(NONE);
    this.#prev = new Int32Array(initialCapacity).fill(NONE);
  }

  /** Inserts id (a dense non-negative integer < 2^31, e.g. a slot number) or moves it; O(1). */
  upsert(id: number, lat: number, lon: number): void {
    if ((id | 0) !== id || id < 0) throw new RangeError(`id must be an integer in [0, 2^31): ${id}`);
    if (!(lat >= -90 && lat <= 90)) throw new RangeError(`latitude must be in [-90, 90]: ${lat}`);
    if (!Number.isFinite(lon)) throw new RangeError(`longitude must be finite: ${lon}`);
    this.#idle();
    if (id >= this.#capacity) this.#grow(id);
    const lonN = normalizedLon(lon);
    const row = Math.floor(lat * this.#rowsPerDeg);
    const cols = this.#colsOfRow[row - this.#rowMin] ?? 1;
    const col = Math.min(cols - 1, Math.floor(((lonN + 180) * cols) / 360));
    const cellOf = this.#cellOf;
    this.#latLon[2 * id] = lat;
    this.#latLon[2 * id + 1] = lon;
    writeUnitVector(lat, lonN, this.#xyz, 3 * id);
    const oldRow = cellOf[2 * id] ?? ABSENT, oldCol = cellOf[2 * id + 1] ?? 0;
    if (oldRow === ABSENT) this.#size++;
    else if ((oldRow === row && oldCol === col) || this.#staysIn(oldRow, oldCol, lat, lonN)) return;
    else this.#unlink(id, this.#findCell(oldRow, oldCol));
    cellOf[2 * id] = row;
    cellOf[2 * id + 1] = col;
    const slot = this.#claimCell(row, col);
    const first = this.#table[4 * slot + HEAD] ?? NONE;
    this.#next[id] = first;
    this.#prev[id] = NONE;
    if (first !== NONE) this.#prev[first] = id;
    this.#table[4 * slot + HEAD] = id;
  }

  // Whether (lat, lonN) is within STAY cells of cell (row, col).
  #staysIn(row: number, col: number, lat: number, lonN: number): boolean {
    const rowOffset = lat * this.#rowsPerDeg - row;
    if (rowOffset < -STAY || rowOffset > 1 + STAY) return false;
    const cols = this.#colsOfRow[row - this.#rowMin] ?? 1;
    let colOffset = ((lonN + 180) * cols) / 360 - col;
    if (colOffset < -cols / 2) colOffset += cols;
    else if (colOffset > cols / 2) colOffset -= cols;
    return colOffset >= -STAY && colOffset <= 1 + STAY;
  }

  /** Removes id; returns whether it was there. Also overwrites its stored coordinates (privacy: no trace stays in memory). */
  remove(id: number): boolean {
    this.#idle();
    if (!this.has(id)) return false;
    this.#unlink(id, this.#findCell(this.#cellOf[2 * id] ?? ABSENT, this.#cellOf[2 * id + 1] ?? 0));
    this.#xyz.fill(NaN, 3 * id, 3 * id + 3);
    this.#latLon.fill(NaN, 2 * id, 2 * id + 2);
    this.#cellOf[2 * id] = ABSENT;
    this.#cellOf[2 * id + 1] = 0;
    this.#next[id] = NONE;
    this.#prev[id] = NONE;
    this.#size--;
    return true;
  }

  /** Whether id is stored. */
  has(id: number): boolean {
    return (id | 0) === id && id >= 0 && id < this.#capacity && this.#cellOf[2 * id] !== ABSENT;
  }

  /** How many ids are stored. */
  get size(): number {
    return this.#size;
  }

  /** Up to k ids within radiusM of (lat, lon), nearest first, written into outIds/outDistM (caller-owned, length >= k); returns the count. No allocation per call. Equal distances go to the smaller id. */
  nearest(lat: number, lon: number, radiusM: number, k: number, outIds: Int32Array, outDistM: Float64Array): number {
    if (!(Number.isInteger(k) && k >= 0 && k <= outIds.length && k <= outDistM.length)) throw new RangeError('k must be an integer with 0 <= k <= the output lengths');
    this.#start(lat, lon, radiusM);
    if (k > 0) {
      this.#k = k;
      this.#outIds = outIds;
      this.#outDist = outDistM;
      this.#walk();
    }
    const count = this.#count;
    this.#end();
    for (let j = 0; j < count; j++) outDistM[j] = chord2ToMetres(outDistM[j] ?? 0);
    return count;
  }

  /** Calls visit for every id within radiusM (any order). Used to find the citizens near an officer's cell. */
  forEachWithin(lat: number, lon: number, radiusM: number, visit: (id: number, distM: number) => void): void {
    this.#start(lat, lon, radiusM);
    this.#visit = visit;
    this.#busy = true;
    try {
      this.#walk();
    } finally {
      this.#end();
    }
  }

  /** True when any stored coordinate equals lat or lon exactly (retention tests scan the typed arrays with this). */
  holdsCoordinate(value: number): boolean {
    const latLon = this.#latLon;
    for (let i = 0; i < latLon.length; i++) if (latLon[i] === value) return true;
    return false;
  }

  #idle(): void {
    if (this.#busy) throw new Error('ProximityIndex is not re-entrant: forEachWithin callbacks must not use the index');
  }

  #start(lat: number, lon: number, radiusM: number): void {
    if (!(lat >= -90 && lat <= 90)) throw new RangeError(`latitude must be in [-90, 90]: ${lat}`);
    if (!Number.isFinite(lon)) throw new RangeError(`longitude must be finite: ${lon}`);
    if (!(radiusM >= 0)) throw new RangeError(`radius must be >= 0: ${radiusM}`);
    this.#idle();
    const lonN = normalizedLon(lon);
    writeUnitVector(lat, lonN, this.#unit, 0);
    this.#qx = this.#unit[0] ?? 0;
    this.#qy = this.#unit[1] ?? 0;
    this.#qz = this.#unit[2] ?? 0;
    this.#unit.fill(0);
    this.#qLat = lat;
    this.#qLonEast = lonN + 180;
    this.#qCosLat = Math.cos(lat * DEG);
    const angle = radiusM / EARTH_RADIUS_M;
    const angleDeg = angle / DEG + SLACK_DEG;
    this.#rowQ = Math.floor(lat * this.#rowsPerDeg);
    this.#rowLo = Math.max(this.#rowMin, Math.floor((lat - angleDeg) * this.#rowsPerDeg - STAY));
    this.#rowHi = Math.min(this.#rowMin + this.#colsOfRow.length - 1, Math.floor((lat + angleDeg) * this.#rowsPerDeg + STAY));
    // Longitude half-width of a spherical cap: asin(sin r / cos lat), unless the cap holds a pole.
    const ratio = Math.abs(lat) + angleDeg >= 90 ? 2 : Math.sin(Math.min(angle, Math.PI / 2)) / this.#qCosLat;
    this.#allLon = ratio >= 1;
    const halfWidth = this.#allLon ? 180 : Math.asin(ratio) / DEG + SLACK_DEG;
    this.#lonFrom = this.#qLonEast - halfWidth;
    this.#lonTo = this.#qLonEast + halfWidth;
    this.#max2 = angle >= Math.PI ? 4 : chord2OfAngle(angle) * (1 + 1e-15);
    this.#count = 0;
  }

  #end(): void {
    this.#busy = false;
    this.#qx = this.#qy = this.#qz = this.#qLat = this.#qLonEast = this.#qCosLat = this.#lonFrom = this.#lonTo = this.#max2 = 0;
    this.#rowQ = this.#rowLo = this.#rowHi = this.#k = this.#count = 0;
    this.#outIds = NO_IDS;
    this.#outDist = NO_DISTANCES;
    this.#visit = null;
  }

  // Rows outwards from the query's, alternately north and south, until both sides are out of reach.
  #walk(): void {
    this.#walkRow(this.#rowQ);
    let north = true, south = true;
    for (let d = 1; north || south; d++) {
      if (north) north = this.#walkRow(this.#rowQ + d);
      if (south) south = this.#walkRow(this.#rowQ - d);
    }
  }

  // Scans the reachable cells of a row, columns outwards from the query's; false when the row is out of reach (and so every row beyond it).
  #walkRow(row: number): boolean {
    if (row < this.#rowLo || row > this.#rowHi) return false;
    const gapDeg = row > this.#rowQ ? (row - STAY) / this.#rowsPerDeg - this.#qLat : row < this.#rowQ ? this.#qLat - (row + 1 + STAY) / this.#rowsPerDeg : 0;
    const rowBound = gapDeg > SLACK_DEG ? chord2AtLeast((gapDeg - SLACK_DEG) * DEG) : 0;
    if (rowBound > this.#max2) return false;
    const cols = this.#colsOfRow[row - this.#rowMin] ?? 1;
    const width = 360 / cols;
    const colQ = Math.min(cols - 1, Math.floor((this.#qLonEast * cols) / 360));
    let colLo = Math.floor((this.#lonFrom * cols) / 360 - STAY), colHi = Math.floor((this.#lonTo * cols) / 360 + STAY);
    const wholeRow = this.#allLon || colHi - colLo + 1 >= cols;
    if (wholeRow) {
      colLo = colQ - Math.floor((cols - 1) / 2);
      colHi = colLo + cols - 1;
    }
    this.#scanCell(row, colQ);
    let east = true, west = true;
    for (let d = 1; east || west; d++) {
      // Within the window every gap is under 90°, where the distance to a meridian bounds the whole column.
      if (east) {
        const col = colQ + d;
        east = col <= colHi && (wholeRow || Math.max(rowBound, this.#meridianBound((col - STAY) * width - this.#qLonEast)) <= this.#max2);
        if (east) this.#scanCell(row, col >= cols ? col - cols : col);
      }
      if (west) {
        const col = colQ - d;
        west = col >= colLo && (wholeRow || Math.max(rowBound, this.#meridianBound(this.#qLonEast - (col + 1 + STAY) * width)) <= this.#max2);
        if (west) this.#scanCell(row, col < 0 ? col + cols : col);
      }
    }
    return true;
  }

  // At most the squared chord from the query to the nearest point gapDeg of longitude away, which is at the angle
  // asin(cos lat · sin gap): chord² = 2s²/(1 + √(1 - s²)) ≥ s², and sin x ≥ x - x³/6 (cheap, never too high).
  #meridianBound(gapDeg: number): number {
    if (gapDeg <= SLACK_DEG) return 0;
    const gap = Math.min(1, (gapDeg - SLACK_DEG) * DEG);
    const s = this.#qCosLat * (gap - (gap * gap * gap) / 6);
    return s * s;
  }

  #scanCell(row: number, col: number): void {
    const slot = this.#findCell(row, col);
    if (slot === NONE) return;
    const xyz = this.#xyz, next = this.#next, qx = this.#qx, qy = this.#qy, qz = this.#qz, visit = this.#visit;
    const k = this.#k, ids = this.#outIds, dists = this.#outDist;
    let max2 = this.#max2, count = this.#count;
    for (let id = this.#table[4 * slot + HEAD] ?? NONE; id !== NONE; id = next[id] ?? NONE) {
      const at = 3 * id;
      const dx = (xyz[at] ?? 0) - qx, dy = (xyz[at + 1] ?? 0) - qy, dz = (xyz[at + 2] ?? 0) - qz;
      const d2 = dx * dx + dy * dy + dz * dz;
      if (d2 > max2) continue;
      if (visit !== null) {
        visit(id, chord2ToMetres(d2));
        continue;
      }
      // Keep the best k sorted by (distance, id): ties go to the smaller id, so answers do not depend on cell order.
      let j: number;
      if (count < k) j = count++;
      else if (d2 === max2 && id > (ids[k - 1] ?? 0)) continue;
      else j = k - 1;
      for (; j > 0; j--) {
        const before = dists[j - 1] ?? 0;
        if (before < d2 || (before === d2 && (ids[j - 1] ?? 0) < id)) break;
        dists[j] = before;
        ids[j] = ids[j - 1] ?? 0;
      }
      dists[j] = d2;
      ids[j] = id;
      if (count === k) max2 = dists[k - 1] ?? max2;
    }
    this.#max2 = max2;
    this.#count = count;
  }

  #hash(row: number, col: number): number {
    return Math.imul(Math.imul(row, 0x9e3779b1) ^ col, 0x85ebca6b) >>> this.#shift;
  }

  #findCell(row: number, col: number): number {
    const table = this.#table, mask = (table.length >> 2) - 1;
    for (let slot = this.#hash(row, col); ; slot = (slot + 1) & mask) {
      const at = 4 * slot;
      if (table[at + HEAD] === NONE) return NONE;
      if (table[at + ROW] === row && table[at + COL] === col) return slot;
    }
  }

  // The slot of cell (row, col), claiming an empty one (with an empty list) when the cell is not occupied yet.
  #claimCell(row: number, col: number): number {
    const found = this.#findCell(row, col);
    if (found !== NONE) return found;
    if (8 * (this.#used + 1) > this.#table.length) this.#growTable();
    const table = this.#table, mask = (table.length >> 2) - 1;
    let slot = this.#hash(row, col);
    while (table[4 * slot + HEAD] !== NONE) slot = (slot + 1) & mask;
    table[4 * slot + ROW] = row;
    table[4 * slot + COL] = col;
    this.#used++;
    return slot;
  }

  #unlink(id: number, slot: number): void {
    const next = this.#next, prev = this.#prev;
    const before = prev[id] ?? NONE, after = next[id] ?? NONE;
    if (before !== NONE) next[before] = after;
    else this.#table[4 * slot + HEAD] = after;
    if (after !== NONE) prev[after] = before;
    if (after === NONE && before === NONE) this.#releaseCell(slot);
  }

  // Deletes an emptied cell by shifting later entries of its probe run back (no tombstones, no trace).
  #releaseCell(slot: number): void {
    const table = this.#table, mask = (table.length >> 2) - 1;
    let hole = slot;
    for (let i = (slot + 1) & mask; table[4 * i + HEAD] !== NONE; i = (i + 1) & mask) {
      const home = this.#hash(table[4 * i + ROW] ?? 0, table[4 * i + COL] ?? 0);
      if (((i - home) & mask) < ((i - hole) & mask)) continue;
      table.copyWithin(4 * hole, 4 * i, 4 * i + 4);
      hole = i;
    }
    table.fill(0, 4 * hole, 4 * hole + 4);
    table[4 * hole + HEAD] = NONE;
    this.#used--;
  }

  #growTable(): void {
    const old = this.#table;
    const table = new Int32Array(2 * old.length).fill(NONE);
    const mask = (table.length >> 2) - 1;
    this.#shift--;
    for (let at = 0; at < old.length; at += 4) {
      const first = old[at + HEAD] ?? NONE;
      if (first === NONE) continue;
      let slot = this.#hash(old[at + ROW] ?? 0, old[at + COL] ?? 0);
      while (table[4 * slot + HEAD] !== NONE) slot = (slot + 1) & mask;
      table.set(old.subarray(at, at + 4), 4 * slot);
    }
    old.fill(0);
    this.#table = table;
  }

  #grow(id: number): void {
    let capacity = this.#capacity;
    while (capacity <= id) capacity *= 2;
    const grown = <T extends Float64Array | Int32Array>(old: T, fresh: T, blank: number): T => {
      fresh.fill(blank).set(old);
      old.fill(blank); // the old buffer waits for the collector: leave no coordinates in it
      return fresh;
    };
    this.#xyz = grown(this.#xyz, new Float64Array(3 * capacity), NaN);
    this.#latLon = grown(this.#latLon, new Float64Array(2 * capacity), NaN);
    this.#cellOf = grown(this.#cellOf, new Int32Array(2 * capacity), ABSENT);
    this.#next = grown(this.#next, new Int32Array(capacity), NONE);
    this.#prev = grown(this.#prev, new Int32Array(capacity), NONE);
    this.#capacity = capacity;
  }
}
