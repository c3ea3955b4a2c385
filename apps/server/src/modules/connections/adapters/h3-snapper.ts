import { cellToLatLng, cellToParent, latLngToCell } from 'h3-js';
import type { SnappedCell, Snapper } from '../domain/live-map.ts';

/** Officers are snapped to H3 resolution 8 (hexagons of ~530 m edge, ~0.74 km²) before anyone is told anything. */
export const SNAP_RESOLUTION = 8;
/** Events and stored connections carry the coarser resolution 7 (~1.4 km edge). */
export const EVENT_RESOLUTION = 7;

/** Snapping with Uber's H3. */
export function h3Snapper(resolution = SNAP_RESOLUTION): Snapper {
  return {
    snap(lat, lon): SnappedCell {
      const cell = latLngToCell(lat, lon, resolution);
      const [centreLat, centreLon] = cellToLatLng(cell);
      return { cell, lat: centreLat, lon: centreLon };
    },
  };
}

/** The coarse cell stored with a connection, from a snapped cell or a position. */
export function eventCell(lat: number, lon: number): string {
  return latLngToCell(lat, lon, EVENT_RESOLUTION);
}

/** The resolution-7 parent of a resolution-8 cell. */
export function eventCellOf(cell: string): string {
  return cellToParent(cell, EVENT_RESOLUTION);
}
