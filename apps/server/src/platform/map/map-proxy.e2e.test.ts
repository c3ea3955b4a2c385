// The map proxy against a local stand-in for the tile provider (and for a geocoder): the browser is
// handed only this server's URLs, tiles are fetched once and then served from memory, nothing of the
// person reaches the provider, and only the configured provider's origins are ever fetched.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Server } from '../../composition.ts';
import { composeTestServer } from '../../../test/support/server.ts';
import { signInByEmail } from '../../../test/support/people.ts';

interface Seen { url: string; headers: IncomingMessage['headers'] }
let provider: HttpServer;
let origin = '';
const seen: Seen[] = [];

before(async () => {
  provider = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    const url = new URL(request.url ?? '/', origin);
    const json = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/style.json') return json({ version: 8, sources: { v: { type: 'vector', url: `${origin}/tiles.json` } }, sprite: `${origin}/sprite`, glyphs: `${origin}/fonts/{fontstack}/{range}.pbf`, layers: [] });
    if (url.pathname === '/tiles.json') return json({ tiles: [`${origin}/t/{z}/{x}/{y}.pbf`], attribution: '© Test Tiles' });
    if (url.pathname === '/t/1/2/3.pbf') return response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(Buffer.from([1, 2, 3, 4]));
    if (url.pathname === '/t/9/9/9.pbf') return response.writeHead(500).end('boom');
    if (url.pathname === '/search') return json([{ display_name: 'Times Square, New York', lat: '40.758', lon: '-73.9855' }, { display_name: 'bad', lat: 'x', lon: '1' }]);
    if (url.pathname === '/api') return json({ type: 'FeatureCollection', features: [{ geometry: { coordinates: [-3.7038, 40.4168] }, properties: { name: 'Puerta del Sol', city: 'Madrid', country: 'Spain' } }] });
    return response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => provider.close(() => resolve())));

describe('with a vector style', () => {
  let server: Server;
  before(async () => {
    server = await composeTestServer({ MAP_STYLE_URL: `${origin}/style.json`, GEOCODER_URL: `${origin}/search` });
    await server.app.ready();
  });
  after(async () => server?.stop('test over'));
  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers: { host: 'app.example:8443', ...headers } });
  const providerHost = () => origin.replace('http://', '');

  test('the style names only this server: sources, sprite and glyphs go through the proxy, templates kept', async () => {
    const answer = await get('/api/v1/map/style.json');
    assert.equal(answer.statusCode, 200, answer.body);
    assert.match(answer.headers['cache-control'] ?? '', /public, max-age=\d+/);
    const style = answer.json();
    assert.equal(style.sources.v.url, `http://app.example:8443/api/v1/map/p/${providerHost()}/tiles.json`);
    assert.equal(style.glyphs, `http://app.example:8443/api/v1/map/p/${providerHost()}/fonts/{fontstack}/{range}.pbf`);
    assert.doesNotMatch(answer.body, new RegExp(origin.replace(/[.:/]/g, '\\$&')), 'the provider’s own address is nowhere in it');
  });

  test('a TileJSON is rewritten too; a tile is fetched once, then served from memory with a day of caching', async () => {
    const tileJson = (await get(`/api/v1/map/p/${providerHost()}/tiles.json`)).json();
    assert.deepEqual(tileJson.tiles, [`http://app.example:8443/api/v1/map/p/${providerHost()}/t/{z}/{x}/{y}.pbf`]);
    const before = seen.filter((s) => s.url === '/t/1/2/3.pbf').length;
    for (let i = 0; i < 3; i++) {
      const tile = await get(`/api/v1/map/p/${providerHost()}/t/1/2/3.pbf`, { cookie: 'heyblue_refresh=secret', 'x-forwarded-for': '203.0.113.9', 'accept-language': 'es' });
      assert.equal(tile.statusCode, 200);
      assert.deepEqual([...tile.rawPayload], [1, 2, 3, 4]);
      assert.equal(tile.headers['cache-control'], 'public, max-age=86400');
    }
    const fetched = seen.filter((s) => s.url === '/t/1/2/3.pbf');
    assert.equal(fetched.length - before, 1, 'fetched once');
    const headers = fetched.at(-1)?.headers ?? {};
    assert.deepEqual([headers.cookie, headers['x-forwarded-for'], headers.referer], [undefined, undefined, undefined], 'nothing of the person is passed on');
    assert.notEqual(headers['accept-language'], 'es', 'not even their language');
    assert.equal(headers['user-agent'], 'HeyBlue-map-proxy/1');
  });

  test('anything not named by the configured basemap is not fetched; a failing provider is a 502 with a code', async () => {
    const elsewhere = await get('/api/v1/map/p/example.org/secret');
    assert.equal(elsewhere.statusCode, 404);
    assert.equal(elsewhere.json().error.code, 'PLATFORM_NOT_FOUND');
    assert.ok(!seen.some((s) => s.url.includes('secret')));
    const broken = await get(`/api/v1/map/p/${providerHost()}/t/9/9/9.pbf`);
    assert.equal(broken.statusCode, 502);
    assert.equal(broken.json().error.code, 'PLATFORM_MAP_UNAVAILABLE');
    assert.equal((await get(`/api/v1/map/p/${providerHost()}/t/0/0/0.pbf`)).statusCode, 404, 'a missing tile is missing');
  });

  test('address search: signed in only, on the configured geocoder, answers reduced to a label and a position', async () => {
    assert.equal((await get('/api/v1/map/geocode?q=times%20square')).statusCode, 401);
    const partner = await signInByEmail(server, 'partner@map.example', '10.77.0.1');
    const found = await server.app.inject({ method: 'GET', url: '/api/v1/map/geocode?q=times%20square&lang=es', headers: { authorization: `Bearer ${partner.token}` } });
    assert.equal(found.statusCode, 200, found.body);
    assert.deepEqual(found.json(), { places: [{ label: 'Times Square, New York', lat: 40.758, lon: -73.9855 }] });
    const asked = seen.findLast((s) => s.url.startsWith('/search'));
    assert.match(asked?.url ?? '', /q=times\+square.*limit=5.*format=jsonv2.*accept-language=es/);
    const short = await server.app.inject({ method: 'GET', url: '/api/v1/map/geocode?q=x', headers: { authorization: `Bearer ${partner.token}` } });
    assert.equal(short.statusCode, 400);
    assert.equal((await server.app.inject('/api/v1/meta')).json().geocoder, true);
  });
});

test('with the basemap off, a plain style; with raster tiles, a raster style through the proxy; Photon answers read', async () => {
  const off = await composeTestServer({ MAP_STYLE_URL: 'off' });
  try {
    const style = (await off.app.inject('/api/v1/map/style.json')).json();
    assert.deepEqual(Object.keys(style.sources), []);
    assert.equal(style.layers[0].type, 'background');
    assert.equal((await off.app.inject('/api/v1/meta')).json().geocoder, false);
  } finally {
    await off.stop('test over');
  }
  const raster = await composeTestServer({ MAP_TILE_URL: `${origin}/r/{z}/{x}/{y}.png`, MAP_TILE_ATTRIBUTION: '© Raster', GEOCODER_URL: `${origin}/api`, GEOCODER_KIND: 'photon' });
  try {
    const style = (await raster.app.inject({ method: 'GET', url: '/api/v1/map/style.json', headers: { host: '127.0.0.1:9' } })).json();
    assert.deepEqual(style.sources.basemap.tiles, [`http://127.0.0.1:9/api/v1/map/p/${origin.replace('http://', '')}/r/{z}/{x}/{y}.png`]);
    assert.equal(style.sources.basemap.attribution, '© Raster');
    const partner = await signInByEmail(raster, 'partner@photon.example', '10.77.0.2');
    const found = await raster.app.inject({ method: 'GET', url: '/api/v1/map/geocode?q=sol%20madrid', headers: { authorization: `Bearer ${partner.token}` } });
    assert.deepEqual(found.json(), { places: [{ label: 'Puerta del Sol, Madrid, Spain', lat: 40.4168, lon: -3.7038 }] });
  } finally {
    await raster.stop('test over');
  }
});
