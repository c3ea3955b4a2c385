import type { Band } from '@heyblue/contracts/connections';

/** How far an officer's area is (declared once, in the contracts). */
export type { Band };

/** Bands change only past this margin, so a citizen walking on a boundary is not told every second. */
export const BAND_MARGIN_M = 100;

/** The band for a distance from the officer's cell centre, keeping the current band inside the margin. */
export function bandFor(distanceM: number, current: Band | undefined): Band {
  if (distanceM <= 500) return 'within-500m';
  if (current === 'within-500m' && distanceM <= 500 + BAND_MARGIN_M) return 'within-500m';
  return 'within-1km';
}

/**
 * Near with hysteresis: an officer's area comes near at the radius and goes away only past the
 * radius plus a margin, so the edge does not flicker.
 */
export function isNear(distanceM: number, radiusM: number, wasNear: boolean, leaveMarginM: number): boolean {
  return distanceM <= (wasNear ? radiusM + leaveMarginM : radiusM);
}
