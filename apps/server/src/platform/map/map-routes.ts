// The map proxy: the basemap's style, tiles, sprites and fonts fetched by this server and cached, so the
// provider sees this server and never a person (nor where they are looking). Only origins named by the
// configured basemap — and by the documents fetched from them — are fetched; nothing else is proxied.
// Also the partners' address search, behind a configurable Nominatim- or Photon-shaped geocoder.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { GeocodeAnswer, GeocodeQuery, MapDocument } from '@heyblue/contracts/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { AppError } from '../errors/app-error.ts';
import { requireActor } from '../http/actor.ts';
import { AllowedOrigins, plainStyle, proxiedDocument, rasterStyle, upstreamOf } from './basemap.ts';
import { geocode } from './geocoder.ts';

/** What the proxy keeps of an upstream answer. */
interface Fetched {
  readonly body: Buffer;
  readonly contentType: string;
}

const UPSTREAM_TIMEOUT_MS = 10_000;
/** Upstream answers larger than this are not proxied (a tile is tens of kilobytes; a font range less). */
const MAX_UPSTREAM_BYTES = 8 * 1024 * 1024;
/** How long a fetched style, tile or font is kept and may be cached by browsers. */
const KEEP_MS = 24 * 60 * 60_000;
const USER_AGENT = 'HeyBlue-map-proxy/1';
const tags = ['platform'];

export function mapRoutes(deps: { map: Config['map']; logger: Logger; fetch?: typeof fetch }): FastifyPluginAsyncTypebox {
  const { map } = deps;
  const fetcher = deps.fetch ?? fetch;
  const allowed = new AllowedOrigins();
  if (map.styleUrl) allowed.allow(map.styleUrl);
  if (map.rasterTiles) allowed.allow(map.rasterTiles.url);
  const cache = new LRUCache<string, Fetched>({ maxSize: Math.max(1, map.cacheBytes), sizeCalculation: (f) => Math.max(1, f.body.length), ttl: KEEP_MS });
  const inFlight = new Map<string, Promise<Fetched>>();
  const logger = deps.logger.child({ component: 'map-proxy' });

  /** An upstream resource, from the cache or fetched once however many ask at the same time. */
  async function upstream(url: string): Promise<Fetched> {
    const cached = cache.get(url);
    if (cached) return cached;
    const pending = inFlight.get(url);
    if (pending) return pending;
    const fetching = (async () => {
      // Nothing of the person is passed on: no cookies, no address, no language, no referrer.
      const answer = await fetcher(url, { headers: { 'user-agent': USER_AGENT, accept: '*/*' }, redirect: 'error', signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
      if (answer.status === 404 || answer.status === 204) throw new AppError('PLATFORM_NOT_FOUND');
      if (!answer.ok) throw new AppError('PLATFORM_MAP_UNAVAILABLE', `The map provider answered ${answer.status}.`);
      const body = Buffer.from(await answer.arrayBuffer());
      if (body.length > MAX_UPSTREAM_BYTES) throw new AppError('PLATFORM_MAP_UNAVAILABLE', 'The map provider sent more than a map needs.');
      const fetched = { body, contentType: answer.headers.get('content-type') ?? 'application/octet-stream' };
      if (map.cacheBytes > 0) cache.set(url, fetched);
      return fetched;
    })();
    inFlight.set(url, fetching);
    try {
      return await fetching;
    } catch (error) {
      if (error instanceof AppError) throw error;
      logger.warn({ err: error, url }, 'map provider unreachable');
      throw new AppError('PLATFORM_MAP_UNAVAILABLE');
    } finally {
      inFlight.delete(url);
    }
  }

  /** This server's origin as the browser sees it: the proxied URLs in documents are absolute (MapLibre needs them so). */
  const baseOf = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

  const sendJson = (reply: FastifyReply, document: unknown, maxAgeSeconds: number) =>
    reply.header('cache-control', `public, max-age=${maxAgeSeconds}`).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(document));

  return async (app) => {
    // A map view asks for dozens of tiles at once: far more than the API's default rate per client.
    const mapLimit = { rateLimit: { max: 3_000, timeWindow: 60_000 } };

    app.get('/api/v1/map/style.json', { config: mapLimit, schema: { tags, summary: 'The basemap style, every URL in it pointing at this server’s map proxy', response: { 200: MapDocument } } }, async (request, reply) => {
      if (map.rasterTiles) return sendJson(reply, proxiedDocument(rasterStyle(map.rasterTiles.url, map.rasterTiles.attribution), baseOf(request), allowed), 600);
      if (!map.styleUrl) return sendJson(reply, plainStyle(), 600);
      const fetched = await upstream(map.styleUrl);
      return sendJson(reply, proxiedDocument(parseJson(fetched.body), baseOf(request), allowed), 600);
    });

    app.get('/api/v1/map/p/:host/*', { config: mapLimit, schema: { tags, summary: 'A basemap resource (tile, sprite, font, TileJSON) through the caching proxy', hide: true, response: { 200: MapDocument } } }, async (request, reply) => {
      const { host, '*': rest } = request.params as { host: string; '*': string };
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      const url = upstreamOf({ host, rest, query }, allowed);
      if (!url) throw new AppError('PLATFORM_NOT_FOUND', 'The map proxy fetches only from the configured basemap.');
      const fetched = await upstream(url);
      // A TileJSON (or any JSON) names more URLs: they go through the proxy too.
      if (/json/i.test(fetched.contentType) && !/\.pbf$/i.test(rest)) return sendJson(reply, proxiedDocument(parseJson(fetched.body), baseOf(request), allowed), 3_600);
      // The declared schema describes the JSON documents; a tile, sprite or font goes out as the bytes it came as.
      const bytes: unknown = fetched.body;
      return reply.header('cache-control', `public, max-age=${KEEP_MS / 1000}`).header('content-type', fetched.contentType).send(bytes as MapDocument);
    });

    app.get('/api/v1/map/geocode', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: { tags, summary: 'Look up an address (for partners placing an offer or a store); on submit, never as one types', security: [{ bearer: [] }], querystring: GeocodeQuery, response: { 200: GeocodeAnswer } },
    }, async (request) => {
      requireActor(request);
      if (!map.geocoder) throw new AppError('PLATFORM_GEOCODER_OFF');
      try {
        return { places: await geocode(map.geocoder, request.query, fetcher, { userAgent: USER_AGENT, timeoutMs: UPSTREAM_TIMEOUT_MS }) };
      } catch (error) {
        if (error instanceof AppError) throw error;
        logger.warn({ err: error }, 'geocoder unreachable');
        throw new AppError('PLATFORM_GEOCODER_FAILED');
      }
    });
  };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('PLATFORM_MAP_UNAVAILABLE', 'The map provider sent a document that is not JSON.');
  }
}
