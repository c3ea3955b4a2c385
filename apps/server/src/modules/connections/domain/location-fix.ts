/** A location fix as the server uses it: degrees, metres, epoch milliseconds. */
export interface Fix {
  readonly lat: number;
  readonly lon: number;
  readonly accuracy: number;
  readonly at: number;
}

/** How far a fix's time may lie behind or ahead of the server's clock. */
export const FIX_MAX_AGE_MS = 60_000;
export const FIX_MAX_FUTURE_MS = 5_000;

/** Why a fix is refused (error codes of the module). */
export type FixRejection = 'CONNECTIONS_LOCATION_INVALID' | 'CONNECTIONS_LOCATION_STALE' | 'CONNECTIONS_LOCATION_INACCURATE';

/** The outcome of reading a fix: the fix, or the code it is refused with. */
export type FixReading = { readonly fix: Fix } | { readonly rejected: FixRejection };

/**
 * A fix is usable when its numbers are in range, its time is recent (clocks differ a little), and it
 * is accurate enough to place someone near an officer.
 */
export function readFix(message: Readonly<Record<string, unknown>>, nowMs: number, maxAccuracyM: number): FixReading {
  const { lat, lon, accuracy, at } = message;
  if (!isFiniteNumber(lat) || !isFiniteNumber(lon) || !isFiniteNumber(accuracy) || !isFiniteNumber(at)) return { rejected: 'CONNECTIONS_LOCATION_INVALID' };
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || accuracy < 0) return { rejected: 'CONNECTIONS_LOCATION_INVALID' };
  if (at < nowMs - FIX_MAX_AGE_MS || at > nowMs + FIX_MAX_FUTURE_MS) return { rejected: 'CONNECTIONS_LOCATION_STALE' };
  if (accuracy > maxAccuracyM) return { rejected: 'CONNECTIONS_LOCATION_INACCURATE' };
  return { fix: { lat, lon, accuracy, at } };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
