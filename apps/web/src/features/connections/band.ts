import type { TFunction } from 'i18next';
import type { Band, NearbyOfficer } from '../../api/connections.ts';

/** How far an officer is, in words: "within about 500 m". */
export function bandLabel(t: TFunction, band: Band): string {
  switch (band) {
    case 'within-500m':
      return t('connections.band.within500m');
    case 'within-1km':
      return t('connections.band.within1km');
  }
}

const bandOrder: Record<Band, number> = { 'within-500m': 0, 'within-1km': 1 };

/** Nearest band first, then by precinct name, then by id so the order never jumps. */
export function compareNearby(a: NearbyOfficer, b: NearbyOfficer): number {
  return bandOrder[a.band] - bandOrder[b.band] || a.precinctName.localeCompare(b.precinctName) || a.officerId.localeCompare(b.officerId);
}
