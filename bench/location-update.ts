// The full cost of one location update on the live path — validation, rate and travel checks, H3
// snapping, the index, and the "near / not near" notices — measured through LiveHub.receiveLocation
// exactly as the websocket handler calls it (minus the socket). Used by proximity.bench.ts.
import { h3Snapper } from '../apps/server/src/modules/connections/adapters/h3-snapper.ts';
import { LiveHub } from '../apps/server/src/modules/connections/application/live-hub.ts';
import { soloLink } from '../apps/server/src/modules/connections/application/live-link.ts';
import { LiveMap } from '../apps/server/src/modules/connections/domain/live-map.ts';

/** What one update costs, for officers (snapped and indexed by cell) and citizens (indexed, told what changed). */
export interface UpdateCost {
  readonly officerUpdatesPerSecond: number;
  readonly citizenUpdatesPerSecond: number;
  readonly officerUpdateNs: number;
  readonly citizenUpdateNs: number;
  readonly noticesPerCitizenUpdate: number;
  readonly rejected: number;
}

/**
 * `officers` available officers and `citizens` citizens spread over the same box, each walking at
 * 1.4 m/s in its own direction, one fix a second of (simulated) time, until `budgetMs` of CPU per side.
 */
export function measureLocationUpdates(officers: number, citizens: number, box: { lat: number; lon: number; halfLat: number; halfLon: number }, rand: () => number, budgetMs = 1500): UpdateCost {
  let nowMs = Date.UTC(2026, 10, 21, 12);
  let notices = 0;
  const map = new LiveMap({ radiusM: 1000, leaveMarginM: 250, maxNearby: 20, citizenTtlMs: 120_000, snapper: h3Snapper(), notify: () => void notices++ });
  const hub = new LiveHub({ map, link: soloLink(), clock: { now: () => new Date(nowMs) }, maxAccuracyM: 150, push: () => {}, recordFlag: () => {} });
  const people = officers + citizens;
  const ids = Array.from({ length: people }, (_, i) => (i < officers ? `officer-${i}` : `citizen-${i}`));
  const lat = new Float64Array(people), lon = new Float64Array(people), dLat = new Float64Array(people), dLon = new Float64Array(people);
  const mPerDegLat = 111_320, mPerDegLon = 111_320 * Math.cos((box.lat * Math.PI) / 180);
  for (let i = 0; i < people; i++) {
    lat[i] = box.lat + (2 * rand() - 1) * box.halfLat;
    lon[i] = box.lon + (2 * rand() - 1) * box.halfLon;
    const heading = rand() * 2 * Math.PI;
    dLat[i] = (1.4 * Math.cos(heading)) / mPerDegLat;
    dLon[i] = (1.4 * Math.sin(heading)) / mPerDegLon;
    if (i < officers) hub.openWindow(ids[i] ?? '', { windowId: `w${i}`, precinctName: 'Bench precinct', inPerson: true, virtual: false, closesAtMs: nowMs + 24 * 3600_000 });
  }
  let rejected = 0;
  const send = (i: number): void => {
    lat[i] = (lat[i] ?? 0) + (dLat[i] ?? 0);
    lon[i] = (lon[i] ?? 0) + (dLon[i] ?? 0);
    if (hub.receiveLocation(ids[i] ?? '', i < officers, { lat: lat[i], lon: lon[i], accuracy: 10, at: nowMs }) !== undefined) rejected++;
  };
  // Everyone's first fix (placing them), then timed rounds: one simulated second per round.
  for (let i = 0; i < people; i++) send(i);
  const side = (from: number, to: number): { perSecond: number; ns: number; count: number } => {
    let count = 0;
    const cpu = process.cpuUsage();
    let used = 0;
    while (used < budgetMs * 1000) {
      nowMs += 1000;
      for (let i = from; i < to; i++) send(i);
      count += to - from;
      const u = process.cpuUsage(cpu);
      used = u.user + u.system;
    }
    return { perSecond: count / (used / 1e6), ns: (used * 1000) / count, count };
  };
  const officerSide = side(0, officers);
  const before = notices;
  const citizenSide = side(officers, people);
  return {
    officerUpdatesPerSecond: Math.round(officerSide.perSecond),
    citizenUpdatesPerSecond: Math.round(citizenSide.perSecond),
    officerUpdateNs: Math.round(officerSide.ns),
    citizenUpdateNs: Math.round(citizenSide.ns),
    noticesPerCitizenUpdate: Math.round(((notices - before) / citizenSide.count) * 1000) / 1000,
    rejected,
  };
}
