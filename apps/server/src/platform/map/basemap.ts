// The basemap behind the app's maps, as the map proxy serves it: pure functions over style documents
// (MapLibre style spec and TileJSON), no I/O. Every upstream URL in what the browser receives is
// rewritten to this server's proxy, so the tile provider sees our server, never a person.

/** Where the proxy answers: `/api/v1/map/p/<host>/<path>` stands for `<scheme>://<host>/<path>` of an allowed origin. */
export const PROXY_PREFIX = '/api/v1/map/p/';

/** A style with no basemap: the app's own layers on a plain background (no basemap configured, or it cannot be reached). */
export function plainStyle(): Record<string, unknown> {
  return { version: 8, name: 'plain', sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f5' } }] };
}

/** A style of raster tiles from a URL template (`{z}/{x}/{y}`). */
export function rasterStyle(tileUrl: string, attribution: string): Record<string, unknown> {
  return {
    version: 8,
    name: 'raster',
    sources: { basemap: { type: 'raster', tiles: [tileUrl], tileSize: 256, maxzoom: 19, attribution } },
    layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
  };
}

/** The origins the proxy may fetch from: those of the configured URLs; documents fetched from them may add theirs. */
export class AllowedOrigins {
  readonly #byHost = new Map<string, string>();

  /** Allows the origin of `url` (http or https); false for anything else. */
  allow(url: string): boolean {
    const parsed = parseHttpUrl(url);
    if (!parsed) return false;
    this.#byHost.set(parsed.host, parsed.origin);
    return true;
  }

  /** The origin behind a proxied host, when allowed. */
  originOf(host: string): string | undefined {
    return this.#byHost.get(host.toLowerCase());
  }
}

/**
 * A JSON document (a style, a TileJSON) with every http(s) URL string in it rewritten to the proxy at
 * `base` (this server's origin as the browser sees it), and each of their origins allowed. Template
 * placeholders (`{z}`, `{fontstack}`) are kept as they are: only the origin changes.
 */
export function proxiedDocument(document: unknown, base: string, allowed: AllowedOrigins): unknown {
  if (typeof document === 'string') {
    const parsed = parseHttpUrl(document);
    if (!parsed) return document;
    allowed.allow(document);
    return `${base}${PROXY_PREFIX}${parsed.host}${document.slice(parsed.origin.length)}`;
  }
  if (Array.isArray(document)) return document.map((item) => proxiedDocument(item, base, allowed));
  if (document !== null && typeof document === 'object') {
    return Object.fromEntries(Object.entries(document).map(([key, value]) => [key, proxiedDocument(value, base, allowed)]));
  }
  return document;
}

/** The upstream URL a proxy path stands for, when its host is allowed; the path keeps its query. */
export function upstreamOf(proxied: { host: string; rest: string; query: string }, allowed: AllowedOrigins): string | undefined {
  const origin = allowed.originOf(proxied.host);
  if (!origin) return undefined;
  // No way out of the origin: a path is a path ("..", "//" and "@" cannot reach another host through URL resolution here).
  const url = new URL(`${origin}/${proxied.rest}${proxied.query ? `?${proxied.query}` : ''}`);
  return url.origin === origin ? url.href : undefined;
}

function parseHttpUrl(text: string): { origin: string; host: string } | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text.replace(/\{/g, '%7B').replace(/\}/g, '%7D'));
    return url.protocol === 'http:' || url.protocol === 'https:' ? { origin: url.origin, host: url.host.toLowerCase() } : undefined;
  } catch {
    return undefined;
  }
}
