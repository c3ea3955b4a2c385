// The platform's own HTTP answers.
import { Type, type Static } from 'typebox';
import { Time } from '../shared/http.ts';

/** `GET /api/v1/meta`: what the web app shows about the server it talks to. */
export const ServerMeta = Type.Object({
  name: Type.String({ description: 'product name' }),
  version: Type.String({ description: 'server version' }),
  mode: Type.Union([Type.Literal('embedded'), Type.Literal('distributed')], { description: 'embedded (PGlite, in-process bus) or distributed (PostgreSQL server, NATS)' }),
  time: Time('server time, for clients to notice clock skew'),
  timeZone: Type.String({ description: 'the deployment’s IANA time zone' }),
  geocoder: Type.Boolean({ description: 'an address search is configured (`GET /api/v1/map/geocode`); without one, places are picked on the map or typed as coordinates' }),
});
export type ServerMeta = Static<typeof ServerMeta>;

/** A basemap document the map proxy hands the browser: a MapLibre style (spec v8) or a TileJSON, its URLs pointing at the proxy. */
export const MapDocument = Type.Record(Type.String(), Type.Unknown(), { description: 'a MapLibre style or TileJSON document' });
export type MapDocument = Static<typeof MapDocument>;

/** `GET /api/v1/map/geocode?q=`: an address to look up (search on submit, never as one types). */
export const GeocodeQuery = Type.Object({
  q: Type.String({ minLength: 3, maxLength: 200, description: 'an address or place name' }),
  lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('es')])),
}, { additionalProperties: false });
export type GeocodeQuery = Static<typeof GeocodeQuery>;

/** One place an address search found. */
export const GeocodedPlace = Type.Object({
  label: Type.String({ description: 'the place as the geocoder writes it' }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
});
export type GeocodedPlace = Static<typeof GeocodedPlace>;

/** The places found, best first (at most five). */
export const GeocodeAnswer = Type.Object({ places: Type.Array(GeocodedPlace, { maxItems: 5 }) });
export type GeocodeAnswer = Static<typeof GeocodeAnswer>;
