import { distanceM } from './proximity-index.ts';
import type { Fix } from './location-fix.ts';

/** Faster than this between two fixes is not a person on the street (km/h). */
export const MAX_PLAUSIBLE_SPEED_KMH = 150;
/**
 * What the two fixes' declared accuracy may explain of a move, at most (metres). Two fixes of a phone
 * standing still with GPS noise of σ 10 m a coordinate are a Rayleigh(14 m) distance apart: with the
 * 42 m a second of travel allows, a 30 m margin flags such a phone once in ~400,000 fixes, while a
 * declared accuracy of 150 m no longer buys a 340 m jump (ADR 0009).
 */
export const ACCURACY_MARGIN_CAP_M = 30;
/** A jump this far is a teleport whatever the time between fixes (km). */
export const TELEPORT_KM = 50;
/** After this long without a trusted fix, the next one starts afresh (a phone off for a flight is fine); the fix memory keeps a person's last trusted fix as long. */
export const TRAVEL_MEMORY_MS = 10 * 60_000;

/** What an implausible move looked like: never where, only how fast and how far. */
export interface TravelFlag {
  readonly kind: 'impossible-travel' | 'teleport';
  readonly speedKmh: number;
  readonly distanceKm: number;
}

/** How far a person may plausibly have moved between two fixes: the top speed for the time between them, plus what their declared accuracy explains, capped. */
export function plausibleMoveM(previous: Fix, next: Fix): number {
  const seconds = Math.max(0, next.at - previous.at) / 1000;
  return (MAX_PLAUSIBLE_SPEED_KMH / 3.6) * seconds + Math.min(previous.accuracy + next.accuracy, ACCURACY_MARGIN_CAP_M);
}

/**
 * Impossible travel: farther than the plausible move between the last trusted fix and this one. A
 * teleport: more than 50 km within the travel memory. The speed reported counts at least a second.
 */
export function checkTravel(previous: Fix | undefined, next: Fix): TravelFlag | undefined {
  if (!previous || next.at - previous.at > TRAVEL_MEMORY_MS) return undefined;
  const metres = distanceM(previous.lat, previous.lon, next.lat, next.lon);
  const distanceKm = Math.round(metres / 100) / 10;
  const speedKmh = Math.round((metres / (Math.max(next.at - previous.at, 1000) / 1000)) * 3.6);
  if (metres > TELEPORT_KM * 1000) return { kind: 'teleport', speedKmh, distanceKm };
  if (metres > plausibleMoveM(previous, next)) return { kind: 'impossible-travel', speedKmh, distanceKm };
  return undefined;
}
