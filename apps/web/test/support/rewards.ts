/**
 * Helpers for the rewards browser tests: a seeded server whose people received points before it
 * started, the first admin, approved partner organisations (a shop, a municipality, a charity),
 * sessions made by emailed codes, and phones or desktops signed in as anyone.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { desktop, launchBrowser, phone, resumeSession, watchForErrors } from './browser.ts';
import { startSeededServer } from './connections.ts';
import type { SeededPerson, SeededServer, SeededSession } from './connections.ts';
import { latestCode, outbox } from './sign-in.ts';

/** Someone signed in: a bearer token for the test's own calls and an unused refresh cookie for one browser. */
export interface Session {
  readonly email: string;
  readonly accountId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** An approved partner organisation and the email of its owner. */
export interface Partner {
  readonly organisationId: string;
  readonly name: string;
  readonly ownerEmail: string;
  /** The owner's session from setting up, for the test's own calls. */
  readonly owner: Session;
}

/** What a rewards test file runs against. */
export interface RewardsWorld {
  readonly server: SeededServer;
  readonly admin: Session;
  readonly shop: Partner;
  readonly town: Partner;
  readonly charity: Partner;
}

export interface RewardsStage {
  readonly world: RewardsWorld;
  readonly browser: Browser;
}

/** Points each seeded person receives before the server starts, by position in their list. */
export interface Grants {
  readonly citizens?: readonly number[];
  readonly officers?: readonly number[];
}

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');

/**
 * Registers hooks that seed officers and citizens, grant their points, start the server and a
 * browser, then make the first admin and three approved partners (a shop, a municipality, a charity);
 * `furnish` then adds what the file's tests share (offers, causes).
 */
export function useRewardsStage(people: { officers: number; citizens: number }, grants: Grants, furnish: (world: RewardsWorld) => Promise<void> = async () => {}): RewardsStage {
  let world: RewardsWorld | undefined;
  let browser: Browser | undefined;
  before(
    async () => {
      // Both are kept even when the other fails, so `after` can close what did start (a browser left
      // open would keep the test process alive).
      const [started, launched] = await Promise.allSettled([startRewardsWorld(people, grants), launchBrowser()]);
      if (launched.status === 'fulfilled') browser = launched.value;
      if (started.status === 'fulfilled') world = started.value;
      if (started.status === 'rejected') throw started.reason;
      if (launched.status === 'rejected') throw launched.reason;
      await furnish(started.value);
    },
    { timeout: 240_000 },
  );
  after(async () => {
    await browser?.close();
    await world?.server.stop();
  });
  return {
    get world() {
      if (!world) throw new Error('the rewards world is not set up yet');
      return world;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet');
      return browser;
    },
  };
}

/** Seeds, grants, serves, and sets up the admin and the partners. */
export async function startRewardsWorld(people: { officers: number; citizens: number }, grants: Grants): Promise<RewardsWorld> {
  const server = await startSeededServer(people, (seeded) => grantPoints(seeded, grants));
  try {
    return await setUpPartners(server);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Credits the seeded people in one process (`grant-points.ts`), before the server holds the data folder. */
async function grantPoints(seeded: { dataDir: string; env: NodeJS.ProcessEnv; sessions: readonly SeededSession[] }, grants: Grants): Promise<void> {
  const pairs: string[] = [];
  for (const role of ['citizen', 'officer'] as const) {
    const people = seeded.sessions.filter((session) => session.role === role);
    const points = (role === 'citizen' ? grants.citizens : grants.officers) ?? [];
    points.forEach((amount, index) => {
      const person = people[index];
      assert.ok(person, `there is a seeded ${role} number ${index}`);
      if (amount > 0) pairs.push(`${person.accountId}:${amount}`);
    });
  }
  if (pairs.length === 0) return;
  const child = spawn(process.execPath, ['apps/web/test/support/grant-points.ts', '--data-dir', seeded.dataDir, ...pairs], { cwd: repoRoot, env: seeded.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 0, `granting points failed:\n${output.slice(-4000)}`);
}

/** One JSON call to the API as the holder of `token` (none for the public endpoints). */
export async function call(server: { url: string }, token: string | undefined, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

/** A field of a JSON answer, checked to be an object. */
export function field(body: unknown, name: string): Record<string, unknown> {
  assert.ok(typeof body === 'object' && body !== null && name in body, `the answer has ${name}: ${JSON.stringify(body)}`);
  const value: unknown = (body as Record<string, unknown>)[name];
  assert.ok(typeof value === 'object' && value !== null);
  return value as Record<string, unknown>;
}

function sessionOf(email: string, body: unknown, setCookie: string | null): Session {
  const refreshToken = /heyblue_refresh=([^;]+)/.exec(setCookie ?? '')?.[1];
  assert.ok(refreshToken, 'signing in sets the refresh cookie');
  const signedIn = body as { accessToken?: unknown; account?: { id?: unknown } };
  assert.ok(typeof signedIn.accessToken === 'string' && typeof signedIn.account?.id === 'string');
  return { email, accountId: signedIn.account.id, accessToken: signedIn.accessToken, refreshToken };
}

/** A new session for `email` (a new account if there is none) through an emailed code from the dev outbox. */
export async function newSession(server: { url: string }, email: string): Promise<Session> {
  const seen = (await outbox(server.url)).filter((m) => m.to === email).map((m) => /(?<!\d)\d{6}(?!\d)/.exec(m.text)?.[0] ?? '');
  const started = await call(server, undefined, 'POST', '/api/v1/auth/codes', { channel: 'email', address: email });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const { challengeId } = started.body as { challengeId: string };
  const code = await latestCode(server.url, email, seen);
  const response = await fetch(`${server.url}/api/v1/auth/codes/${challengeId}/verify`, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  assert.equal(response.status, 200, await response.clone().text());
  return sessionOf(email, await response.json(), response.headers.get('set-cookie'));
}

/** Redeems the first-admin link the fresh server printed, for `email`. */
async function firstAdmin(server: SeededServer, email: string): Promise<Session> {
  const deadline = Date.now() + 10_000;
  let token: string | undefined;
  while (!token) {
    token = /\/setup\/([A-Za-z0-9_-]{20,})/.exec(server.output())?.[1];
    if (!token && Date.now() > deadline) assert.fail(`the server printed no first-admin link:\n${server.output().slice(0, 2000)}`);
    if (!token) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const response = await fetch(`${server.url}/api/v1/auth/first-admin`, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify({ token, email }) });
  assert.equal(response.status, 200, await response.clone().text());
  return sessionOf(email, await response.json(), response.headers.get('set-cookie'));
}

/** An owner asks for an organisation, the admin approves it, and the test waits until Rewards knows it. */
async function approvedPartner(server: SeededServer, admin: Session, type: 'retailer' | 'municipality' | 'charity', name: string, ownerEmail: string): Promise<Partner> {
  const owner = await newSession(server, ownerEmail);
  const requested = await call(server, owner.accessToken, 'POST', '/api/v1/organisations', { type, name });
  assert.equal(requested.status, 201, JSON.stringify(requested.body));
  const organisationId = (requested.body as { id: string }).id;
  const decided = await call(server, admin.accessToken, 'POST', `/api/v1/admin/organisations/${organisationId}/decision`, { approve: true });
  assert.equal(decided.status, 204, JSON.stringify(decided.body));
  // Rewards hears of the approval through the outbox relay, a moment later.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const summary = await call(server, owner.accessToken, 'GET', `/api/v1/rewards/organisations/${organisationId}/summary`);
    if (summary.status === 200) break;
    if (Date.now() > deadline) assert.fail(`rewards never learnt of ${name} (last answer ${summary.status})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { organisationId, name, ownerEmail, owner };
}

async function setUpPartners(server: SeededServer): Promise<RewardsWorld> {
  const admin = await firstAdmin(server, 'admin@rewards.example.com');
  const [shop, town, charity] = await Promise.all([
    approvedPartner(server, admin, 'retailer', 'Corner Café', 'owner@corner-cafe.example.com'),
    approvedPartner(server, admin, 'municipality', 'City of Springfield', 'parks@springfield.example.gov'),
    approvedPartner(server, admin, 'charity', 'Harbour Food Bank', 'hello@harbour-food.example.org'),
  ]);
  return { server, admin, shop, town, charity };
}

/** What an offer is created with in these tests, unless a test says otherwise. */
export function offerInput(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: 'Free coffee', description: 'Any hot drink, any size.', category: 'food-drink', pricePoints: 120, stock: 10, perUserLimit: 2, endsAt: null, locations: [{ name: 'Corner Café', lat: 40.7585, lon: -73.9851 }], voucherValidDays: 30, ...changes };
}

/** Publishes an offer for a partner through the API; answers the offer's id. */
export async function createOffer(world: RewardsWorld, partner: Partner, input: Record<string, unknown>): Promise<string> {
  const created = await call(world.server, partner.owner.accessToken, 'POST', `/api/v1/rewards/organisations/${partner.organisationId}/offers`, input);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return String(field(created.body, 'offer')['id']);
}

/** Opens a cause for the charity through the API; answers its id. */
export async function createCause(world: RewardsWorld, input: { kind: 'cause' | 'family'; title: string; description: string; goalPoints: number | null }): Promise<string> {
  const created = await call(world.server, world.charity.owner.accessToken, 'POST', `/api/v1/rewards/organisations/${world.charity.organisationId}/causes`, input);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return String(field(created.body, 'cause')['id']);
}

/** A citizen redeems an offer through the API; answers the voucher's QR payload and short code. */
export async function redeemByApi(world: RewardsWorld, person: SeededPerson, offerId: string): Promise<{ id: string; code: string; shortCode: string }> {
  const redeemed = await call(world.server, person.accessToken, 'POST', `/api/v1/rewards/offers/${offerId}/redeem`, {}, { 'idempotency-key': `test-${crypto.randomUUID()}` });
  assert.equal(redeemed.status, 201, JSON.stringify(redeemed.body));
  const voucher = field(redeemed.body, 'voucher');
  assert.ok(typeof voucher['code'] === 'string' && typeof voucher['shortCode'] === 'string');
  return { id: String(voucher['id']), code: voucher['code'], shortCode: voucher['shortCode'] };
}

/** A browser signed in as someone (through their unused refresh cookie), open at `path`, with errors collected. */
export interface Device {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
}

/**
 * Whose browser a device is: the refresh cookie that signs it in. Refresh tokens rotate, so a device
 * closed with `closeAs` hands the session's current cookie back for the next device of the same person.
 */
export interface Holder {
  refreshToken: string;
}

/** A holder for someone's session, to open devices one after another. */
export function holderOf(session: { refreshToken: string }): Holder {
  return { refreshToken: session.refreshToken };
}

/** Closes a device and keeps its session's current refresh cookie in `holder`. */
export async function closeAs(device: Device, holder: Holder): Promise<void> {
  const cookie = (await device.context.cookies()).find((c) => c.name === 'heyblue_refresh');
  if (cookie) holder.refreshToken = cookie.value;
  await device.context.close();
}

/** Opens `path` signed in as `holder`, on a phone or a desktop, in English or Spanish. */
export async function openAs(browser: Browser, server: { url: string }, holder: Holder, path: string, options: { device?: 'phone' | 'desktop'; language?: 'en' | 'es'; extra?: BrowserContextOptions } = {}): Promise<Device> {
  const { refreshToken } = holder;
  const language = options.language ?? 'en';
  const context = await browser.newContext({
    ...(options.device === 'desktop' ? desktop : phone),
    locale: language === 'es' ? 'es-ES' : 'en-US',
    serviceWorkers: 'block',
    ...options.extra,
    storageState: {
      cookies: [{ name: 'heyblue_refresh', value: refreshToken, domain: new URL(server.url).hostname, path: '/api/v1/auth', expires: -1, httpOnly: true, secure: false, sameSite: 'Strict' }],
      // The app asks the server for a session only when this browser has held one.
      origins: [{ origin: server.url, localStorage: [{ name: 'heyblue.session.present', value: '1' }, { name: 'heyblue.language', value: language }] }],
    },
  });
  // Generous: CI runs two browser suites side by side with the server tests on 2 cores.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await resumeSession(page, () => page.goto(`${server.url}${path}`));
  return { context, page, errors };
}
