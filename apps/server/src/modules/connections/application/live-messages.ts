import type { ConnectionsPush, NearbyOfficer } from '@heyblue/contracts/connections';
import type { Band } from '../domain/bands.ts';
import type { LiveNotice } from '../domain/live-map.ts';

/** The circle drawn around an officer's cell centre: it covers the resolution-8 hexagon (corners up to ~590 m from the centre) and the 50 m an officer may stand past its edge. */
export const AREA_RADIUS_M = 650;

/** Turns a live-map notice into the push for its recipient. */
export function presentNotice(notice: LiveNotice): { to: string; push: ConnectionsPush } {
  switch (notice.kind) {
    case 'entered':
    case 'changed':
      return {
        to: notice.citizenId,
        push: {
          type: notice.kind === 'entered' ? 'nearby.entered' : 'nearby.changed',
          officer: { officerId: notice.officerId, precinctName: notice.window.precinctName, band: notice.band, area: { cell: notice.area.cell, centre: { lat: notice.area.lat, lon: notice.area.lon }, radiusM: AREA_RADIUS_M }, virtual: notice.window.virtual },
        },
      };
    case 'left':
      return { to: notice.citizenId, push: { type: 'nearby.left', officerId: notice.officerId } };
    case 'meet':
      return { to: notice.toId, push: { type: 'meet.position', connectionId: notice.connectionId, userId: notice.fromId, lat: notice.fix.lat, lon: notice.fix.lon, accuracy: notice.fix.accuracy, until: new Date(notice.untilMs).toISOString() } };
  }
}

/** What the nearby list shows for a live-map entry: a precinct, a band and a coarse area — never coordinates. */
export function presentNearby(entry: { officerId: string; band: Band; area: { cell: string; lat: number; lon: number }; window: { precinctName: string; virtual: boolean } }): NearbyOfficer {
  return { officerId: entry.officerId, precinctName: entry.window.precinctName, band: entry.band, area: { cell: entry.area.cell, centre: { lat: entry.area.lat, lon: entry.area.lon }, radiusM: AREA_RADIUS_M }, virtual: entry.window.virtual };
}
