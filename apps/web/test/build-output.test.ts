// What a production build leaves for the server to serve: every text file also compressed (brotli and
// gzip, decoding to the same bytes), no source maps among them (they go to sourcemaps/ beside dist/,
// and no script points at one), and no inline script the page's CSP would have to allow.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const web = path.resolve(import.meta.dirname, '..');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heyblue-build-'));
const dist = path.join(folder, 'dist');
process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));

/** Smaller files are sent as they are: a compressed copy would save less than its headers cost. */
const smallestBytes = 1024;
const isSmall = (file: string): boolean => fs.statSync(path.join(dist, file)).size < smallestBytes;

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

before(() => {
  const vite = path.resolve(web, '../../node_modules/vite/bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: web, encoding: 'utf8' });
  assert.equal(build.status, 0, `vite build failed:\n${build.stdout}\n${build.stderr}`);
}, { timeout: 180_000 });

test('every script, stylesheet and the service worker (1 KB or more) has a brotli and a gzip copy that decode to it', () => {
  const texts = filesUnder(dist).filter((file) => /\.(?:js|mjs|css)$/.test(file) && !isSmall(file));
  assert.ok(texts.some((file) => file.startsWith('assets/') && file.endsWith('.js')), 'the build has hashed scripts');
  assert.ok(texts.includes('sw.js'), 'the build has a service worker');
  for (const file of texts) {
    const body = fs.readFileSync(path.join(dist, file));
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(dist, `${file}.br`))), body, `${file}.br`);
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(dist, `${file}.gz`))), body, `${file}.gz`);
  }
});

test('source maps are kept beside the build, not in it, and no script names one', () => {
  assert.deepEqual(filesUnder(dist).filter((file) => file.endsWith('.map')), []);
  const maps = filesUnder(path.join(folder, 'sourcemaps'));
  const scripts = filesUnder(dist).filter((file) => file.startsWith('assets/') && file.endsWith('.js'));
  assert.ok(scripts.some((script) => /^assets\/app-[\w-]+\.js$/.test(script) && maps.includes(`${script}.map`)), 'the app’s own chunk has its map');
  assert.deepEqual(maps.filter((map) => !scripts.includes(map.replace(/\.map$/, ''))), [], 'maps of scripts the build does not have');
  for (const script of scripts) assert.doesNotMatch(fs.readFileSync(path.join(dist, script), 'utf8'), /sourceMappingURL/, script);
});

test('index.html loads scripts by address only: nothing inline for the CSP to allow', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length > 0, 'index.html loads the app');
  for (const [whole, attributes, body] of scripts) {
    assert.match(attributes ?? '', /\bsrc="\/assets\//, whole);
    assert.equal(body?.trim(), '', whole);
  }
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
});

test('the script that fetches the translation early loads beside the app’s, not after it', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const early = /<script type="module" async crossorigin src="\/(assets\/early-translation-[\w-]+\.js)">/.exec(html)?.[1];
  assert.ok(early, 'index.html loads the early-translation script, async');
  const imports = [...fs.readFileSync(path.join(dist, early), 'utf8').matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)].map((match) => `assets/${match[1]}`);
  assert.deepEqual(imports.filter((file) => /^assets\/app-/.test(file)), [], 'it imports nothing of the app’s chunk');
  const bytes = imports.reduce((sum, file) => sum + fs.statSync(path.join(dist, file)).size, 0);
  assert.ok(bytes < 4096, `what it imports is small (${bytes} bytes: ${imports.join(', ')})`);
});
