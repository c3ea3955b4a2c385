import { distanceM } from './proximity-index.ts';
import type { Fix } from './location-fix.ts';

/** Two people scanning each other's code are plausibly together within this, plus both fixes' accuracy. */
export const TOGETHER_M = 200;
/** Positions older than this say nothing about where someone is now. */
export const RECENT_FIX_MS = 2 * 60_000;

/** Whether the server's positions put two people together: yes, no, or unknown (a position missing or old). */
export function togetherness(a: Fix | undefined, b: Fix | undefined, nowMs: number): 'together' | 'apart' | 'unknown' {
  if (!a || !b || nowMs - a.at > RECENT_FIX_MS || nowMs - b.at > RECENT_FIX_MS) return 'unknown';
  const apart = distanceM(a.lat, a.lon, b.lat, b.lon);
  return apart <= TOGETHER_M + a.accuracy + b.accuracy ? 'together' : 'apart';
}
