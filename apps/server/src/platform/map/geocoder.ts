// Address search behind the two common open API shapes: Nominatim (`/search?format=jsonv2&q=`) and
// Photon (`/api?q=`). The deployment chooses one (public Nominatim forbids search-as-you-type: the app
// searches on submit only). Answers are reduced to a label and a position; nothing else is kept.
import type { GeocodedPlace, GeocodeQuery } from '@heyblue/contracts/platform';

const MAX_PLACES = 5;

/** Looks up an address; the places found, best first. Throws on a network failure or a non-2xx answer. */
export async function geocode(
  geocoder: { readonly url: string; readonly kind: 'nominatim' | 'photon' },
  query: GeocodeQuery,
  fetcher: typeof fetch,
  options: { userAgent: string; timeoutMs: number },
): Promise<GeocodedPlace[]> {
  const url = new URL(geocoder.url);
  url.searchParams.set('q', query.q);
  url.searchParams.set('limit', String(MAX_PLACES));
  if (geocoder.kind === 'nominatim') url.searchParams.set('format', 'jsonv2');
  if (query.lang && geocoder.kind === 'nominatim') url.searchParams.set('accept-language', query.lang);
  // Photon speaks English but not Spanish: Spanish asks for the places' own names.
  if (query.lang && geocoder.kind === 'photon') url.searchParams.set('lang', query.lang === 'es' ? 'default' : query.lang);
  const answer = await fetcher(url, { headers: { 'user-agent': options.userAgent, accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs) });
  if (!answer.ok) throw new Error(`the geocoder answered ${answer.status}`);
  const body: unknown = await answer.json();
  return (geocoder.kind === 'nominatim' ? nominatimPlaces(body) : photonPlaces(body)).slice(0, MAX_PLACES);
}

/** Nominatim: an array of `{ display_name, lat: "40.7", lon: "-73.9" }`. */
export function nominatimPlaces(body: unknown): GeocodedPlace[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((item: unknown) => {
    if (!isRecord(item)) return [];
    return placeOf(item['display_name'], Number(item['lat']), Number(item['lon']));
  });
}

/** Photon: GeoJSON features with `geometry.coordinates: [lon, lat]` and `properties` naming the place. */
export function photonPlaces(body: unknown): GeocodedPlace[] {
  if (!isRecord(body) || !Array.isArray(body['features'])) return [];
  return body['features'].flatMap((feature: unknown) => {
    if (!isRecord(feature) || !isRecord(feature['geometry']) || !isRecord(feature['properties'])) return [];
    const [lon, lat] = Array.isArray(feature['geometry']['coordinates']) ? feature['geometry']['coordinates'].map(Number) : [];
    const p = feature['properties'];
    const street = [p['housenumber'], p['street']].filter((x) => typeof x === 'string').join(' ');
    const label = [p['name'], street, p['city'], p['state'], p['country']].filter((x) => typeof x === 'string' && x.length > 0).join(', ');
    return placeOf(label, Number(lat), Number(lon));
  });
}

function placeOf(label: unknown, lat: number, lon: number): GeocodedPlace[] {
  if (typeof label !== 'string' || label.trim().length === 0) return [];
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return [];
  // Only printable text reaches the app (a geocoder is another party's data).
  const clean = label.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 300);
  return clean ? [{ label: clean, lat, lon }] : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
