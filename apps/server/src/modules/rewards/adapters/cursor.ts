/** Opaque keyset cursors: the last row's time and id. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

/** The position a cursor points after, or null for the first page (a cursor that does not parse starts over). */
export function decodeCursor(cursor: string | undefined | null): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { at, id };
}

/** A cursor for a nearest-first list: the last row's distance (exact, as the database computed it; null for an offer without a place) and id. */
export function encodeDistanceCursor(distanceKm: number | null, id: string): string {
  return Buffer.from(`${distanceKm === null ? 'n' : `d${distanceKm}`}|${id}`).toString('base64url');
}

/** The distance position a cursor points after (a null distance: among the offers without a place), or null for the first page. */
export function decodeDistanceCursor(cursor: string | undefined | null): { distanceKm: number | null; id: string } | null {
  if (!cursor) return null;
  const [distance, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return null;
  if (distance === 'n') return { distanceKm: null, id };
  const distanceKm = Number(distance?.startsWith('d') ? distance.slice(1) : Number.NaN);
  if (!Number.isFinite(distanceKm)) return null;
  return { distanceKm, id };
}
