// Proximity, the product's hot path: officers spread uniformly over a 50 × 50 km box around New York City,
// "nearest 5 within 500 m" from uniformly random points, and moves (an officer walks up to 100 m), at 10k,
// 100k and 1M officers, on one core. Ours: the in-memory ProximityIndex. Anchors in the same run: a naive
// grid (Map<string, Set<number>> + Map<number, {lat, lon}>), brute force over every officer, and Redis
// GEOADD/GEOSEARCH when REDIS_URL is set. Checks that our answers equal brute force's; exits 1 if not.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Redis } from 'ioredis';
import { EARTH_RADIUS_M, ProximityIndex } from '../apps/server/src/modules/connections/domain/proximity-index.ts';
import { seededRandom } from '../apps/server/test/support/random.ts';
import { measureLocationUpdates } from './location-update.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const CELL_M = Number(process.env.BENCH_CELL_M ?? 500);
const OTHER_CELLS_M = (process.env.BENCH_OTHER_CELLS_M ?? '250,1000').split(',').filter(Boolean).map(Number);
const RADIUS_M = 500;
const K = 5;
const BOX_M = 50_000;
const CENTRE = { lat: 40.7128, lon: -74.006 };
const MOVES = 1_000_000;
const QUERIES = 100_000;
const BUDGET_MS = Number(process.env.BENCH_MS ?? 400); // per round; three rounds, the median is reported
const CHECKS = 200;
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
const COS_CENTRE = Math.cos((CENTRE.lat * Math.PI) / 180);
const HALF_LAT = BOX_M / 2 / M_PER_DEG;
const HALF_LON = HALF_LAT / COS_CENTRE;
const gc = globalThis.gc ?? (() => console.error('warning: run with --expose-gc (bench/run.ts does) for memory figures'));

// Seeded: the same officers, moves and queries on every run.
const rand = seededRandom(42);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
// Heap + typed-array bytes after collecting (several times, with pauses: freed array buffers are swept concurrently).
async function memory(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

// Operations per CPU-second of `run(from, to)` over a pre-generated list (replayed from the start when it runs
// out), time-boxed, median of three rounds; `cursor.at` tells where it stopped. CPU time, not wall time: the
// machine is shared, and time spent descheduled is not this core's work.
function rate(total: number, run: (from: number, to: number) => void, batch: number, cursor = { at: 0 }): number {
  const rounds: number[] = [];
  let at = cursor.at;
  for (let round = 0; round < 3; round++) {
    let done = 0;
    const start = performance.now(), cpu = process.cpuUsage();
    do {
      const to = Math.min(total, at + batch);
      run(at, to);
      done += to - at;
      at = to === total ? 0 : to;
    } while (performance.now() - start < BUDGET_MS);
    rounds.push(done / cpuSeconds(cpu));
  }
  cursor.at = at;
  return median(rounds);
}

/** The obvious implementation: string-keyed cells of Sets, positions as objects, a flat distance, sort and slice. */
class NaiveGrid {
  readonly cells = new Map<string, Set<number>>();
  readonly positions = new Map<number, { lat: number; lon: number }>();
  readonly latStep = CELL_M / M_PER_DEG;
  readonly lonStep = CELL_M / (M_PER_DEG * COS_CENTRE);
  key(lat: number, lon: number): string {
    return `${Math.floor(lat / this.latStep)}:${Math.floor(lon / this.lonStep)}`;
  }
  upsert(id: number, lat: number, lon: number): void {
    const key = this.key(lat, lon);
    const old = this.positions.get(id);
    this.positions.set(id, { lat, lon });
    if (old) {
      const oldKey = this.key(old.lat, old.lon);
      if (oldKey === key) return;
      const cell = this.cells.get(oldKey);
      cell?.delete(id);
      if (cell?.size === 0) this.cells.delete(oldKey);
    }
    const cell = this.cells.get(key);
    if (cell) cell.add(id);
    else this.cells.set(key, new Set([id]));
  }
  nearest(lat: number, lon: number): Array<{ id: number; d: number }> {
    const found: Array<{ id: number; d: number }> = [];
    const row = Math.floor(lat / this.latStep), col = Math.floor(lon / this.lonStep), span = Math.ceil(RADIUS_M / CELL_M);
    for (let r = row - span; r <= row + span; r++) {
      for (let c = col - span; c <= col + span; c++) {
        for (const id of this.cells.get(`${r}:${c}`) ?? []) {
          const p = this.positions.get(id);
          if (!p) continue;
          const d = M_PER_DEG * Math.hypot(p.lat - lat, (p.lon - lon) * COS_CENTRE);
          if (d <= RADIUS_M) found.push({ id, d });
        }
      }
    }
    return found.sort((a, b) => a.d - b.d).slice(0, K);
  }
}

/** Brute force done well: unit vectors precomputed in one typed array, squared chords, top k by insertion. */
function bruteNearest(xyz: Float64Array, lat: number, lon: number, outIds: Int32Array, outDist: Float64Array): number {
  const phi = (lat * Math.PI) / 180, lambda = (lon * Math.PI) / 180;
  const qx = Math.cos(phi) * Math.cos(lambda), qy = Math.cos(phi) * Math.sin(lambda), qz = Math.sin(phi);
  const chord = 2 * Math.sin(RADIUS_M / EARTH_RADIUS_M / 2);
  let max2 = chord * chord, count = 0;
  for (let id = 0, i = 0; i < xyz.length; id++, i += 3) {
    const dx = (xyz[i] ?? 0) - qx, dy = (xyz[i + 1] ?? 0) - qy, dz = (xyz[i + 2] ?? 0) - qz;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 > max2 || (count === K && d2 === max2)) continue; // ids ascend: on a tie the smaller id stays
    let j = count < K ? count++ : K - 1;
    for (; j > 0 && (outDist[j - 1] ?? 0) > d2; j--) {
      outDist[j] = outDist[j - 1] ?? 0;
      outIds[j] = outIds[j - 1] ?? 0;
    }
    outDist[j] = d2;
    outIds[j] = id;
    if (count === K) max2 = outDist[K - 1] ?? max2;
  }
  for (let j = 0; j < count; j++) outDist[j] = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(outDist[j] ?? 0) / 2));
  return count;
}

function unitVectors(lat: Float64Array, lon: Float64Array): Float64Array {
  const xyz = new Float64Array(3 * lat.length);
  for (let i = 0; i < lat.length; i++) {
    const phi = ((lat[i] ?? 0) * Math.PI) / 180, lambda = ((lon[i] ?? 0) * Math.PI) / 180;
    xyz.set([Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)], 3 * i);
  }
  return xyz;
}

// Our answers must equal brute force's (same ids in the same order, distances within a micrometre).
function mismatches(index: ProximityIndex, lat: Float64Array, lon: Float64Array, qLat: Float64Array, qLon: Float64Array): number {
  const xyz = unitVectors(lat, lon);
  const a = new Int32Array(K), ad = new Float64Array(K), b = new Int32Array(K), bd = new Float64Array(K);
  let bad = 0;
  for (let q = 0; q < CHECKS; q++) {
    const n = index.nearest(qLat[q] ?? 0, qLon[q] ?? 0, RADIUS_M, K, a, ad);
    const m = bruteNearest(xyz, qLat[q] ?? 0, qLon[q] ?? 0, b, bd);
    let same = n === m;
    for (let j = 0; j < n && same; j++) same = a[j] === b[j] && Math.abs((ad[j] ?? 0) - (bd[j] ?? 0)) < 1e-6;
    if (!same) bad++;
  }
  return bad;
}

// Pipelined Redis work, at most `inFlight` pipelines of `batch` commands outstanding; operations per second, median of three rounds.
async function redisRate(total: number, inFlight: number, batch: number, add: (pipeline: ReturnType<Redis['pipeline']>, i: number) => void, redis: Redis): Promise<{ perSecond: number; perRedisCoreSecond: number }> {
  const rounds: Array<{ perSecond: number; perRedisCoreSecond: number }> = [];
  let at = 0;
  for (let round = 0; round < 3; round++) {
    let done = 0;
    const cpuBefore = await redisCpuSeconds(redis);
    const start = performance.now();
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (performance.now() - start < BUDGET_MS) {
        const pipeline = redis.pipeline();
        for (let j = 0; j < batch; j++, at = (at + 1) % total) add(pipeline, at);
        await pipeline.exec();
        done += batch;
      }
    }));
    const seconds = (performance.now() - start) / 1000;
    rounds.push({ perSecond: done / seconds, perRedisCoreSecond: done / ((await redisCpuSeconds(redis)) - cpuBefore) });
  }
  rounds.sort((a, b) => a.perSecond - b.perSecond);
  return rounds[1] ?? { perSecond: NaN, perRedisCoreSecond: NaN };
}

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string): number => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? NaN);
  return field('used_cpu_user_main_thread') + field('used_cpu_sys_main_thread');
}

// The moves: officer moveId[i] walks to (moveLat[i], moveLon[i]), up to 100 m from where it was. The second
// half retraces the first backwards, so the list ends where it started and can be replayed; midLat/midLon
// are the positions halfway.
function walks(lat: Float64Array, lon: Float64Array) {
  const half = MOVES / 2;
  const moveId = new Int32Array(MOVES), moveLat = new Float64Array(MOVES), moveLon = new Float64Array(MOVES);
  const midLat = lat.slice(), midLon = lon.slice();
  for (let i = 0; i < half; i++) {
    const id = Math.floor(rand() * lat.length), metres = rand() * 100, bearing = rand() * 2 * Math.PI;
    moveId[i] = moveId[MOVES - 1 - i] = id;
    moveLat[MOVES - 1 - i] = midLat[id] ?? 0;
    moveLon[MOVES - 1 - i] = midLon[id] ?? 0;
    moveLat[i] = midLat[id] = (midLat[id] ?? 0) + (metres * Math.cos(bearing)) / M_PER_DEG;
    moveLon[i] = midLon[id] = (midLon[id] ?? 0) + (metres * Math.sin(bearing)) / (M_PER_DEG * COS_CENTRE);
  }
  return { moveId, moveLat, moveLon, midLat, midLon };
}

const label = (n: number): string => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const round = (x: number): number => (Number.isFinite(x) ? Math.round(x) : -1);
const figures: Record<string, Record<string, number>> = {};
const anchors: Record<string, Record<string, number>> = {};
const ratios: Record<string, Record<string, number>> = {};
let wrong = 0;
let sink = 0;
const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : undefined;
const key = `bench:proximity:${randomUUID()}`;
const started = performance.now();
const loadBefore = os.loadavg()[0] ?? NaN;

for (const n of SIZES) {
  const lat = new Float64Array(n), lon = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lat[i] = CENTRE.lat + (2 * rand() - 1) * HALF_LAT;
    lon[i] = CENTRE.lon + (2 * rand() - 1) * HALF_LON;
  }
  const qLat = new Float64Array(QUERIES), qLon = new Float64Array(QUERIES);
  for (let q = 0; q < QUERIES; q++) {
    qLat[q] = CENTRE.lat + (2 * rand() - 1) * HALF_LAT;
    qLon[q] = CENTRE.lon + (2 * rand() - 1) * HALF_LON;
  }
  const { moveId, moveLat, moveLon, midLat, midLon } = walks(lat, lon);
  const ids = new Int32Array(K), dists = new Float64Array(K);
  const f: Record<string, number> = (figures[label(n)] = {});
  const a: Record<string, number> = (anchors[label(n)] = {});

  // Ours, at the configured cell size (checked against brute force before and after the moves), then at others.
  const ours = async (cellSizeM: number, check: boolean): Promise<{ bytes: number; queries: number; moves: number }> => {
    const before = await memory();
    const index = new ProximityIndex({ cellSizeM });
    for (let i = 0; i < n; i++) index.upsert(i, lat[i] ?? 0, lon[i] ?? 0);
    const bytes = round(((await memory()) - before) / n);
    if (check) wrong += mismatches(index, lat, lon, qLat, qLon);
    const queries = round(rate(QUERIES, (from, to) => {
      for (let q = from; q < to; q++) sink += index.nearest(qLat[q] ?? 0, qLon[q] ?? 0, RADIUS_M, K, ids, dists);
    }, 1000));
    const cursor = { at: 0 };
    const moves = round(rate(MOVES, (from, to) => {
      for (let i = from; i < to; i++) index.upsert(moveId[i] ?? 0, moveLat[i] ?? 0, moveLon[i] ?? 0);
    }, 10_000, cursor));
    if (check) {
      // Finish the list (back to the start), walk to halfway, and check there.
      for (let i = cursor.at; i < MOVES; i++) index.upsert(moveId[i] ?? 0, moveLat[i] ?? 0, moveLon[i] ?? 0);
      for (let i = 0; i < MOVES / 2; i++) index.upsert(moveId[i] ?? 0, moveLat[i] ?? 0, moveLon[i] ?? 0);
      wrong += mismatches(index, midLat, midLon, qLat, qLon);
    }
    return { bytes, queries, moves };
  };
  const main = await ours(CELL_M, true);
  Object.assign(f, { bytesPerOfficer: main.bytes, queriesPerSecond: main.queries, movesPerSecond: main.moves });
  for (const cellSizeM of OTHER_CELLS_M) {
    const other = await ours(cellSizeM, false);
    Object.assign(f, { [`queriesPerSecondCell${cellSizeM}m`]: other.queries, [`movesPerSecondCell${cellSizeM}m`]: other.moves });
  }

  // Anchor: the naive grid.
  const before = await memory();
  const naive = new NaiveGrid();
  for (let i = 0; i < n; i++) naive.upsert(i, lat[i] ?? 0, lon[i] ?? 0);
  a.naiveBytesPerOfficer = round(((await memory()) - before) / n);
  a.naiveQueriesPerSecond = round(rate(QUERIES, (from, to) => {
    for (let q = from; q < to; q++) sink += naive.nearest(qLat[q] ?? 0, qLon[q] ?? 0).length;
  }, 100));
  a.naiveMovesPerSecond = round(rate(MOVES, (from, to) => {
    for (let i = from; i < to; i++) naive.upsert(moveId[i] ?? 0, moveLat[i] ?? 0, moveLon[i] ?? 0);
  }, 10_000));

  // Anchor: brute force over every officer (initial positions).
  const xyz = unitVectors(lat, lon);
  a.bruteForceQueriesPerSecond = round(rate(QUERIES, (from, to) => {
    for (let q = from; q < to; q++) sink += bruteNearest(xyz, qLat[q] ?? 0, qLon[q] ?? 0, ids, dists);
  }, 1));

  // Anchor: Redis GEOSEARCH on the same officers.
  if (redis) {
    await redis.del(key);
    for (let from = 0; from < n; from += 50_000) {
      const pipeline = redis.pipeline();
      for (let i = from; i < Math.min(n, from + 50_000); i += 500) {
        const args: Array<number | string> = [];
        for (let j = i; j < Math.min(n, i + 500); j++) args.push(lon[j] ?? 0, lat[j] ?? 0, String(j));
        pipeline.geoadd(key, ...args);
      }
      await pipeline.exec();
    }
    a.redisBytesPerOfficer = round((Number(await redis.memory('USAGE', key, 'SAMPLES', '0')) || NaN) / n);
    const search = (q: number): Promise<string[]> => redis.geosearch(key, 'FROMLONLAT', qLon[q] ?? 0, qLat[q] ?? 0, 'BYRADIUS', RADIUS_M, 'm', 'ASC', 'COUNT', K) as Promise<string[]>;
    let agree = 0;
    for (let q = 0; q < CHECKS; q++) {
      const m = bruteNearest(xyz, qLat[q] ?? 0, qLon[q] ?? 0, ids, dists);
      if ((await search(q)).join() === Array.from(ids.subarray(0, m)).join()) agree++;
    }
    a.redisSameAnswerPercent = round((100 * agree) / CHECKS);
    const oneStart = performance.now();
    let one = 0;
    while (performance.now() - oneStart < BUDGET_MS) sink += (await search(one++ % QUERIES)).length;
    a.redisQueriesPerSecondOneAtATime = round(one / ((performance.now() - oneStart) / 1000));
    const piped = await redisRate(QUERIES, 2, 100, (p, q) => void p.geosearch(key, 'FROMLONLAT', qLon[q] ?? 0, qLat[q] ?? 0, 'BYRADIUS', RADIUS_M, 'm', 'ASC', 'COUNT', K), redis);
    a.redisQueriesPerSecondPipelined = round(piped.perSecond);
    a.redisQueriesPerRedisCoreSecond = round(piped.perRedisCoreSecond);
    const moves = await redisRate(MOVES, 2, 100, (p, i) => void p.geoadd(key, 'XX', moveLon[i] ?? 0, moveLat[i] ?? 0, String(moveId[i] ?? 0)), redis);
    a.redisMovesPerSecondPipelined = round(moves.perSecond);
    a.redisMovesPerRedisCoreSecond = round(moves.perRedisCoreSecond);
    await redis.del(key);
  }

  const r: Record<string, number> = (ratios[label(n)] = {});
  const ratio = (x: number | undefined, y: number | undefined): number => Math.round(((x ?? NaN) / (y ?? NaN)) * 10) / 10;
  r.queriesVsNaive = ratio(f.queriesPerSecond, a.naiveQueriesPerSecond);
  r.queriesVsBruteForce = ratio(f.queriesPerSecond, a.bruteForceQueriesPerSecond);
  r.movesVsNaive = ratio(f.movesPerSecond, a.naiveMovesPerSecond);
  if (redis) {
    r.queriesVsRedisPerCore = ratio(f.queriesPerSecond, a.redisQueriesPerRedisCoreSecond);
    r.movesVsRedisPerCore = ratio(f.movesPerSecond, a.redisMovesPerRedisCoreSecond);
  }
  // The full cost of one location update through the live path, at the headline size (citizens: a tenth of the officers).
  if (n === 100_000) {
    const cost = measureLocationUpdates(n, n / 10, { lat: CENTRE.lat, lon: CENTRE.lon, halfLat: HALF_LAT, halfLon: HALF_LON }, rand);
    Object.assign(f, { fullUpdateOfficerNs: cost.officerUpdateNs, fullUpdateCitizenNs: cost.citizenUpdateNs, fullUpdatesPerSecondOfficers: cost.officerUpdatesPerSecond, fullUpdatesPerSecondCitizens: cost.citizenUpdatesPerSecond, noticesPerCitizenUpdate: cost.noticesPerCitizenUpdate });
    if (cost.rejected > 0) console.error(`WRONG: ${cost.rejected} simulated walking fixes were rejected`);
    wrong += cost.rejected;
  }
  console.log(`${label(n)} officers: ours ${JSON.stringify(f)}; anchors ${JSON.stringify(a)}; ratios ${JSON.stringify(r)}`);
}
await redis?.quit();
if (!redis) console.log('REDIS_URL is not set: the Redis anchor is skipped.');

const at100k = { f: figures['100k'], r: ratios['100k'] };
const target = (what: string, measured: number | undefined, goal: number, atMost = false) => {
  const met = measured !== undefined && (atMost ? measured <= goal : measured >= goal);
  return { target: `${atMost ? '<=' : '>='} ${goal}`, measured: measured ?? null, met: measured === undefined ? null : met, what };
};
const targets = {
  queriesPerSecond100k: target('nearest 5 within 500 m, one core, 100k officers', at100k.f?.queriesPerSecond, 500_000),
  queriesVsRedisPerCore100k: target('queries/s vs Redis GEOSEARCH per Redis core (pipelined), 100k officers', at100k.r?.queriesVsRedisPerCore, 10),
  movesPerSecond100k: target('moves of up to 100 m, one core, 100k officers', at100k.f?.movesPerSecond, 10_000_000),
  bytesPerOfficer100k: target('heap + typed arrays per officer, 100k officers', at100k.f?.bytesPerOfficer, 200, true),
};
const missed = Object.entries(targets).filter(([, t]) => t.met === false).map(([name]) => name);
console.log(missed.length > 0 ? `MISSED targets: ${missed.join(', ')}` : 'All measured targets met.');
if (wrong > 0) console.error(`WRONG: ${wrong} of ${CHECKS * 2 * SIZES.length} sampled queries differ from brute force`);
console.log(JSON.stringify({
  bench: 'proximity',
  figures,
  anchors,
  ratios,
  targets,
  setup: { sizes: SIZES, cellSizeM: CELL_M, otherCellSizesM: OTHER_CELLS_M, rates: 'per CPU-second of this process (Redis: wall clock, and per CPU-second of the Redis server)', radiusM: RADIUS_M, k: K, boxM: BOX_M, centre: CENTRE, moveUpToM: 100, budgetMsPerRound: BUDGET_MS, checkedQueries: CHECKS * 2 * SIZES.length, wrongAnswers: wrong, seconds: round((performance.now() - started) / 1000), loadAverage: [loadBefore, os.loadavg()[0] ?? NaN].map((x) => Math.round(x * 100) / 100), cores: os.availableParallelism(), sink: sink % 1000, node: process.version },
}));
process.exit(wrong > 0 ? 1 : 0);
