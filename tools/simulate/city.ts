// Manhattan for the simulator: the island's outline, a midtown area where the demo concentrates people,
// and movers that walk or drive between random waypoints without leaving the area or the island.

/** A point in degrees. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** A closed outline (the last vertex joins the first). */
export type Polygon = readonly LatLon[];

/** Where the simulated people live. */
export type AreaName = 'midtown' | 'manhattan';

/** Manhattan's shoreline, coarsely (Battery → Hudson → Inwood → Harlem River → East River). */
export const MANHATTAN: Polygon = [
  [40.7009, -74.0163], [40.7075, -74.019], [40.717, -74.016], [40.728, -74.011], [40.74, -74.01], [40.753, -74.008],
  [40.764, -73.999], [40.775, -73.992], [40.79, -73.981], [40.805, -73.971], [40.82, -73.961], [40.835, -73.95],
  [40.85, -73.946], [40.865, -73.933], [40.873, -73.926], [40.878, -73.921], [40.874, -73.911], [40.868, -73.915],
  [40.856, -73.923], [40.845, -73.93], [40.835, -73.934], [40.82, -73.933], [40.808, -73.931], [40.8, -73.928],
  [40.794, -73.93], [40.785, -73.94], [40.776, -73.943], [40.768, -73.952], [40.756, -73.961], [40.745, -73.971],
  [40.734, -73.973], [40.726, -73.971], [40.715, -73.977], [40.71, -73.985], [40.707, -73.999], [40.703, -74.008],
].map(([lat, lon]) => ({ lat: lat ?? 0, lon: lon ?? 0 }));

/** Midtown, about 1.8 km square around Times Square: dense enough that everyone is near a few officers. */
export const MIDTOWN: Polygon = [
  { lat: 40.75, lon: -73.993 }, { lat: 40.766, lon: -73.993 }, { lat: 40.766, lon: -73.972 }, { lat: 40.75, lon: -73.972 },
];

/** The outline of a named area. */
export function areaOutline(name: AreaName): Polygon {
  return name === 'midtown' ? MIDTOWN : MANHATTAN;
}

const M_PER_DEG_LAT = 111_320;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: LatLon, b: LatLon): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point `northM` north and `eastM` east of `p` (small distances). */
export function offsetBy(p: LatLon, northM: number, eastM: number): LatLon {
  return { lat: p.lat + northM / M_PER_DEG_LAT, lon: p.lon + eastM / (M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180)) };
}

/** Ray casting: whether `p` lies inside `polygon`. */
export function contains(polygon: Polygon, p: LatLon): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (!a || !b) continue;
    if (a.lat > p.lat !== b.lat > p.lat && p.lon < ((b.lon - a.lon) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lon) inside = !inside;
  }
  return inside;
}

/** Whether the straight segment a→b stays inside (checked every ~20 m). */
export function segmentInside(polygon: Polygon, a: LatLon, b: LatLon): boolean {
  const steps = Math.max(1, Math.ceil(distanceM(a, b) / 20));
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    if (!contains(polygon, { lat: a.lat + (b.lat - a.lat) * t, lon: a.lon + (b.lon - a.lon) * t })) return false;
  }
  return true;
}

/** A uniformly random point inside the polygon (rejection sampling in its bounding box). */
export function randomPointIn(polygon: Polygon, random: () => number): LatLon {
  const lats = polygon.map((p) => p.lat);
  const lons = polygon.map((p) => p.lon);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  for (;;) {
    const p = { lat: minLat + random() * (maxLat - minLat), lon: minLon + random() * (maxLon - minLon) };
    if (contains(polygon, p)) return p;
  }
}

/** How someone moves: walking ~1.4 m/s, driving ~10 m/s, or staying (a café, a post). */
export type Gait = 'walk' | 'drive' | 'stay';

/** Typical speeds in m/s. */
export const SPEED_MPS: Record<Gait, number> = { walk: 1.4, drive: 10, stay: 0 };

/** How far the next waypoint may be: a walk of up to ~20 minutes, a drive of up to ~8. */
const LEG_MAX_M: Record<Gait, number> = { walk: 1500, drive: 5000, stay: 0 };

/**
 * Moves between random waypoints inside an area along straight legs that stay inside it, pausing a
 * little at each waypoint. Positions are a function of time, so a stalled client never "jumps".
 */
export class Mover {
  readonly #area: Polygon;
  readonly #speed: number;
  readonly #legMaxM: number;
  readonly #random: () => number;
  #from: LatLon;
  #to: LatLon;
  #departAt: number;
  #arriveAt: number;

  constructor(options: { area: Polygon; gait: Gait; random: () => number; nowMs: number; start?: LatLon }) {
    this.#area = options.area;
    this.#random = options.random;
    // ±20% around the gait's typical speed, so people do not move in lockstep.
    this.#speed = SPEED_MPS[options.gait] * (0.8 + 0.4 * this.#random());
    this.#legMaxM = LEG_MAX_M[options.gait];
    this.#from = options.start ?? randomPointIn(this.#area, this.#random);
    this.#to = this.#from;
    this.#departAt = options.nowMs;
    this.#arriveAt = options.nowMs;
  }

  /** Metres per second while moving. */
  get speedMps(): number {
    return this.#speed;
  }

  /** Where the mover is at `nowMs` (never earlier than a previous call). */
  at(nowMs: number): LatLon {
    while (nowMs >= this.#arriveAt) {
      if (this.#speed === 0) return this.#from;
      this.#from = this.#to;
      this.#to = this.#nextWaypoint(this.#from);
      const pauseMs = this.#random() * 20_000;
      this.#departAt = this.#arriveAt + pauseMs;
      this.#arriveAt = this.#departAt + Math.max(1000, (distanceM(this.#from, this.#to) / this.#speed) * 1000);
    }
    if (nowMs <= this.#departAt) return this.#from;
    const t = (nowMs - this.#departAt) / (this.#arriveAt - this.#departAt);
    return { lat: this.#from.lat + (this.#to.lat - this.#from.lat) * t, lon: this.#from.lon + (this.#to.lon - this.#from.lon) * t };
  }

  /** A point within a leg's reach whose straight way from here stays inside (else stay put a moment). */
  #nextWaypoint(from: LatLon): LatLon {
    for (let tries = 0; tries < 30; tries++) {
      const r = this.#legMaxM * Math.sqrt(this.#random());
      const angle = this.#random() * 2 * Math.PI;
      const to = offsetBy(from, r * Math.cos(angle), r * Math.sin(angle));
      if (contains(this.#area, to) && segmentInside(this.#area, from, to)) return to;
    }
    return from;
  }
}

/** A phone's reading of a true position: off by a little, within the accuracy it reports. */
export function gpsReading(truth: LatLon, accuracyM: number, random: () => number): LatLon {
  const r = (accuracyM / 3) * Math.sqrt(random());
  const angle = random() * 2 * Math.PI;
  return offsetBy(truth, r * Math.cos(angle), r * Math.sin(angle));
}
