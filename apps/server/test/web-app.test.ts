// How the server hands out the built web app: compressed copies the build made, a year of caching for
// files whose names carry their hash, never for index.html or the service worker, and no source maps.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Server } from '../src/composition.ts';
import { tempDir } from './support/config.ts';
import { composeTestServer } from './support/server.ts';

const script = `console.log(${JSON.stringify('Hey Blue! '.repeat(200))});\n`;
const hashed = '/assets/index-Ab12Cd34.js';

/** A build as `vite build` leaves it: an asset with its .br and .gz, index.html, the service worker, and a stray map. */
function writeBuild(): string {
  const dist = tempDir('heyblue-web-dist-');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Hey Blue!</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>');
  fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(dist, hashed), script);
  fs.writeFileSync(path.join(dist, `${hashed}.br`), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(dist, `${hashed}.gz`), zlib.gzipSync(script));
  fs.writeFileSync(path.join(dist, `${hashed}.map`), JSON.stringify({ version: 3, sources: ['src/main.tsx'], sourcesContent: ['secret source'], mappings: '' }));
  return dist;
}

/** Low, so the test can see it (the other tests here make fewer requests from their address). */
const ratePerMinute = 10;

let server: Server;
before(async () => {
  server = await composeTestServer({ WEB_DIST_DIR: writeBuild(), RATE_LIMIT_PER_MINUTE: String(ratePerMinute) });
});
after(async () => {
  await server.stop('test over');
});

describe('hashed assets', () => {
  test('a client that accepts brotli gets the brotli copy, cached for a year', async () => {
    const response = await server.app.inject({ method: 'GET', url: hashed, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-encoding'], 'br');
    assert.match(String(response.headers['content-type']), /javascript/);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(response.headers['vary']), /accept-encoding/i);
    assert.ok(response.rawPayload.length < script.length / 5, `${response.rawPayload.length} bytes sent for ${script.length}`);
    assert.equal(zlib.brotliDecompressSync(response.rawPayload).toString(), script);
  });

  test('a client that accepts only gzip gets the gzip copy', async () => {
    const response = await server.app.inject({ method: 'GET', url: hashed, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(response.rawPayload).toString(), script);
  });

  test('a client that accepts no compression gets the file as it is', async () => {
    const response = await server.app.inject({ method: 'GET', url: hashed, headers: { 'accept-encoding': 'identity' } });
    assert.equal(response.headers['content-encoding'], undefined);
    assert.equal(response.body, script);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
  });
});

describe('files that change between versions', () => {
  for (const [what, url] of [
    ['index.html at /', '/'],
    ['index.html for a client route', '/dashboard/organisations'],
    ['the service worker', '/sw.js'],
  ] as const) {
    test(`${what} must be revalidated (no-cache)`, async () => {
      const response = await server.app.inject({ method: 'GET', url, headers: { accept: 'text/html,*/*', 'accept-encoding': 'br' } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-cache');
    });
  }

  test('the page allows scripts from its own origin only: no inline scripts, no eval', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    const scriptSrc = /script-src ([^;]+)/.exec(String(response.headers['content-security-policy']))?.[1];
    assert.equal(scriptSrc, "'self'");
  });
});

describe('the request rate limit', () => {
  test('counts API calls but not hashed files, which a service worker fetches by the dozen', async () => {
    // Each test's requests come from their own address, so earlier tests spend nothing of this allowance.
    const fromPhone = { remoteAddress: '203.0.113.7' };
    for (let i = 0; i < ratePerMinute * 3; i++) {
      const asset = await server.app.inject({ method: 'GET', url: hashed, headers: { 'accept-encoding': 'br' }, ...fromPhone });
      assert.equal(asset.statusCode, 200, `hashed file #${i + 1}`);
    }
    const answers = [];
    for (let i = 0; i <= ratePerMinute; i++) answers.push((await server.app.inject({ method: 'GET', url: '/api/v1/meta', ...fromPhone })).statusCode);
    assert.deepEqual(answers, [...Array.from({ length: ratePerMinute }, () => 200), 429]);
  });
});

describe('what is never served', () => {
  for (const accept of ['*/*', 'text/html']) {
    test(`a source map is not found (Accept: ${accept})`, async () => {
      const response = await server.app.inject({ method: 'GET', url: `${hashed}.map`, headers: { accept } });
      assert.equal(response.statusCode, 404);
      assert.doesNotMatch(response.body, /secret source/);
    });
  }

  test('a compressed copy is not a file of its own', async () => {
    const response = await server.app.inject({ method: 'GET', url: `${hashed}.br` });
    assert.equal(response.statusCode, 404);
  });
});
