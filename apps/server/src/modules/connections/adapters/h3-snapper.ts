import { cellToBoundary, cellToLatLng, cellToParent, getResolution, latLngToCell } from 'h3-js';
import type { SnappedCell, Snapper } from '../domain/live-map.ts';

/** Officers are snapped to H3 resolution 8 (hexagons of ~530 m edge, ~0.74 km²) before anyone is told anything. */
export const SNAP_RESOLUTION = 8;
/** Events and stored connections carry the coarser resolution 7 (~1.4 km edge). */
export const EVENT_RESOLUTION = 7;

const METRES_PER_DEGREE = 111_320;

/** Snapping with Uber's H3. */
export function h3Snapper(resolution = SNAP_RESOLUTION): Snapper {
  return {
    snap(lat, lon): SnappedCell {
      const cell = latLngToCell(lat, lon, resolution);
      const [centreLat, centreLon] = cellToLatLng(cell);
      return { cell, lat: centreLat, lon: centreLon };
    },
    metresOutside(cell, lat, lon) {
      if (latLngToCell(lat, lon, getResolution(cell)) === cell) return 0;
      return metresToBoundary(cellToBoundary(cell), lat, lon);
    },
  };
}

/**
 * The distance from a point to the nearest edge of a cell's boundary, in a flat projection around the
 * point (cells of a few hundred metres: the error is far below a metre).
 */
function metresToBoundary(boundary: number[][], lat: number, lon: number): number {
  const lonScale = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  let nearest = Infinity;
  for (let i = 0; i < boundary.length; i++) {
    const [aLat = 0, aLon = 0] = boundary[i] ?? [];
    const [bLat = 0, bLon = 0] = boundary[(i + 1) % boundary.length] ?? [];
    const ax = eastOf(aLon, lon) * lonScale, ay = (aLat - lat) * METRES_PER_DEGREE;
    const dx = eastOf(bLon, aLon) * lonScale, dy = (bLat - aLat) * METRES_PER_DEGREE;
    const length2 = dx * dx + dy * dy;
    const t = length2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length2)) : 0;
    nearest = Math.min(nearest, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return nearest;
}

/** Degrees east from `from` to `to`, the short way round (cells across the antimeridian). */
function eastOf(to: number, from: number): number {
  const degrees = to - from;
  return degrees > 180 ? degrees - 360 : degrees < -180 ? degrees + 360 : degrees;
}

/** The coarse cell stored with a connection, from a snapped cell or a position. */
export function eventCell(lat: number, lon: number): string {
  return latLngToCell(lat, lon, EVENT_RESOLUTION);
}

/** The resolution-7 parent of a resolution-8 cell. */
export function eventCellOf(cell: string): string {
  return cellToParent(cell, EVENT_RESOLUTION);
}
