import { distanceM } from './proximity-index.ts';
import type { Fix } from './location-fix.ts';

/** Faster than this between two fixes is not a person on the street (km/h). */
export const MAX_PLAUSIBLE_SPEED_KMH = 150;
/** A jump this far is a teleport whatever the time between fixes (km). */
export const TELEPORT_KM = 50;
/** After this long without an accepted fix, the next one starts afresh (a phone off for a flight is fine). */
export const TRAVEL_MEMORY_MS = 30 * 60_000;

/** What an implausible move looked like: never where, only how fast and how far. */
export interface TravelFlag {
  readonly kind: 'impossible-travel' | 'teleport';
  readonly speedKmh: number;
  readonly distanceKm: number;
}

/**
 * Impossible travel: faster than 150 km/h between fixes, after giving both fixes their reported
 * accuracy (GPS wobble is not travel). A teleport: more than 50 km within the travel memory.
 */
export function checkTravel(previous: Fix | undefined, next: Fix): TravelFlag | undefined {
  if (!previous || next.at - previous.at > TRAVEL_MEMORY_MS) return undefined;
  const metres = distanceM(previous.lat, previous.lon, next.lat, next.lon);
  const distanceKm = Math.round(metres / 100) / 10;
  const seconds = Math.max(next.at - previous.at, 1000) / 1000;
  const speedKmh = Math.round((metres / seconds) * 3.6);
  if (metres > TELEPORT_KM * 1000) return { kind: 'teleport', speedKmh, distanceKm };
  const travelled = Math.max(0, metres - previous.accuracy - next.accuracy);
  if ((travelled / seconds) * 3.6 > MAX_PLAUSIBLE_SPEED_KMH) return { kind: 'impossible-travel', speedKmh, distanceKm };
  return undefined;
}
