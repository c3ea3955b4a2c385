/**
 * Helpers for the connections browser tests: a real server whose verified officers and citizens were
 * seeded (and signed in) before it started, phone contexts that resume those sessions from the
 * refresh cookie, a fake camera that films a QR code, and a watch for an officer's coordinates.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { launchBrowser, resumeSession, watchForErrors } from './browser.ts';

/** A seeded account with a live session: the refresh token is unused, for one browser context to take. */
export interface SeededPerson {
  readonly email: string;
  readonly accountId: string;
  readonly role: 'citizen' | 'officer';
  /** A bearer token for calls from the test itself. */
  readonly accessToken: string;
  /** The `heyblue_refresh` cookie a browser context resumes the session with. */
  readonly refreshToken: string;
}

/** The running server (embedded database in its own data folder) and the people seeded into it. */
export interface SeededServer {
  readonly url: string;
  /** What the server printed so far (e.g. the first-admin link). */
  output(): string;
  readonly officers: readonly SeededPerson[];
  readonly citizens: readonly SeededPerson[];
  stop(): Promise<void>;
}

/** What a connections test file runs against. */
export interface ConnectionsStage {
  readonly server: SeededServer;
  readonly browser: Browser;
}

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Times Square, where the officer stands. */
export const timesSquare = { lat: 40.758, lon: -73.9855 } as const;

/** A point `metres` due north of `from`. */
export function north(from: { lat: number; lon: number }, metres: number): { lat: number; lon: number } {
  return { lat: from.lat + metres / 111_320, lon: from.lon };
}

/** A phone at 375×667 (iPhone SE size) whose browser reports `at` as its position. */
export function phoneAt(at: { lat: number; lon: number } | undefined): BrowserContextOptions {
  return {
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
    serviceWorkers: 'block',
    ...(at ? { permissions: ['geolocation'], geolocation: { latitude: at.lat, longitude: at.lon, accuracy: 10 } } : {}),
  };
}

/**
 * Registers hooks that seed `officers` verified officers and `citizens` citizens, start the server and a
 * browser, and wait until connections knows the officers (identity's event reaches it through the relay).
 */
export function useConnectionsStage(people: { officers: number; citizens: number }, env: () => Record<string, string> = () => ({})): ConnectionsStage {
  let server: SeededServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [server, browser] = await Promise.all([startSeededServer(people, undefined, env()), launchBrowser()]);
    await waitForOfficers(server);
  }, { timeout: 120_000 });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet');
      return browser;
    },
  };
}

/** One line of the sessions file `heyblue seed` writes. */
export interface SeededSession {
  readonly email: string;
  readonly accountId: string;
  readonly role: 'citizen' | 'officer';
  readonly refreshToken: string;
}

/**
 * Seeds with the operator's CLI (`heyblue seed --sessions-file`) into a fresh data folder, then serves
 * it. The seeded access tokens name the CLI's default public URL as issuer, so each session is
 * refreshed once against the running server: that gives a usable access token and a fresh refresh cookie.
 */
export async function startSeededServer(
  people: { officers: number; citizens: number },
  /** Runs after seeding and before serving (the data folder is free then), e.g. to grant points. */
  prepare?: (seeded: { dataDir: string; env: NodeJS.ProcessEnv; sessions: readonly SeededSession[] }) => Promise<void>,
  /** Settings for the server (e.g. MAP_STYLE_URL of a local tile server). */
  settings: Record<string, string> = {},
): Promise<SeededServer> {
  const folder = await mkdtemp(join(tmpdir(), 'heyblue-connections-test-'));
  const dataDir = join(folder, 'data');
  const sessionsFile = join(folder, 'sessions.jsonl');
  // No basemap from the internet unless a test brings its own tile server.
  const env = { ...serverEnv(process.env), NODE_ENV: 'development', MAP_STYLE_URL: 'off', ...settings };
  const seeding = spawn(
    process.execPath,
    ['apps/server/src/main.ts', 'seed', '--officers', String(people.officers), '--citizens', String(people.citizens), '--prefix', 'browser', '--sessions-file', sessionsFile, '--data-dir', dataDir],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const seedOutput = collect(seeding.stdout, seeding.stderr);
  const seeded = await new Promise<number | null>((resolve) => seeding.once('exit', resolve));
  assert.equal(seeded, 0, `heyblue seed failed:\n${seedOutput()}`);
  const sessions = (await readFile(sessionsFile, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as SeededSession);
  await prepare?.({ dataDir, env, sessions });

  const serving = spawn(process.execPath, ['apps/server/src/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(serving.stdout, serving.stderr);
  const exited = new Promise<void>((resolve) => serving.once('exit', () => resolve()));
  const stop = async () => {
    if (serving.exitCode === null && serving.signalCode === null) {
      serving.kill('SIGTERM');
      const timer = setTimeout(() => serving.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(folder, { recursive: true, force: true });
  };
  const url = await listeningUrl(output, exited).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  const everyone: SeededPerson[] = [];
  for (const session of sessions) {
    everyone.push({ email: session.email, accountId: session.accountId, role: session.role, ...(await refreshed(url, session.refreshToken)) });
  }
  const seededServer: SeededServer = {
    url,
    output,
    officers: everyone.filter((person) => person.role === 'officer'),
    citizens: everyone.filter((person) => person.role === 'citizen'),
    stop,
  };
  await waitForProfiles(seededServer);
  return seededServer;
}

/** The browser tests run the server embedded, even when CI sets the distributed-mode URLs for other tests. */
function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _database, NATS_URL: _nats, KEYS: _keys, ...rest } = env;
  return rest;
}

function collect(...streams: NodeJS.ReadableStream[]): () => string {
  let text = '';
  for (const stream of streams) {
    stream.on('data', (chunk: Buffer) => {
      text = (text + chunk.toString()).slice(-200_000);
    });
  }
  return () => text;
}

async function listeningUrl(output: () => string, exited: Promise<void>): Promise<string> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = /listening on (https?:\/\/[^\s"]+)/.exec(output());
    if (match?.[1]) return match[1].replace(/\/$/, '');
    if (gone) throw new Error(`the server exited before listening:\n${output().slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`the server did not listen within 60 s:\n${output().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function refreshed(url: string, refreshToken: string): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await fetch(`${url}/api/v1/auth/refresh`, { method: 'POST', headers: { accept: 'application/json', cookie: `heyblue_refresh=${refreshToken}` } });
  assert.equal(response.status, 200, `a seeded session refreshes: ${await response.clone().text()}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  const cookie = /heyblue_refresh=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  assert.ok(cookie, 'the refresh answer sets a new refresh cookie');
  return { accessToken, refreshToken: cookie };
}

/** Connections learns that someone is a verified officer from identity's event, relayed shortly after start. */
/** Waits until profiles has given every seeded person their made-up name (its consumer runs after the server starts). */
async function waitForProfiles(server: SeededServer): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (const person of [...server.officers, ...server.citizens]) {
    for (;;) {
      // The public profile: reading one's own before the event would create it unwelcomed.
      const response = await fetch(`${server.url}/api/v1/profiles/${person.accountId}`, { headers: { accept: 'application/json' } });
      const body = response.ok ? ((await response.json()) as { displayName?: string }) : undefined;
      if (body?.displayName && !body.displayName.startsWith('Neighbour ')) break;
      if (Date.now() > deadline) assert.fail(`profiles never named ${person.email} (last answer ${response.status})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function waitForOfficers(server: SeededServer): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (const officer of server.officers) {
    for (;;) {
      const response = await api(server, officer, 'GET', '/api/v1/connections/availability');
      if (response.status === 200) break;
      if (Date.now() > deadline) assert.fail(`connections never learnt that ${officer.email} is an officer (last answer ${response.status})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** One API call as `person`, from the test (not from a page). */
export async function api(server: SeededServer, person: SeededPerson, method: 'GET' | 'POST' | 'DELETE', path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, { method, headers: { accept: 'application/json', authorization: `Bearer ${person.accessToken}` } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A phone of `person` signed in through their refresh cookie, on the home page, with its errors collected. */
export async function openHome(
  browser: Browser,
  server: SeededServer,
  person: SeededPerson,
  at: { lat: number; lon: number } | undefined,
  /** Called with the page before it loads, to watch it from its first request. */
  onPage: (page: Page) => void = () => {},
): Promise<Phone> {
  const context = await browser.newContext({
    ...phoneAt(at),
    storageState: {
      cookies: [{ name: 'heyblue_refresh', value: person.refreshToken, domain: new URL(server.url).hostname, path: '/api/v1/auth', expires: -1, httpOnly: true, secure: false, sameSite: 'Strict' }],
      // The app asks the server for a session only when this browser has held one.
      origins: [{ origin: server.url, localStorage: [{ name: 'heyblue.session.present', value: '1' }] }],
    },
  });
  // Well inside a test's minute, so a missing element fails with its own message.
  // Generous: CI runs two browser suites side by side with the server tests on 2 cores.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  onPage(page);
  const gps = at ? tickingGps(context, at) : undefined;
  await resumeSession(page, () => page.goto(`${server.url}/`));
  return {
    context,
    page,
    errors,
    moveTo: (point) => {
      assert.ok(gps, 'this phone was opened without a position');
      return gps.moveTo(point);
    },
  };
}

/** A phone in a test: its browser context and page, the errors it logged, and its GPS. */
export interface Phone {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  /** The phone walks to `point`: its next fix reports it there. */
  moveTo(point: { lat: number; lon: number }): Promise<void>;
}

/** How often a phone's GPS reports a fresh fix of where it stands. */
const gpsTickMs = 10_000;

/**
 * A phone's GPS as a real one behaves: a fresh fix every few seconds. Chromium's emulated position keeps
 * the time it was set, and the server refuses fixes over a minute old, so on a busy machine a long test
 * would otherwise stop being seen where it stands.
 */
function tickingGps(context: BrowserContext, start: { lat: number; lon: number }): { moveTo(point: { lat: number; lon: number }): Promise<void> } {
  let where = start;
  const report = () => context.setGeolocation({ latitude: where.lat, longitude: where.lon, accuracy: 10 });
  const tick = setInterval(() => void report().catch(() => {}), gpsTickMs);
  tick.unref();
  context.on('close', () => clearInterval(tick));
  return {
    moveTo: (point) => {
      where = point;
      return report();
    },
  };
}

/**
 * A Y4M video (what Chromium's fake camera plays in a loop) showing the QR code of `text` dark on
 * white with a quiet zone, as a phone held up to the other phone's screen would see it.
 */
export function qrVideo(text: string, width = 640, height = 480, frames = 3): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const side = modules.size + 2 * quiet;
  const scale = Math.floor((Math.min(width, height) - 40) / side);
  const left = Math.floor((width - side * scale) / 2);
  const top = Math.floor((height - side * scale) / 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (top + (row + quiet) * scale + y) * width + left + (col + quiet) * scale;
        luma.fill(0, start, start + scale);
      }
    }
  }
  // 4:2:0: a chroma plane is a quarter of the picture; 128 is no colour.
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]);
}

/** A Chromium whose camera films the QR code of `text` (Chromium's fake capture device fed from a file). */
export async function launchBrowserFilming(text: string): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'heyblue-camera-'));
  const video = join(folder, 'qr.y4m');
  await writeFile(video, qrVideo(text));
  const browser = await chromium.launch({
    executablePath,
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  return {
    browser,
    async close() {
      await browser.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** One place where a watched coordinate showed up. */
export interface Sighting {
  /** `websocket <type>` for a socket message, `GET /path` for an HTTP answer, or `the page`. */
  readonly where: string;
  /** Whether it was seen after `allowFromNow()`. */
  readonly allowed: boolean;
  readonly excerpt: string;
}

/**
 * Watches everything a page receives (HTTP answers, websocket messages) and what it shows for the
 * exact latitude or longitude of any of `points`. `allowFromNow()` marks the moment after which seeing
 * them may be expected (the meet period after an officer accepts); `sightings()` waits for bodies
 * still being read.
 */
export function watchForCoordinates(page: Page, points: ReadonlyArray<{ lat: number; lon: number }>) {
  const found: Sighting[] = [];
  const reading: Array<Promise<void>> = [];
  const watched = points.flatMap((point) => [point.lat, point.lon]);
  let allowed = false;
  const check = (where: string, text: string, allowedNow: boolean) => {
    for (const match of text.matchAll(/-?\d+\.\d+/g)) {
      if (!watched.some((value) => Math.abs(Number(match[0]) - value) < 1e-9)) continue;
      found.push({ where, allowed: allowedNow, excerpt: text.slice(Math.max(0, match.index - 80), match.index + 40) });
    }
  };
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload);
      check(`websocket ${/^\{"type":"([^"]+)"/.exec(text)?.[1] ?? 'message'}`, text, allowed);
    });
  });
  page.on('response', (response) => {
    const allowedNow = allowed;
    reading.push(
      response.text().then(
        (text) => check(`${response.request().method()} ${new URL(response.url()).pathname}`, text, allowedNow),
        () => {
          // Bodies of redirects and aborted requests cannot be read; they carry no data.
        },
      ),
    );
  });
  return {
    allowFromNow() {
      allowed = true;
    },
    /** Also searches what the page shows now (its DOM, including attributes). */
    async sightings(): Promise<Sighting[]> {
      await Promise.all(reading);
      check('the page', await page.content(), allowed);
      return [...found];
    },
  };
}
