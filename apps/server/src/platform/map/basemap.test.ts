import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AllowedOrigins, proxiedDocument, upstreamOf } from './basemap.ts';

const style = {
  version: 8,
  sources: { openmaptiles: { type: 'vector', url: 'https://tiles.openfreemap.org/planet' } },
  sprite: 'https://tiles.openfreemap.org/sprites/ofm_f384/ofm',
  glyphs: 'https://tiles.openfreemap.org/fonts/{fontstack}/{range}.pbf',
  layers: [{ id: 'water', type: 'fill', source: 'openmaptiles', 'source-layer': 'water', paint: { 'fill-color': 'rgb(158,189,255)' } }],
};

test('every upstream URL in a style points at the proxy, templates kept, and its origin is allowed', () => {
  const allowed = new AllowedOrigins();
  const proxied = proxiedDocument(style, 'http://127.0.0.1:8080', allowed) as typeof style;
  assert.equal(proxied.sources.openmaptiles.url, 'http://127.0.0.1:8080/api/v1/map/p/tiles.openfreemap.org/planet');
  assert.equal(proxied.glyphs, 'http://127.0.0.1:8080/api/v1/map/p/tiles.openfreemap.org/fonts/{fontstack}/{range}.pbf');
  assert.equal(proxied.sprite, 'http://127.0.0.1:8080/api/v1/map/p/tiles.openfreemap.org/sprites/ofm_f384/ofm');
  assert.deepEqual(proxied.layers, style.layers, 'colours and names are not URLs');
  assert.equal(allowed.originOf('tiles.openfreemap.org'), 'https://tiles.openfreemap.org');
  const tileJson = proxiedDocument({ tiles: ['https://tiles.openfreemap.org/planet/20250101/{z}/{x}/{y}.pbf'] }, 'https://app.example', allowed);
  assert.deepEqual(tileJson, { tiles: ['https://app.example/api/v1/map/p/tiles.openfreemap.org/planet/20250101/{z}/{x}/{y}.pbf'] });
});

test('a proxy path reaches only an allowed origin, and only that origin', () => {
  const allowed = new AllowedOrigins();
  allowed.allow('http://127.0.0.1:9999/style.json');
  assert.equal(upstreamOf({ host: '127.0.0.1:9999', rest: 'tiles/1/2/3.png', query: 'v=2' }, allowed), 'http://127.0.0.1:9999/tiles/1/2/3.png?v=2');
  assert.equal(upstreamOf({ host: 'evil.example', rest: 'x', query: '' }, allowed), undefined, 'not configured: not proxied');
  assert.equal(upstreamOf({ host: '127.0.0.1:9999', rest: '../../etc/passwd', query: '' }, allowed), 'http://127.0.0.1:9999/etc/passwd', 'dots stay on the origin');
  assert.equal(upstreamOf({ host: '127.0.0.1:9999', rest: '/evil.example/x', query: '' }, allowed), 'http://127.0.0.1:9999//evil.example/x', 'a double slash is a path on the same origin');
  assert.equal(upstreamOf({ host: '127.0.0.1:9999', rest: '@evil.example/x', query: '' }, allowed), 'http://127.0.0.1:9999/@evil.example/x');
  assert.equal(new AllowedOrigins().allow('file:///etc/passwd'), false);
  assert.equal(new AllowedOrigins().allow('javascript:alert(1)'), false);
});
