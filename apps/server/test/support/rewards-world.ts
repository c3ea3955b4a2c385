// A rewards world for tests that run the real server in its own process: people seeded with the
// operator CLI (`heyblue seed`, `heyblue admin create`), then shops, offers (one with an external
// issuer the test runs), an earning rule and funding connections through the real HTTP API.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { tempDir } from './config.ts';
import { waitUntil } from './wait.ts';

/** The operator's entry point: `heyblue <command>`. */
export const heyblueBin = path.join(import.meta.dirname, '../../bin/heyblue.js');

/** Access tokens name their issuer: the CLI that seeds and the server that checks must agree on it. */
export const PUBLIC_URL = 'http://127.0.0.1:3999';

/** A signed-in person; requests come from their own client address (through a trusted proxy). */
export interface Actor {
  readonly accountId: string;
  readonly token: string;
  readonly ip: string;
}

/** An offer of the world and the stock it started with. */
export interface WorldOffer {
  readonly id: string;
  readonly organisationId: string;
  readonly pricePoints: number;
  readonly stock: number;
  readonly external: boolean;
}

/** Everything the load and the checks need. */
export interface World {
  readonly citizens: readonly Actor[];
  readonly officers: readonly Actor[];
  readonly admin: Actor;
  readonly owners: readonly Actor[];
  readonly offers: readonly WorldOffer[];
  /** The earning rule that funds citizens: `citizenPoints` for every QR connection, uncapped. */
  readonly fundingRule: { readonly id: string; readonly citizenPoints: number };
}

/** Runs `heyblue <args>` with the test's settings (and without the runner's service URLs unless given). */
export async function heyblue(args: string[], env: Record<string, string>): Promise<string> {
  const { DATABASE_URL: _db, NATS_URL: _nats, ...rest } = process.env;
  const child = spawn(process.execPath, [heyblueBin, ...args], { env: { ...rest, NODE_ENV: 'test', LOG_LEVEL: 'warn', PUBLIC_URL, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 0, `heyblue ${args.join(' ')} failed:\n${out}`);
  return out;
}

/** The people, seeded and signed in by the operator CLI before the server runs. */
export interface Cast {
  readonly citizens: readonly Actor[];
  readonly officers: readonly Actor[];
  readonly owners: readonly Actor[];
  readonly adminEmail: string;
}

/** `heyblue seed` (citizens, shop owners and verified officers, with tokens) and `heyblue admin create`. */
export async function seedCast(env: Record<string, string>, counts: { citizens: number; officers: number; owners: number }): Promise<Cast> {
  const file = path.join(tempDir(), 'sessions.jsonl');
  const prefix = `k${randomBytes(3).toString('hex')}`;
  await heyblue(['seed', '--citizens', String(counts.citizens + counts.owners), '--officers', String(counts.officers), '--prefix', prefix, '--sessions-file', file], env);
  const adminEmail = `${prefix}-admin@crash.example`;
  await heyblue(['admin', 'create', '--email', adminEmail], env);
  const seeded = fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { accountId: string; accessToken: string; role: string });
  const actor = (s: { accountId: string; accessToken: string }, ip: string): Actor => ({ accountId: s.accountId, token: s.accessToken, ip });
  const citizens = seeded.filter((s) => s.role === 'citizen').map((s, i) => actor(s, `10.1.${Math.floor(i / 200)}.${(i % 200) + 1}`));
  const officers = seeded.filter((s) => s.role === 'officer').map((s, i) => actor(s, `10.2.0.${i + 1}`));
  assert.equal(citizens.length, counts.citizens + counts.owners);
  assert.equal(officers.length, counts.officers);
  return { citizens: citizens.slice(counts.owners), owners: citizens.slice(0, counts.owners), officers, adminEmail };
}

/** An answer of the API: status 0 when none came (connection refused or reset). */
export interface Answer {
  readonly status: number;
  readonly body: { error?: { code: string }; [key: string]: unknown };
}

/** Calls the API as `actor`, from the actor's client address (the server trusts 127.0.0.1 as its proxy). */
export async function api(url: string, actor: Actor | undefined, method: string, route: string, payload?: object, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const response = await fetch(`${url}/api/v1${route}`, {
      method,
      headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(actor ? { authorization: `Bearer ${actor.token}`, 'x-forwarded-for': actor.ip } : {}), ...headers },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
  } catch {
    return { status: 0, body: {} };
  }
}

async function ok(answer: Promise<Answer>, status: number, what: string): Promise<Answer['body']> {
  const got = await answer;
  assert.equal(got.status, status, `${what}: ${JSON.stringify(got.body)}`);
  return got.body;
}

/** An issuer of external codes that answers in a moment (so a kill may find calls in flight), one code per idempotency key. */
export interface QuickIssuer {
  readonly url: string;
  readonly codes: Map<string, string>;
  /** Calls per idempotency key: more than one when a call was cut short (a kill) and made again. */
  readonly calls: Map<string, number>;
  close(): Promise<void>;
}

export async function startQuickIssuer(delayMs = 150): Promise<QuickIssuer> {
  const codes = new Map<string, string>();
  const calls = new Map<string, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      calls.set(key, (calls.get(key) ?? 0) + 1);
      const code = codes.get(key) ?? `EXT-${randomBytes(5).toString('hex')}`;
      codes.set(key, code);
      setTimeout(() => {
        if (!res.socket?.destroyed) res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ code }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/issue`,
    codes,
    calls,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Signs the admin in with the code from the dev outbox. */
async function signInAdmin(url: string, email: string): Promise<Actor> {
  const ip = '10.3.0.1';
  const requested = await ok(api(url, undefined, 'POST', '/auth/codes', { channel: 'email', address: email }, { 'x-forwarded-for': ip }), 202, 'code requested');
  const outbox = (await ok(api(url, undefined, 'GET', '/dev/outbox'), 200, 'dev outbox')) as { messages: Array<{ to: string; text: string }> };
  const code = /\b(\d{6})\b/.exec(outbox.messages.filter((m) => m.to === email).at(-1)?.text ?? '')?.[1] ?? '';
  const verified = (await ok(api(url, undefined, 'POST', `/auth/codes/${String(requested.challengeId)}/verify`, { code }, { 'x-forwarded-for': ip }), 200, 'code verified')) as { accessToken: string; account: { id: string } };
  return { accountId: verified.account.id, token: verified.accessToken, ip };
}

/** Makes a QR connection: the officer shows a code, the citizen scans it. Returns the scan's answer. */
export async function connect(url: string, officer: Actor, citizen: Actor): Promise<Answer> {
  const shown = await api(url, officer, 'POST', '/connections/qr');
  if (shown.status !== 201) return shown;
  return api(url, citizen, 'POST', '/connections/qr/scan', { token: shown.body.token });
}

/**
 * Two approved organisations (a retailer with an external-issuer offer, a municipality), four offers, an
 * uncapped rule that pays citizens for QR connections, and one such connection per citizen to fund them.
 */
export async function prepareWorld(url: string, cast: Cast, issuerUrl: string): Promise<World> {
  const admin = await signInAdmin(url, cast.adminEmail);
  const [shopOwner, townOwner] = cast.owners;
  assert.ok(shopOwner && townOwner);
  const organisation = async (owner: Actor, type: string, name: string): Promise<string> => {
    const { id } = (await ok(api(url, owner, 'POST', '/organisations', { type, name }), 201, `${name} requested`)) as { id: string };
    await ok(api(url, admin, 'POST', `/admin/organisations/${id}/decision`, { approve: true }), 204, `${name} approved`);
    await waitUntil(async () => (await api(url, owner, 'GET', `/rewards/organisations/${id}/summary`)).status === 200, 30_000, `${name} known to rewards`);
    return id;
  };
  const shop = await organisation(shopOwner, 'retailer', 'Crash Cafe');
  const town = await organisation(townOwner, 'municipality', 'Crash Town');
  const offer = async (owner: Actor, organisationId: string, fields: { title: string; pricePoints: number; stock: number; perUserLimit?: number; issuerUrl?: string }): Promise<WorldOffer> => {
    const created = (await ok(api(url, owner, 'POST', `/rewards/organisations/${organisationId}/offers`, {
      description: 'For the crash test', category: 'other', perUserLimit: null, endsAt: null, locations: [], voucherValidDays: 30, ...fields,
    }), 201, `offer ${fields.title}`)) as { offer: { id: string } };
    return { id: created.offer.id, organisationId, pricePoints: fields.pricePoints, stock: fields.stock, external: fields.issuerUrl !== undefined };
  };
  const offers = [
    await offer(shopOwner, shop, { title: 'Coffee', pricePoints: 3, stock: 60 }),
    await offer(shopOwner, shop, { title: 'Bagel', pricePoints: 5, stock: 40 }),
    await offer(shopOwner, shop, { title: 'Cinema ticket', pricePoints: 4, stock: 50, issuerUrl: issuerUrl }),
    await offer(townOwner, town, { title: 'Park fee', pricePoints: 2, stock: 5000, perUserLimit: 15 }),
  ];
  const citizenPoints = 150;
  const rule = (await ok(api(url, admin, 'POST', '/rewards/rules', {
    name: 'Crash-test funding', active: true, kinds: ['qr'], locationVerified: 'any', points: { citizen: citizenPoints, officer: 1 },
    timeWindow: null, area: null, bonus: 'none', caps: { perPairPerDay: null, perUserPerDay: null, budget: null },
  }), 201, 'funding rule')) as { rule: { id: string } };
  // Officers are known to connections once their verification events are relayed: until then their codes are citizens' codes.
  const [firstOfficer, firstCitizen] = [cast.officers[0], cast.citizens[0]];
  assert.ok(firstOfficer && firstCitizen);
  let tries = 0;
  await waitUntil(async () => {
    tries++;
    await new Promise((r) => setTimeout(r, 250));
    // Each try from its own address, so the tries do not use up the officer's per-address QR allowance.
    return (await connect(url, { ...firstOfficer, ip: `10.9.${Math.floor(tries / 200)}.${(tries % 200) + 1}` }, firstCitizen)).status === 201;
  }, 60_000, 'a first QR connection (officers known to connections)');
  await Promise.all(cast.citizens.slice(1).map(async (citizen, i) => {
    const officer = cast.officers[(i + 1) % cast.officers.length];
    assert.ok(officer);
    await ok(connect(url, officer, citizen), 201, 'a funding connection');
  }));
  await Promise.all(cast.citizens.map((citizen) => waitUntil(async () => {
    const wallet = await api(url, citizen, 'GET', '/rewards/wallet');
    return wallet.status === 200 && Number((wallet.body.wallet as { balance: number }).balance) >= citizenPoints;
  }, 60_000, 'citizens funded by their connection')));
  return { citizens: cast.citizens, officers: cast.officers, owners: cast.owners, admin, offers, fundingRule: { id: rule.rule.id, citizenPoints } };
}
