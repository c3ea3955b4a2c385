// The map calls: the partners' address search (the basemap itself is loaded by the map, from /api/v1/map/style.json).
import { GeocodeAnswer, type GeocodedPlace } from '@heyblue/contracts/platform';
import { precompiledChecks } from '@heyblue/contracts/platform/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import type { Session } from './session.ts';

export type { GeocodedPlace };

usePrecompiledChecks(precompiledChecks);

/** Checks the body of `GET /api/v1/map/geocode`. */
export const decodeGeocodeAnswer = decoderOf(GeocodeAnswer, 'address search');

/** Looks up an address (on submit, never as one types); the places found, best first. */
export async function geocode(session: Pick<Session, 'get'>, q: string, lang: 'en' | 'es'): Promise<GeocodedPlace[]> {
  const query = new URLSearchParams({ q, lang });
  return (await session.get(`/api/v1/map/geocode?${query}`, { decode: decodeGeocodeAnswer })).places;
}
