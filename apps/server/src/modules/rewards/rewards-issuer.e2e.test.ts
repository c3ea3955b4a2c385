// The external-issuer saga against a real HTTP issuer the test runs on 127.0.0.1: one that answers,
// refuses, stays silent past the timeout (and answers later), hangs up mid-call, or closes altogether.
// Each time the voucher goes pending → active with the issuer's code (points settled to the shop) or
// → failed (points and stock back), the citizen is told, and every call carries the same signed key.
import assert from 'node:assert/strict';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { waitUntil } from '../../../test/support/wait.ts';
import type { Person } from '../../../test/support/people.ts';
import { startRewardsStage, type Partner, type RewardsStage } from './rewards.e2e-harness.ts';

const TIMEOUT_MS = 1_000;
const MAX_ATTEMPTS = 4;

/** One call the issuer received. */
interface IssuerCall {
  readonly scenario: string;
  readonly key: string | undefined;
  readonly body: { voucherId: string; offerId: string; points: number; validUntil: string };
  /** The X-HeyBlue-Signature verified with the offer's secret, and its time within five minutes. */
  readonly signedRight: boolean;
}

/** What the issuer does with a call: answer `res`, or not. `n` counts this voucher's calls from 1. */
type Behaviour = (res: http.ServerResponse, req: http.IncomingMessage, n: number, code: () => string) => void;

/** A local issuer: scenarios by path (`/<scenario>`), codes kept per idempotency key like a real one. */
class TestIssuer {
  readonly calls: IssuerCall[] = [];
  readonly codes = new Map<string, string>();
  readonly secrets = new Map<string, string>();
  readonly behaviours = new Map<string, Behaviour>();
  readonly held = new Set<http.ServerResponse>();
  server = http.createServer((req, res) => void this.#handle(req, res));
  port = 0;

  async listen(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(scenario: string): string {
    return `http://127.0.0.1:${this.port}/${scenario}`;
  }

  /** Closes the listener and every open connection, in flight or idle. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  callsFor(voucherId: string): IssuerCall[] {
    return this.calls.filter((c) => c.body.voucherId === voucherId);
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const scenario = (req.url ?? '/').slice(1);
    const body = JSON.parse(text) as IssuerCall['body'];
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
    this.calls.push({ scenario, key, body, signedRight: this.#signedRight(scenario, String(req.headers['x-heyblue-signature'] ?? ''), text) });
    const n = this.calls.filter((c) => c.body.voucherId === body.voucherId).length;
    const code = (): string => {
      const id = key ?? body.voucherId;
      const existing = this.codes.get(id) ?? `EXT-${randomBytes(6).toString('hex').toUpperCase()}`;
      this.codes.set(id, existing);
      return existing;
    };
    const behaviour = this.behaviours.get(scenario);
    if (!behaviour) {
      res.writeHead(404).end();
      return;
    }
    this.held.add(res);
    res.once('close', () => this.held.delete(res));
    behaviour(res, req, n, code);
  }

  #signedRight(scenario: string, header: string, body: string): boolean {
    const secret = this.secrets.get(scenario);
    const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
    const t = Number(parts.t);
    if (!secret || !Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300 || !parts.v1) return false;
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
    const given = Buffer.from(parts.v1, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

const answer = (res: http.ServerResponse, status: number, body: object): void => {
  // A late answer may find the caller gone: writing to a closed socket is simply lost.
  if (!res.destroyed && !res.socket?.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};
const later = (ms: number, what: () => void): void => void setTimeout(what, ms).unref();

/** A citizen's websocket, keeping every message. */
class Live {
  readonly messages: Array<{ type: string; [key: string]: unknown }> = [];
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  constructor(url: string, person: Person) {
    this.socket = new WebSocket(`${url.replace('http', 'ws')}/ws?token=${encodeURIComponent(person.token)}`);
    this.socket.on('message', (data) => this.messages.push(JSON.parse(String(data))));
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }
  changesOf(voucherId: string): Array<{ type: string; [key: string]: unknown }> {
    return this.messages.filter((m) => m.type === 'voucher.changed' && m.voucherId === voucherId);
  }
}

let stage: RewardsStage;
let shop: Partner;
const issuer = new TestIssuer();
const lives: Live[] = [];
let nextCitizen = 0;

before(async () => {
  await issuer.listen();
  stage = await startRewardsStage({
    citizens: 10, officers: 0,
    rewards: { issuerTimeoutMs: TIMEOUT_MS, issuerMaxAttempts: MAX_ATTEMPTS, issuerBackoffMs: () => 300, issuerIntervalMs: 100 },
  });
  shop = await stage.partner('retailer', 'Cinema');
});
after(async () => {
  for (const live of lives) live.socket.close();
  for (const res of issuer.held) res.destroy();
  await issuer.close().catch(() => undefined);
  await stage?.close();
});
afterEach(async () => stage.assertConserved());

/** A fresh citizen with `points`, listening on the websocket. */
async function citizenWith(points: number): Promise<{ person: Person; live: Live }> {
  const person = stage.citizens[nextCitizen++];
  assert.ok(person, 'enough seeded citizens');
  await stage.grant(person, points);
  const live = new Live(stage.url, person);
  lives.push(live);
  await live.opened;
  return { person, live };
}

/** An offer whose codes come from the issuer's `scenario`; the issuer learns the offer's secret. */
async function externalOffer(scenario: string, behaviour: Behaviour, fields: Record<string, unknown> = {}): Promise<{ id: string; pricePoints: number }> {
  issuer.behaviours.set(scenario, behaviour);
  const created = await stage.call(shop.owner, 'POST', `/rewards/organisations/${shop.id}/offers`, {
    title: `Ticket (${scenario})`, description: 'A film', category: 'culture-leisure', pricePoints: 40, stock: 5, perUserLimit: null, endsAt: null,
    locations: [], voucherValidDays: 30, issuerUrl: issuer.url(scenario), ...fields,
  });
  assert.equal(created.statusCode, 201, created.body);
  const offer = created.json().offer;
  assert.equal(offer.external, true);
  assert.ok(offer.issuerSecret, 'the shop sees the secret its issuer checks signatures with');
  issuer.secrets.set(scenario, offer.issuerSecret);
  return offer;
}

async function redeemPending(person: Person, offerId: string): Promise<string> {
  const redeemed = await stage.keyed(person, `/rewards/offers/${offerId}/redeem`);
  assert.equal(redeemed.statusCode, 201, redeemed.body);
  const { voucher } = redeemed.json();
  assert.equal(voucher.status, 'pending', 'an external offer gives a pending voucher');
  assert.equal(voucher.code, null, 'and no code to show until the issuer answers');
  return voucher.id;
}

async function settledVoucher(person: Person, voucherId: string, ms = 30_000): Promise<{ status: string; externalCode: string | null; failureReason: string | null; code: string | null }> {
  let voucher = { status: 'pending', externalCode: null, failureReason: null, code: null };
  await waitUntil(async () => {
    voucher = (await stage.call(person, 'GET', `/rewards/vouchers/${voucherId}`)).json().voucher;
    return voucher.status !== 'pending';
  }, ms, `voucher ${voucherId} to leave pending`);
  return voucher;
}

async function rows<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(stage.server.database.db)).rows;
}

async function transfersOf(voucherId: string): Promise<Array<{ id: string; kind: string; from: string; to: string; amount: number; reverses: string | null }>> {
  return rows(sql<{ id: string; kind: string; from: string; to: string; amount: number; reverses: string | null }>`
    select id, kind, debit_account_id as from, credit_account_id as to, amount::int as amount, reverses_id as reverses
    from rewards.transfers where reference_id = ${voucherId} order by created_at, kind`);
}

async function eventsAbout(voucherId: string): Promise<Array<{ type: string; payload: Record<string, unknown> }>> {
  return rows(sql<{ type: string; payload: Record<string, unknown> }>`
    select type, payload from platform.outbox where payload->>'voucherId' = ${voucherId} order by seq`);
}

async function accountOf(kind: 'person' | 'organisation', ownerId: string): Promise<string> {
  const found = await rows(sql<{ id: string }>`select id from rewards.accounts where kind = ${kind} and owner_id = ${ownerId}`);
  assert.ok(found[0]);
  return found[0].id;
}

async function stockOf(offerId: string): Promise<number> {
  return (await stage.call(shop.owner, 'GET', `/rewards/offers/${offerId}`)).json().offer.stockLeft;
}

async function shopBalance(): Promise<number> {
  return (await stage.call(shop.owner, 'GET', `/rewards/organisations/${shop.id}/summary`)).json().balance;
}

/** Every call for the voucher carried its id as the idempotency key and the offer's valid signature. */
function assertCallsRight(voucherId: string, offer: { id: string; pricePoints: number }): IssuerCall[] {
  const calls = issuer.callsFor(voucherId);
  assert.ok(calls.length >= 1, 'the issuer was called');
  for (const call of calls) {
    assert.equal(call.key, voucherId, 'the idempotency key is the voucher id, the same on every retry');
    assert.ok(call.signedRight, 'X-HeyBlue-Signature is the HMAC of "<t>.<body>" with the offer’s secret');
    assert.deepEqual([call.body.offerId, call.body.points], [offer.id, offer.pricePoints]);
  }
  return calls;
}

/** Active with the issuer's code: held points settled to the shop once, stock taken, citizen told once. */
async function assertActivated(person: Person, live: Live, voucherId: string, offer: { id: string; pricePoints: number }, expected: { code?: string; balance: number; stock: number; shopBefore: number }): Promise<void> {
  const voucher = await settledVoucher(person, voucherId);
  assert.equal(voucher.status, 'active');
  assert.equal(voucher.externalCode, expected.code ?? issuer.codes.get(voucherId), 'the voucher carries the issuer’s code for its key');
  assert.ok(voucher.code, 'and now a code to show at the till');
  const moves = await transfersOf(voucherId);
  assert.deepEqual(moves.map((m) => m.kind), ['hold', 'settle-hold'], 'held once, settled once');
  const [hold, settle] = moves;
  assert.ok(hold && settle);
  assert.equal(hold.from, await accountOf('person', person.accountId));
  assert.deepEqual([settle.from, settle.to, settle.amount], [hold.to, await accountOf('organisation', shop.id), offer.pricePoints], 'from the holding account to the shop');
  assert.equal(await stage.balance(person), expected.balance);
  assert.equal(await stockOf(offer.id), expected.stock);
  assert.equal(await shopBalance(), expected.shopBefore + offer.pricePoints);
  assert.deepEqual((await eventsAbout(voucherId)).map((e) => e.type), ['rewards.voucher-issued.v1']);
  await waitUntil(() => live.changesOf(voucherId).length > 0, 10_000, 'the voucher.changed push');
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(live.changesOf(voucherId).map((m) => m.status), ['active'], 'told once');
}

/** Failed: points back from the holding account (a refund reversing the hold), stock back, citizen told once. */
async function assertCompensated(person: Person, live: Live, voucherId: string, offer: { id: string; pricePoints: number }, expected: { reason: string; balance: number; stock: number; shopBefore: number }): Promise<void> {
  const voucher = await settledVoucher(person, voucherId);
  assert.equal(voucher.status, 'failed');
  assert.equal(voucher.failureReason, expected.reason);
  assert.equal(voucher.externalCode, null);
  assert.equal(voucher.code, null, 'a failed voucher has no code to show');
  const moves = await transfersOf(voucherId);
  assert.deepEqual(moves.map((m) => m.kind), ['hold', 'refund'], 'held once, refunded once');
  const [hold, refund] = moves;
  assert.ok(hold && refund);
  assert.deepEqual([refund.from, refund.to, refund.amount, refund.reverses], [hold.to, hold.from, offer.pricePoints, hold.id], 'the refund reverses the hold');
  assert.equal(await stage.balance(person), expected.balance, 'every point came back');
  assert.equal(await stockOf(offer.id), expected.stock, 'the stock came back');
  assert.equal(await shopBalance(), expected.shopBefore, 'the shop was paid nothing');
  const events = await eventsAbout(voucherId);
  assert.deepEqual(events.map((e) => e.type), ['rewards.redemption-failed.v1']);
  assert.deepEqual([events[0]?.payload.reason, events[0]?.payload.refundedPoints, events[0]?.payload.citizenId], [expected.reason, offer.pricePoints, person.accountId]);
  await waitUntil(() => live.changesOf(voucherId).length > 0, 10_000, 'the voucher.changed push');
  await new Promise((r) => setTimeout(r, 200));
  const told = live.changesOf(voucherId);
  assert.deepEqual(told.map((m) => [m.status, m.failureReason, m.balance]), [['failed', expected.reason, expected.balance]], 'told once, with the refunded balance');
}

describe('the external issuer saga', () => {
  it('an issuer that answers: pending → active with its code, the held points settled to the shop', async () => {
    const { person, live } = await citizenWith(100);
    const offer = await externalOffer('answers', (res, _req, _n, code) => answer(res, 201, { code: code() }));
    const shopBefore = await shopBalance();
    const voucherId = await redeemPending(person, offer.id);
    assert.equal(await stage.balance(person), 60, 'the points are held at once');
    assert.equal(await stockOf(offer.id), 4, 'and so is the stock');
    await assertActivated(person, live, voucherId, offer, { balance: 60, stock: 4, shopBefore });
    assertCallsRight(voucherId, offer);
  });

  it('an issuer that refuses (4xx): failed at once, points and stock returned, the citizen told', async () => {
    const { person, live } = await citizenWith(100);
    const offer = await externalOffer('refuses', (res) => answer(res, 422, { error: 'product discontinued' }));
    const shopBefore = await shopBalance();
    const voucherId = await redeemPending(person, offer.id);
    await assertCompensated(person, live, voucherId, offer, { reason: 'REWARDS_ISSUER_REJECTED', balance: 100, stock: 5, shopBefore });
    assert.equal(assertCallsRight(voucherId, offer).length, 1, 'a refusal is not retried');
  });

  it('an issuer silent past the timeout that answers later: retried with the same key, one code, settled once', async () => {
    const { person, live } = await citizenWith(100);
    // The first call is answered only after the saga gave up on it and called again; the retry gets the same code at once.
    let lateAnswerSent = false;
    const offer = await externalOffer('late', (res, _req, n, code) => {
      if (n > 1) return answer(res, 201, { code: code() });
      later(TIMEOUT_MS * 2.5, () => {
        lateAnswerSent = true;
        answer(res, 201, { code: code() });
      });
    });
    const shopBefore = await shopBalance();
    const voucherId = await redeemPending(person, offer.id);
    await assertActivated(person, live, voucherId, offer, { balance: 60, stock: 4, shopBefore });
    const calls = assertCallsRight(voucherId, offer);
    assert.ok(calls.length >= 2, 'the silent call was retried');
    await waitUntil(() => lateAnswerSent, TIMEOUT_MS * 5, 'the late answer sent');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual((await transfersOf(voucherId)).map((m) => m.kind), ['hold', 'settle-hold'], 'the late answer settled nothing more');
    assert.deepEqual((await eventsAbout(voucherId)).map((e) => e.type), ['rewards.voucher-issued.v1']);
  });

  it('an issuer that answers a retry with a new code while the first answer arrives late: the one heard wins, settled once', async () => {
    const { person, live } = await citizenWith(100);
    // A careless issuer: a fresh code for every call. The first answer comes after the retry's.
    const given: string[] = [];
    const offer = await externalOffer('careless', (res, _req, n) => {
      const code = `CARELESS-${n}`;
      if (n === 1) later(TIMEOUT_MS * 2.5, () => { given.push(code); answer(res, 201, { code }); });
      else { given.push(code); answer(res, 201, { code }); }
    });
    const shopBefore = await shopBalance();
    const voucherId = await redeemPending(person, offer.id);
    await waitUntil(() => given.length >= 2, 15_000, 'both answers sent');
    await assertActivated(person, live, voucherId, offer, { code: 'CARELESS-2', balance: 60, stock: 4, shopBefore });
    assert.deepEqual((await transfersOf(voucherId)).map((m) => m.kind), ['hold', 'settle-hold']);
  });

  it('an issuer that never answers in time: every retry with the same key, then compensated', async () => {
    const { person, live } = await citizenWith(100);
    const offer = await externalOffer('silent', (res, _req, _n, code) => later(TIMEOUT_MS * 2, () => answer(res, 201, { code: code() })));
    const shopBefore = await shopBalance();
    const voucherId = await redeemPending(person, offer.id);
    await assertCompensated(person, live, voucherId, offer, { reason: 'REWARDS_ISSUER_UNAVAILABLE', balance: 100, stock: 5, shopBefore });
    assert.equal(assertCallsRight(voucherId, offer).length, MAX_ATTEMPTS, 'called exactly as many times as allowed');
    await new Promise((r) => setTimeout(r, TIMEOUT_MS * 2));
    assert.deepEqual((await transfersOf(voucherId)).map((m) => m.kind), ['hold', 'refund'], 'answers after the saga gave up change nothing');
    assert.equal((await settledVoucher(person, voucherId)).status, 'failed');
  });

  it('an issuer that hangs up mid-call, then recovers: retried with the same key and activated', async () => {
    const { person, live } = await citizenWith(100);
    const offer = await externalOffer('hangs-up-twice', (res, req, n, code) => (n <= 2 ? req.socket.destroy() : answer(res, 201, { code: code() })));
    const shopBefore = await shopBalance();
    const voucherId = await redeemPending(person, offer.id);
    await assertActivated(person, live, voucherId, offer, { balance: 60, stock: 4, shopBefore });
    assert.equal(assertCallsRight(voucherId, offer).length, 3);
  });

  it('an issuer that always hangs up mid-call: compensated once the retries are spent', async () => {
    const { person, live } = await citizenWith(100);
    const offer = await externalOffer('hangs-up', (_res, req) => req.socket.destroy());
    const shopBefore = await shopBalance();
    const voucherId = await redeemPending(person, offer.id);
    await assertCompensated(person, live, voucherId, offer, { reason: 'REWARDS_ISSUER_UNAVAILABLE', balance: 100, stock: 5, shopBefore });
    assert.equal(assertCallsRight(voucherId, offer).length, MAX_ATTEMPTS);
  });

  it('an issuer whose server shuts down with the call in flight and comes back: activated with the code of the key', async () => {
    const { person, live } = await citizenWith(100);
    let closing: Promise<void> | undefined;
    const offer = await externalOffer('shuts-down', (res, _req, n, code) => {
      if (n === 1) closing = issuer.close();
      else answer(res, 201, { code: code() });
    });
    const shopBefore = await shopBalance();
    const port = issuer.port;
    const voucherId = await redeemPending(person, offer.id);
    await waitUntil(() => closing !== undefined, 10_000, 'the first call');
    await closing;
    // While it is down the saga's calls are refused; bring it back on the same address before the retries run out.
    await waitUntil(async () => (await rows(sql<{ n: number }>`select issuer_attempts as n from rewards.vouchers where id = ${voucherId}`))[0]?.n === 2, 15_000, 'a refused retry');
    await issuer.listen(port);
    await assertActivated(person, live, voucherId, offer, { balance: 60, stock: 4, shopBefore });
    const lastError = await rows(sql<{ e: string | null; n: number }>`select issuer_last_error as e, issuer_attempts as n from rewards.vouchers where id = ${voucherId}`);
    assert.ok((lastError[0]?.n ?? 0) >= 3, 'it took a retry after the refusal');
    assert.equal(assertCallsRight(voucherId, offer).length, 2, 'the refused attempt never reached it');
  });

  it('several pending vouchers at once, each settled by its own answer', async () => {
    const { person, live } = await citizenWith(400);
    // Every other voucher's first call is hung up on.
    const offer = await externalOffer('busy', (res, req, n, code) => (n === 1 && issuer.calls.length % 2 === 0 ? req.socket.destroy() : answer(res, 201, { code: code() })), { pricePoints: 10, stock: 8 });
    const shopBefore = await shopBalance();
    const ids = await Promise.all(Array.from({ length: 8 }, () => redeemPending(person, offer.id)));
    for (const id of ids) assert.equal((await settledVoucher(person, id)).status, 'active');
    for (const id of ids) assert.equal((await settledVoucher(person, id)).externalCode, issuer.codes.get(id));
    assert.equal(await stockOf(offer.id), 0);
    assert.equal(await stage.balance(person), 320);
    assert.equal(await shopBalance(), shopBefore + 80);
    const settles = await rows(sql<{ n: number }>`select count(*)::int as n from rewards.transfers where kind = 'settle-hold' and reference_id = any(${ids}::uuid[])`);
    assert.equal(settles[0]?.n, 8, 'one settlement each');
    await waitUntil(() => ids.every((id) => live.changesOf(id).length === 1), 10_000, 'one push per voucher');
  });
});
