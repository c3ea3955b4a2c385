// The citizen's home and /dashboard loaded cold on a slow phone: Chromium throttled like Lighthouse's
// slow 4G (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) with the CPU 4× slower, a fresh browser
// context each load (empty cache, no service worker yet), signed in as a seeded citizen, against a
// production build of the web app served by a real server. Figures per page (median of BENCH_RUNS):
// first contentful paint, largest contentful paint, ready (the page's own content shown and usable; a
// splash or a spinner does not count) and the JavaScript received by then, gzipped. Anchor, same run,
// same throttling: a static page with one line of text (what the network and the browser cost alone).
// Targets for the home: FCP ≤ 2,000 ms, ready ≤ 3,000 ms, initial JS ≤ 150 KB gzipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { dashboardReady, gzippedKb, homeReady, signedInContext, watchPageLoad, type PageLoad, type ReadyWhen } from '../apps/web/test/support/page-load.ts';
import { readSessions } from '../tools/simulate/sessions.ts';
import { freePort, seedAccounts, startServer } from '../tools/simulate/server-process.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 4);
/** A build to serve instead of building one (e.g. `apps/web/dist`). */
const PREBUILT = process.env.BENCH_WEB_DIST;
/** Also print each load's requests with their start and end (ms from the navigation's start). */
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const network = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 };
const targets = { homeFirstContentfulPaintMs: 2000, homeReadyMs: 3000, homeInitialJsKbGzip: 150 };
const root = path.resolve(import.meta.dirname, '..');
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** A phone (iPhone 12–15 size), as the browser tests use. */
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-US' } as const;

const started = Date.now();
const say = (line: string): void => console.log(`[${String(Math.round((Date.now() - started) / 1000)).padStart(3)} s] ${line}`);
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const loadAverage = (): number => Number(os.loadavg()[0]?.toFixed(2));

/** Builds the web app for production into a folder of the bench's own (the working tree's dist is left alone). */
function build(folder: string): string {
  if (PREBUILT) return path.resolve(PREBUILT);
  const outDir = path.join(folder, 'dist');
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'], { cwd: path.join(root, 'apps/web'), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
  return outDir;
}

/** A fresh context holding the citizen's refresh cookie, throttled; its page measured until `ready`. */
async function coldLoad(browser: Browser, url: string, refreshToken: string, ready: ReadyWhen): Promise<{ load: PageLoad; refreshToken: string }> {
  const { context, refreshedToken } = await signedInContext(browser, url, refreshToken, phone);
  try {
    const load = await throttledLoad(context, url, ready);
    return { load, refreshToken: await refreshedToken() };
  } finally {
    await context.close();
  }
}

async function throttledLoad(context: BrowserContext, url: string, ready: ReadyWhen): Promise<PageLoad> {
  const watch = await watchPageLoad(context, ready, { timeoutMs: 120_000, settleMs: 1500 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: network.latencyMs,
    downloadThroughput: (network.downloadKbps * 1000) / 8,
    uploadThroughput: (network.uploadKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(url, { waitUntil: 'commit' });
  return watch.measure(page);
}

/** The anchor: one line of text and nothing else, served from this process. */
async function staticPage(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Hey Blue!</title></head><body><h1 id="ready">Good to see you</h1></body></html>');
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function anchorLoads(browser: Browser): Promise<PageLoad[]> {
  const page = await staticPage();
  try {
    const loads: PageLoad[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ ...phone, serviceWorkers: 'block' });
      loads.push(await throttledLoad(context, page.url, { all: ['#ready'] }).finally(() => context.close()));
    }
    return loads;
  } finally {
    await page.close();
  }
}

/** A page's figures over its runs: medians, the worst ready, and the scripts of its last load. */
async function summary(runs: readonly PageLoad[]) {
  const last = runs.at(-1);
  return {
    FirstContentfulPaintMs: Math.round(median(runs.map((r) => r.firstContentfulPaintMs ?? NaN))),
    LargestContentfulPaintMs: Math.round(median(runs.map((r) => r.largestContentfulPaintMs ?? NaN))),
    ReadyMs: Math.round(median(runs.map((r) => r.readyMs))),
    ReadyMsWorst: Math.round(Math.max(...runs.map((r) => r.readyMs))),
    InitialJsKbGzip: last ? await gzippedKb(last.scripts) : NaN,
    InitialJsKbTransferred: last ? Math.round(last.scripts.reduce((sum, s) => sum + s.encodedBytes, 0) / 102.4) / 10 : NaN,
  };
}

/** `{ ReadyMs: 1 }` named for `home` → `{ homeReadyMs: 1 }`. */
function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`${prefix}${name}`, value]));
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-web-'));
const loadAtStart = loadAverage();
say(PREBUILT ? `serving the build in ${PREBUILT}` : 'building the web app for production …');
const dist = build(folder);
const dataDir = path.join(folder, 'data');
fs.mkdirSync(dataDir);
const port = await freePort();
say('seeding a signed-in citizen …');
const [citizen] = readSessions(seedAccounts({ dataDir, port, citizens: 1, officers: 0, prefix: 'webbench' }));
if (!citizen) throw new Error('the seed wrote no session');
const server = await startServer({ dataDir, port, env: { WEB_DIST_DIR: dist } });
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const pages = [
  { name: 'home', path: '/', ready: homeReady },
  { name: 'dashboard', path: '/dashboard', ready: dashboardReady },
] as const;
const loads: Record<(typeof pages)[number]['name'], PageLoad[]> = { home: [], dashboard: [] };
const loadDuring: number[] = [];
try {
  let refreshToken = citizen.refreshToken;
  for (let run = 0; run < RUNS; run++) {
    for (const { name, path: pagePath, ready } of pages) {
      const result = await coldLoad(browser, `${server.url}${pagePath}`, refreshToken, ready);
      refreshToken = result.refreshToken;
      loads[name].push(result.load);
      loadDuring.push(loadAverage());
      say(`${name} #${run + 1}: FCP ${Math.round(result.load.firstContentfulPaintMs ?? NaN)} ms, LCP ${Math.round(result.load.largestContentfulPaintMs ?? NaN)} ms, ready ${Math.round(result.load.readyMs)} ms, ${result.load.scripts.length} scripts (load average ${loadAverage()})`);
      if (VERBOSE) for (const request of result.load.waterfall) console.log(`        ${String(request.startMs).padStart(5)} → ${String(request.endMs).padStart(5)} ms  ${request.path}`);
    }
  }
  const anchors = await anchorLoads(browser);
  say(`anchor (static page): FCP ${anchors.map((a) => Math.round(a.firstContentfulPaintMs ?? NaN)).join(', ')} ms`);

  const home = await summary(loads.home);
  const dashboard = await summary(loads.dashboard);
  const figures = { ...prefixed('home', home), ...prefixed('dashboard', dashboard) };
  const anchorFcp = Math.round(median(anchors.map((a) => a.firstContentfulPaintMs ?? NaN)));
  const met = home.FirstContentfulPaintMs <= targets.homeFirstContentfulPaintMs && home.ReadyMs <= targets.homeReadyMs && home.InitialJsKbGzip <= targets.homeInitialJsKbGzip;
  say(`home: FCP ${home.FirstContentfulPaintMs} ms, ready ${home.ReadyMs} ms, ${home.InitialJsKbGzip} KB of JS gzipped — targets ${met ? 'met' : 'missed'}`);
  console.log(
    JSON.stringify({
      bench: 'web',
      figures,
      anchors: { staticPageFirstContentfulPaintMs: anchorFcp },
      ratios: { homeFirstContentfulPaintVsStaticPage: Number((home.FirstContentfulPaintMs / anchorFcp).toFixed(2)) },
      targets,
      setup: { runs: RUNS, cpuSlowdown: CPU_SLOWDOWN, network, scriptsAtReady: { home: loads.home.at(-1)?.scripts.length, dashboard: loads.dashboard.at(-1)?.scripts.length }, build: PREBUILT ?? 'fresh production build', chromium: browser.version(), loadAverage: { atStart: loadAtStart, duringRuns: [Math.min(...loadDuring), Math.max(...loadDuring)] }, node: process.version },
    }),
  );
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(folder, { recursive: true, force: true });
}
