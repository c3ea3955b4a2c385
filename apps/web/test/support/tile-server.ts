/**
 * A local stand-in for a tile provider, for browser tests of the map: a raster style (no glyphs) whose
 * tiles are solid magenta squares, so a screenshot can tell the basemap was drawn. It records who
 * asked, so a test can check the provider saw only the app's server, never the browser.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export interface TileServer {
  /** The style URL to give the app's server as MAP_STYLE_URL. */
  readonly styleUrl: string;
  /** Every request it answered: path and user agent. */
  readonly requests: ReadonlyArray<{ path: string; userAgent: string }>;
  close(): Promise<void>;
}

/** The tiles' colour, to look for in screenshots. */
export const tileColour = { r: 217, g: 70, b: 239 } as const;

export async function startTileServer(): Promise<TileServer> {
  const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: tileColour } }).png().toBuffer();
  const requests: Array<{ path: string; userAgent: string }> = [];
  let origin = '';
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, userAgent: request.headers['user-agent'] ?? '' });
    if (path === '/style.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ version: 8, sources: { basemap: { type: 'raster', tiles: [`${origin}/t/{z}/{x}/{y}.png`], tileSize: 256, attribution: '© Test Tiles' } }, layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }] }),
      );
      return;
    }
    if (/^\/t\/\d+\/\d+\/\d+\.png$/.test(path)) return void response.writeHead(200, { 'content-type': 'image/png' }).end(tile);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { styleUrl: `${origin}/style.json`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
