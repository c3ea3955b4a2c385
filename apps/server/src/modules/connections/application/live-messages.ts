import type { Band } from '../domain/bands.ts';
import type { LiveNotice } from '../domain/live-map.ts';

/** The circle drawn around an officer's cell centre: it covers the resolution-8 hexagon (~530 m edge). */
export const AREA_RADIUS_M = 600;

/** An officer near a citizen, as the citizen is told: a precinct, a band and a coarse area — never coordinates. */
export interface NearbyOfficerView {
  readonly officerId: string;
  readonly precinctName: string;
  readonly band: Band;
  readonly area: { readonly cell: string; readonly centre: { readonly lat: number; readonly lon: number }; readonly radiusM: number };
  readonly virtual: boolean;
}

/** Websocket messages of the live path. */
export type LivePush =
  | { readonly type: 'nearby.entered' | 'nearby.changed'; readonly officer: NearbyOfficerView }
  | { readonly type: 'nearby.left'; readonly officerId: string }
  | { readonly type: 'meet.position'; readonly connectionId: string; readonly userId: string; readonly lat: number; readonly lon: number; readonly accuracy: number; readonly until: string };

/** Turns a live-map notice into the push for its recipient. */
export function presentNotice(notice: LiveNotice): { to: string; push: LivePush } {
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

/** What the nearby list shows for a live-map entry. */
export function presentNearby(entry: { officerId: string; band: Band; area: { cell: string; lat: number; lon: number }; window: { precinctName: string; virtual: boolean } }): NearbyOfficerView {
  return { officerId: entry.officerId, precinctName: entry.window.precinctName, band: entry.band, area: { cell: entry.area.cell, centre: { lat: entry.area.lat, lon: entry.area.lon }, radiusM: AREA_RADIUS_M }, virtual: entry.window.virtual };
}
