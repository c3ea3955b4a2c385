// A model-based property test of the ledger: fast-check draws sequences of commands — earn (a
// connection-made event through the real consumer), earn several (connections written together, paid
// as one batch), redeliver (the same event again, even with the inbox row lost), redeliver a batch
// (earlier events again as one batch, some twice in it, or as two overlapping batches at once, with or
// without their inbox rows), grant, redeem, cancel, use at the till, donate, gift, retry (the same idempotency
// key again, with the same body and with another) and the next day (daily caps start again,
// short-lived vouchers expire) — and after every step the server (balances and today's giving through
// the API, stock, causes, voucher states) equals a small in-memory model, and the ledger is conserved.
//
// One PGlite for the file; each run gets people in turn from the seeded ones, fresh offers, a cause
// and a budgeted rule, and a new local day (the clock moves to the next noon); the model starts from
// what it reads. The seed is printed; replay a failure with REWARDS_MODEL_SEED=<seed> npm test -- <this file>.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Response } from 'light-my-request';
import type { EventEnvelope } from '../../platform/events/envelope.ts';
import type { Person } from '../../../test/support/people.ts';
import { envelopeOf } from '../../platform/events/envelope.ts';
import { appendToOutbox } from '../../platform/events/outbox.ts';
import { connectionMade, handled, startRewardsStage, type Partner, type RewardsStage } from './rewards.e2e-harness.ts';

const NUM_RUNS = 50;
const MAX_COMMANDS = 30;
/** On a busy machine fewer runs fit: the property stops drawing (or shrinking) after this long, and says how many ran. */
const TIME_LIMIT_MS = 90_000;
const SEED = process.env.REWARDS_MODEL_SEED ? Number(process.env.REWARDS_MODEL_SEED) : Math.floor(Math.random() * 2 ** 31);
const CITIZENS_PER_RUN = 3;
const OFFICERS_PER_RUN = 3;
const SETTINGS = { citizenGiftsEnabled: true, giftDailyCap: 25, donationDailyCap: 40, pointValueCents: 1, pairConnectionsPerDay: 3 };
const DAY_MS = 86_400_000;

type Kind = 'proximity' | 'qr' | 'virtual';
type Party = 'citizen' | 'officer';

/** An earning rule as the model pays it (and as the admin writes it). */
interface ModelRule {
  readonly id: string;
  readonly name: string;
  readonly kinds: readonly Kind[];
  readonly locationVerified: 'any' | 'verified' | 'unverified';
  readonly points: Readonly<Record<Party, number>>;
  readonly firstEver: boolean;
  readonly perPairPerDay: number | null;
  readonly perUserPerDay: number | null;
  readonly budget: number | null;
}
const definitionOf = (r: Omit<ModelRule, 'id'>, active = true) => ({
  name: r.name, active, kinds: r.kinds, locationVerified: r.locationVerified, points: r.points, timeWindow: null, area: null,
  bonus: r.firstEver ? 'first-ever' : 'none', caps: { perPairPerDay: r.perPairPerDay, perUserPerDay: r.perUserPerDay, budget: r.budget },
});
const FIXED_RULES: ReadonlyArray<Omit<ModelRule, 'id'>> = [
  { name: 'Model: connection', kinds: ['proximity', 'qr', 'virtual'], locationVerified: 'any', points: { citizen: 7, officer: 4 }, firstEver: false, perPairPerDay: 14, perUserPerDay: 25, budget: null },
  { name: 'Model: in person', kinds: ['proximity', 'qr'], locationVerified: 'verified', points: { citizen: 3, officer: 2 }, firstEver: false, perPairPerDay: null, perUserPerDay: 8, budget: null },
  { name: 'Model: first ever', kinds: ['proximity', 'qr', 'virtual'], locationVerified: 'any', points: { citizen: 11, officer: 6 }, firstEver: true, perPairPerDay: null, perUserPerDay: null, budget: null },
];

interface OfferModel { readonly id: string; readonly price: number; stock: number; readonly perUserLimit: number | null; readonly validDays: number }
interface CauseModel { readonly id: string; readonly active: boolean; received: number }
interface VoucherModel { readonly id: string; readonly offerId: string; readonly holder: string; readonly points: number; readonly code: string; readonly shortCode: string; readonly validUntil: number; status: 'active' | 'used' | 'cancelled' }
/** A voucher's state as people see it: an active one past its date is expired. */
const stateOf = (v: VoucherModel): VoucherModel['status'] | 'expired' => (v.status === 'active' && stage.clock.now().getTime() >= v.validUntil ? 'expired' : v.status);
/** A points-moving request already answered, for retries: what it sent, what it got, and a different request under its key. */
interface KeyedRecord { readonly person: Person; readonly url: string; readonly payload: object; readonly key: string; readonly other: { url: string; payload: object }; readonly status: number; readonly body: unknown }

interface Model {
  readonly balances: Map<string, number>;
  readonly connected: Set<string>;
  /** Points each rule paid today: `rule|recipient` and `rule|recipient|counterpart`. */
  readonly paidToday: Map<string, number>;
  readonly spent: Map<string, number>;
  readonly donatedToday: Map<string, number>;
  readonly giftedToday: Map<string, number>;
  readonly rules: readonly ModelRule[];
  readonly offers: readonly OfferModel[];
  readonly causes: readonly CauseModel[];
  readonly vouchers: VoucherModel[];
  readonly keyed: KeyedRecord[];
  /** Connection-made events already paid, for redelivery. */
  readonly earned: EventEnvelope[];
}
interface Real {
  readonly citizens: readonly Person[];
  readonly officers: readonly Person[];
  readonly people: readonly Person[];
}

/** What the model expects of a request: success with a status, or a refusal's code. */
type Expected = { readonly status: number } | { readonly code: string };

let stage: RewardsStage;
let shop: Partner;
let charity: Partner;
let closedCause: CauseModel;
let fixedRules: ModelRule[] = [];
let budgetRule: ModelRule | undefined;
let runs = 0;
let addresses = 0;

/** A request through the HTTP layer, each from its own address (route limits are per address). */
async function api(person: Person, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}): Promise<Response> {
  addresses += 1;
  return stage.server.app.inject({
    method, url: `/api/v1${url}`, remoteAddress: `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`,
    headers: { authorization: `Bearer ${person.token}`, ...headers }, ...(payload ? { payload } : {}),
  });
}

/** How often each command ended each way, over the whole file (printed at the end). */
const outcomes = new Map<string, number>();
const count = (what: string, response: Response): void => {
  const outcome = response.statusCode < 300 ? String(response.statusCode) : String(response.json()?.error?.code);
  add(outcomes, `${what.replace(/\(.*$/, '')} ${outcome}`, 1);
};

function assertOutcome(response: Response, expected: Expected, what: string): void {
  count(what, response);
  if ('status' in expected) assert.equal(response.statusCode, expected.status, `${what}: ${response.body}`);
  else assert.equal(response.json()?.error?.code, expected.code, `${what}: ${response.statusCode} ${response.body}`);
}

const balanceOf = (m: Model, id: string): number => m.balances.get(id) ?? 0;
const add = (map: Map<string, number>, key: string, n: number): void => void map.set(key, (map.get(key) ?? 0) + n);

/** Sends a keyed request, checks it against the model's expectation, and keeps it for retries. */
async function keyed(m: Model, person: Person, url: string, payload: object, other: KeyedRecord['other'], expected: Expected, what: string): Promise<Response> {
  const key = crypto.randomUUID();
  const response = await api(person, 'POST', url, payload, { 'idempotency-key': key });
  assertOutcome(response, expected, what);
  m.keyed.push({ person, url, payload, key, other, status: response.statusCode, body: response.json() });
  return response;
}

/** The server equals the model: balances and today's giving (API), organisations' balances, stock, causes, vouchers; and the ledger is conserved. */
async function verify(m: Model, r: Real): Promise<void> {
  for (const person of r.people) {
    const wallet = await api(person, 'GET', '/rewards/wallet');
    assert.equal(wallet.statusCode, 200, wallet.body);
    const w = wallet.json().wallet;
    assert.deepEqual([w.balance, w.giftedToday, w.donatedToday], [balanceOf(m, person.accountId), m.giftedToday.get(person.accountId) ?? 0, m.donatedToday.get(person.accountId) ?? 0], `${person.role} ${person.accountId}: balance, gifted and donated today`);
  }
  for (const partner of [shop, charity]) {
    const summary = await api(partner.owner, 'GET', `/rewards/organisations/${partner.id}/summary`);
    assert.equal(summary.json().balance, balanceOf(m, partner.id), `${partner.type}'s balance`);
  }
  for (const offer of m.offers) {
    assert.equal((await api(shop.owner, 'GET', `/rewards/offers/${offer.id}`)).json().offer.stockLeft, offer.stock, 'stock left');
  }
  const causes = await sql<{ id: string; received: number }>`select id, received_points::int as received from rewards.causes where id in (${sql.join(m.causes.map((c) => c.id))})`.execute(stage.server.database.db);
  for (const cause of m.causes) assert.equal(causes.rows.find((c) => c.id === cause.id)?.received, cause.received, 'points a cause received');
  const offerIds = new Set(m.offers.map((o) => o.id));
  for (const citizen of r.citizens) {
    const listed = (await api(citizen, 'GET', '/rewards/vouchers?limit=100')).json().items as Array<{ id: string; offerId: string; status: string }>;
    const actual = listed.filter((v) => offerIds.has(v.offerId)).map((v) => [v.id, v.status]).sort();
    const expected = m.vouchers.filter((v) => v.holder === citizen.accountId).map((v) => [v.id, stateOf(v)]).sort();
    assert.deepEqual(actual, expected, 'the citizen’s vouchers and their states');
  }
  await stage.assertConserved();
}

/** Pays a connection by the model's rules: facts first (first ever is before this connection), caps per rule and local day, budgets. */
function payConnection(m: Model, citizenId: string, officerId: string, kind: Kind, verified: boolean): void {
  const first: Record<Party, boolean> = { citizen: !m.connected.has(citizenId), officer: !m.connected.has(officerId) };
  const sides: Array<[Party, string, string]> = [['citizen', citizenId, officerId], ['officer', officerId, citizenId]];
  for (const [party, recipient, counterpart] of sides) {
    for (const rule of m.rules) {
      const full = rule.points[party];
      if (full <= 0 || !rule.kinds.includes(kind)) continue;
      if ((rule.locationVerified === 'verified' && !verified) || (rule.locationVerified === 'unverified' && verified)) continue;
      if (rule.firstEver && !first[party]) continue;
      let points = full;
      if (rule.perPairPerDay !== null) points = Math.min(points, rule.perPairPerDay - (m.paidToday.get(`${rule.id}|${recipient}|${counterpart}`) ?? 0));
      if (rule.perUserPerDay !== null) points = Math.min(points, rule.perUserPerDay - (m.paidToday.get(`${rule.id}|${recipient}`) ?? 0));
      if (rule.budget !== null) points = Math.min(points, rule.budget - (m.spent.get(rule.id) ?? 0));
      if (points <= 0) continue;
      add(m.balances, recipient, points);
      add(m.paidToday, `${rule.id}|${recipient}|${counterpart}`, points);
      add(m.paidToday, `${rule.id}|${recipient}`, points);
      add(m.spent, rule.id, points);
    }
  }
  m.connected.add(citizenId);
  m.connected.add(officerId);
}

type Cmd = fc.AsyncCommand<Model, Real>;
const pick = <T>(items: readonly T[], i: number): T => {
  const item = items[i % items.length];
  assert.ok(item !== undefined, 'nothing to pick from');
  return item;
};

/** A command: it runs against the server and the model, then the two are compared. */
function command(name: string, run: (m: Model, r: Real) => Promise<void>, check: (m: Readonly<Model>) => boolean = () => true): Cmd {
  return {
    check,
    async run(m, r) {
      await run(m, r);
      await verify(m, r);
    },
    toString: () => name,
  };
}

const earn = (c: number, o: number, kind: Kind, verified: boolean): Cmd => command(`earn(c${c}, o${o}, ${kind}, ${verified ? 'verified' : 'unverified'})`, async (m, r) => {
  const citizen = pick(r.citizens, c);
  const officer = pick(r.officers, o);
  const envelope = await connectionMade(stage, { citizen, officer, kind, locationVerified: verified });
  await handled(stage, envelope);
  m.earned.push(envelope);
  const before = balanceOf(m, citizen.accountId) + balanceOf(m, officer.accountId);
  payConnection(m, citizen.accountId, officer.accountId, kind, verified);
  add(outcomes, balanceOf(m, citizen.accountId) + balanceOf(m, officer.accountId) > before ? 'earn paid' : 'earn capped to nothing', 1);
});

/** Several connections written in one transaction: the relay hands them to rewards as one batch, paid in their order. */
const earnMany = (connections: ReadonlyArray<readonly [number, number, Kind, boolean]>): Cmd => command(`earnMany(${connections.map(([c, o, kind, verified]) => `c${c}-o${o} ${kind}${verified ? ' verified' : ''}`).join(', ')})`, async (m, r) => {
  const envelopes = connections.map(([c, o, kind, verified]) => {
    const citizen = pick(r.citizens, c);
    const officer = pick(r.officers, o);
    return envelopeOf('connections.connection-made.v1', {
      connectionId: crypto.randomUUID(), officerId: officer.accountId, citizenId: citizen.accountId, kind, locationVerified: verified, cell: null, zip: null, madeAt: stage.clock.now().toISOString(),
    }, { actorId: officer.accountId, correlationId: crypto.randomUUID(), causationId: null }, stage.clock.now());
  });
  await stage.server.database.db.transaction().execute((trx) => appendToOutbox(trx, envelopes));
  stage.server.relay.wake();
  for (const envelope of envelopes) await handled(stage, envelope);
  for (const envelope of envelopes) {
    const p = envelope.payload;
    payConnection(m, p.citizenId, p.officerId, p.kind, p.locationVerified);
    m.earned.push(envelope);
  }
  add(outcomes, 'earn many', 1);
});

const grant = (p: number, points: number): Cmd => command(`grant(p${p}, ${points})`, async (m, r) => {
  const person = pick(r.people, p);
  await stage.grant(person, points);
  add(m.balances, person.accountId, points);
});

const redeem = (p: number, o: number): Cmd => command(`redeem(p${p}, offer ${o})`, async (m, r) => {
  const person = pick(r.people, p);
  const offer = pick(m.offers, o);
  const held = m.vouchers.filter((v) => v.offerId === offer.id && v.holder === person.accountId && v.status !== 'cancelled').length;
  const expected: Expected = person.role === 'officer' ? { code: 'REWARDS_OFFICERS_DO_NOT_REDEEM' }
    : offer.stock === 0 ? { code: 'REWARDS_SOLD_OUT' }
    : offer.perUserLimit !== null && held >= offer.perUserLimit ? { code: 'REWARDS_PER_USER_LIMIT' }
    : balanceOf(m, person.accountId) < offer.price ? { code: 'REWARDS_INSUFFICIENT_POINTS' }
    : { status: 201 };
  const response = await keyed(m, person, `/rewards/offers/${offer.id}/redeem`, {}, { url: `/rewards/offers/${crypto.randomUUID()}/redeem`, payload: {} }, expected, `redeem(p${p}, offer ${o})`);
  if (!('status' in expected)) return;
  const { voucher, balance } = response.json();
  add(m.balances, person.accountId, -offer.price);
  add(m.balances, shop.id, offer.price);
  offer.stock -= 1;
  const validUntil = Date.parse(voucher.validUntil);
  assert.equal(validUntil - Date.parse(voucher.issuedAt), offer.validDays * DAY_MS, 'valid for the offer’s days');
  m.vouchers.push({ id: voucher.id, offerId: offer.id, holder: person.accountId, points: offer.price, code: voucher.code, shortCode: voucher.shortCode, validUntil, status: 'active' });
  assert.deepEqual([voucher.status, balance], ['active', balanceOf(m, person.accountId)], 'an active voucher, and the new balance');
});

/** Cancels a voucher as its holder (`p` is 'holder') or as person `p` (who may not hold it). */
const cancel = (p: number | 'holder', v: number): Cmd => command(`cancel(${p === 'holder' ? 'holder' : `p${p}`}, voucher ${v})`, async (m, r) => {
  const voucher = m.vouchers.length > 0 ? pick(m.vouchers, v) : undefined;
  const person = p === 'holder' ? (r.people.find((x) => x.accountId === voucher?.holder) ?? pick(r.people, 0)) : pick(r.people, p);
  const expected: Expected = !voucher || voucher.holder !== person.accountId ? { code: 'REWARDS_VOUCHER_NOT_FOUND' }
    : stateOf(voucher) === 'used' ? { code: 'REWARDS_VOUCHER_ALREADY_USED' }
    : stateOf(voucher) === 'cancelled' ? { code: 'REWARDS_VOUCHER_CANCELLED' }
    : stateOf(voucher) === 'expired' ? { code: 'REWARDS_VOUCHER_EXPIRED' }
    : { status: 200 };
  const id = voucher?.id ?? crypto.randomUUID();
  const response = await keyed(m, person, `/rewards/vouchers/${id}/cancel`, {}, { url: `/rewards/vouchers/${crypto.randomUUID()}/cancel`, payload: {} }, expected, 'cancel');
  if (!voucher || !('status' in expected)) return;
  voucher.status = 'cancelled';
  add(m.balances, person.accountId, voucher.points);
  add(m.balances, shop.id, -voucher.points);
  const offer = m.offers.find((o) => o.id === voucher.offerId);
  assert.ok(offer);
  offer.stock += 1;
  assert.deepEqual([response.json().voucher.status, response.json().balance], ['cancelled', balanceOf(m, person.accountId)]);
});

const useAtTill = (v: number, typed: boolean): Cmd => command(`use(voucher ${v}, ${typed ? 'typed' : 'scanned'})`, async (m) => {
  const voucher = pick(m.vouchers, v);
  const codes = { used: 'REWARDS_VOUCHER_ALREADY_USED', cancelled: 'REWARDS_VOUCHER_CANCELLED', expired: 'REWARDS_VOUCHER_EXPIRED' } as const;
  const state = stateOf(voucher);
  const expected: Expected = state === 'active' ? { status: 200 } : { code: codes[state] };
  const response = await api(shop.owner, 'POST', `/rewards/organisations/${shop.id}/vouchers/use`, { code: typed ? voucher.shortCode : voucher.code });
  assertOutcome(response, expected, `use(voucher ${v})`);
  if (!('status' in expected)) return;
  voucher.status = 'used';
  assert.equal(response.json().voucher.status, 'used');
}, (m) => m.vouchers.length > 0);

const donate = (p: number, c: number, points: number): Cmd => command(`donate(p${p}, cause ${c}, ${points})`, async (m, r) => {
  const person = pick(r.people, p);
  const cause = pick(m.causes, c);
  const expected: Expected = !cause.active ? { code: 'REWARDS_CAUSE_INACTIVE' }
    : (m.donatedToday.get(person.accountId) ?? 0) + points > SETTINGS.donationDailyCap ? { code: 'REWARDS_DONATION_DAILY_CAP' }
    : balanceOf(m, person.accountId) < points ? { code: 'REWARDS_INSUFFICIENT_POINTS' }
    : { status: 201 };
  const url = `/rewards/causes/${cause.id}/donations`;
  const response = await keyed(m, person, url, { points }, { url, payload: { points: points + 1 } }, expected, `donate(p${p}, cause ${c}, ${points})`);
  if (!('status' in expected)) return;
  add(m.balances, person.accountId, -points);
  add(m.balances, charity.id, points);
  add(m.donatedToday, person.accountId, points);
  cause.received += points;
  assert.equal(response.json().balance, balanceOf(m, person.accountId));
});

const gift = (s: number, t: number, points: number): Cmd => command(`gift(p${s} → p${t}, ${points})`, async (m, r) => {
  const sender = pick(r.people, s);
  const recipient = pick(r.people, t);
  // Officers gift officers; citizens gift citizens (enabled in this file's settings); nobody gifts themselves.
  const expected: Expected = sender === recipient ? { code: 'REWARDS_GIFT_TO_SELF' }
    : sender.role !== recipient.role ? { code: 'REWARDS_GIFTS_NOT_ALLOWED' }
    : (m.giftedToday.get(sender.accountId) ?? 0) + points > SETTINGS.giftDailyCap ? { code: 'REWARDS_GIFT_DAILY_CAP' }
    : balanceOf(m, sender.accountId) < points ? { code: 'REWARDS_INSUFFICIENT_POINTS' }
    : { status: 201 };
  const payload = { recipientId: recipient.accountId, points, message: 'Thank you' };
  const response = await keyed(m, sender, '/rewards/gifts', payload, { url: '/rewards/gifts', payload: { ...payload, points: points + 1 } }, expected, `gift(p${s} → p${t}, ${points})`);
  if (!('status' in expected)) return;
  add(m.balances, sender.accountId, -points);
  add(m.balances, recipient.accountId, points);
  add(m.giftedToday, sender.accountId, points);
  assert.equal(response.json().balance, balanceOf(m, sender.accountId));
});

/** A day (and a minute) later: a new local day resets the daily caps, and short-lived vouchers expire. */
/** A connection-made event delivered again (a bus replay), even with the consumer's inbox row lost: it pays nothing twice. */
const redeliver = (k: number, forgetInbox: boolean): Cmd => command(`redeliver(earn ${k}${forgetInbox ? ', inbox forgotten' : ''})`, async (m) => {
  const envelope = pick(m.earned, k);
  if (forgetInbox) await sql`delete from platform.inbox where consumer = 'rewards.on-connection-made' and event_id = ${envelope.id}`.execute(stage.server.database.db);
  await stage.server.bus.publish({ envelope, traceContext: {} });
  add(outcomes, forgetInbox ? 'redeliver without inbox' : 'redeliver', 1);
}, (m) => m.earned.length > 0);

/**
 * Earlier connection-made events delivered again as a batch — one of them twice in it — or as two
 * overlapping batches at the same time, with or without their inbox rows: nothing is paid twice.
 */
const redeliverBatch = (k: number, size: number, forgetInbox: boolean, overlapping: boolean): Cmd => command(`redeliverBatch(from earn ${k}, ${size}${forgetInbox ? ', inbox forgotten' : ''}${overlapping ? ', two overlapping batches' : ''})`, async (m) => {
  const start = k % m.earned.length;
  const chosen = [...m.earned.slice(start, start + size), ...m.earned.slice(0, Math.max(0, start + size - m.earned.length))];
  const ids = chosen.map((e) => e.id);
  if (forgetInbox) await sql`delete from platform.inbox where consumer = 'rewards.on-connection-made' and event_id = any(${ids}::uuid[])`.execute(stage.server.database.db);
  const messages = chosen.map((envelope) => ({ envelope, traceContext: {} }));
  const [first] = messages;
  if (overlapping) await Promise.all([stage.server.bus.publishBatch(messages), stage.server.bus.publishBatch([...messages].reverse())]);
  else await stage.server.bus.publishBatch(first ? [...messages, first] : messages);
  add(outcomes, `redeliver batch${forgetInbox ? ' without inbox' : ''}${overlapping ? ' twice at once' : ''}`, 1);
}, (m) => m.earned.length > 0);

const nextDay = (): Cmd => command('next day', async (m) => {
  stage.clock.advance(DAY_MS + 60_000);
  m.paidToday.clear();
  m.donatedToday.clear();
  m.giftedToday.clear();
});

const retry = (k: number, sameBody: boolean): Cmd => command(`retry(request ${k}, ${sameBody ? 'same body' : 'another body'})`, async (m) => {
  const first = pick(m.keyed, k);
  const sent = sameBody ? { url: first.url, payload: first.payload } : first.other;
  const response = await api(first.person, 'POST', sent.url, sent.payload, { 'idempotency-key': first.key });
  count(sameBody ? 'retry' : 'retry-another-body', response);
  if (!sameBody) {
    assert.deepEqual([response.statusCode, response.json().error?.code], [409, 'REWARDS_IDEMPOTENCY_KEY_REUSED'], `retry of ${first.url} with another body`);
    return;
  }
  assert.equal(response.statusCode, first.status, `retry of ${first.url}: ${response.body}`);
  // A refusal answers the same code and message (its requestId is this request's).
  const outcome = (body: unknown): unknown => {
    if (first.status < 300) return body;
    const { code, message } = (body as { error: { code: string; message: string } }).error;
    return { code, message };
  };
  assert.deepEqual(outcome(response.json()), outcome(first.body), 'the same key and body answer the first outcome, whatever changed since');
}, (m) => m.keyed.length > 0);

// People are citizens 0–2 then officers 3–5. Arbitraries lean to requests that can succeed (a citizen
// redeems, a holder cancels, a gift within one role, the open cause) and keep some that cannot.
const anyone = fc.nat({ max: CITIZENS_PER_RUN + OFFICERS_PER_RUN - 1 });
const mostlyCitizens = fc.oneof({ arbitrary: fc.nat({ max: CITIZENS_PER_RUN - 1 }), weight: 4 }, { arbitrary: anyone, weight: 1 });
const giftPair = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom(0, CITIZENS_PER_RUN), fc.nat({ max: 2 }), fc.integer({ min: 1, max: 2 })).map(([group, i, step]) => [group + i, group + ((i + step) % 3)] as const), weight: 3 },
  { arbitrary: fc.tuple(anyone, anyone), weight: 1 },
);
const commandArbitraries: Array<fc.Arbitrary<Cmd>> = [
  fc.tuple(fc.nat({ max: CITIZENS_PER_RUN - 1 }), fc.nat({ max: OFFICERS_PER_RUN - 1 }), fc.constantFrom<Kind>('proximity', 'qr', 'virtual'), fc.boolean()).map(([c, o, k, v]) => earn(c, o, k, v)),
  fc.tuple(anyone, fc.integer({ min: 1, max: 60 })).map(([p, n]) => grant(p, n)),
  fc.tuple(mostlyCitizens, fc.nat({ max: 1 })).map(([p, o]) => redeem(p, o)),
  fc.tuple(fc.oneof({ arbitrary: fc.constant('holder' as const), weight: 4 }, { arbitrary: anyone, weight: 1 }), fc.nat({ max: 20 })).map(([p, v]) => cancel(p, v)),
  fc.tuple(fc.nat({ max: 20 }), fc.boolean()).map(([v, typed]) => useAtTill(v, typed)),
  fc.tuple(anyone, fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.constant(1), weight: 1 }), fc.integer({ min: 1, max: 30 })).map(([p, c, n]) => donate(p, c, n)),
  fc.tuple(giftPair, fc.integer({ min: 1, max: 20 })).map(([[s, t], n]) => gift(s, t, n)),
  fc.tuple(fc.nat({ max: 30 }), fc.boolean()).map(([k, same]) => retry(k, same)),
  fc.tuple(fc.nat({ max: 20 }), fc.boolean()).map(([k, forget]) => redeliver(k, forget)),
  fc.array(fc.tuple(fc.nat({ max: CITIZENS_PER_RUN - 1 }), fc.nat({ max: OFFICERS_PER_RUN - 1 }), fc.constantFrom<Kind>('proximity', 'qr', 'virtual'), fc.boolean()), { minLength: 2, maxLength: 5 }).map((connections) => earnMany(connections)),
  fc.tuple(fc.nat({ max: 20 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean()).map(([k, size, forget, overlapping]) => redeliverBatch(k, size, forget, overlapping)),
  fc.constant(null).map(() => nextDay()),
];

/** What a run is set up with: its two offers and the budget of its budgeted rule. */
interface RunParams {
  readonly offers: ReadonlyArray<{ readonly price: number; readonly stock: number; readonly perUserLimit: number | null; readonly validDays: number }>;
  readonly budget: number;
}
const runSetup: fc.Arbitrary<RunParams> = fc.record({
  offers: fc.tuple(
    fc.record({ price: fc.integer({ min: 1, max: 15 }), stock: fc.integer({ min: 0, max: 3 }), perUserLimit: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }), validDays: fc.integer({ min: 1, max: 2 }) }),
    fc.record({ price: fc.integer({ min: 1, max: 15 }), stock: fc.integer({ min: 1, max: 4 }), perUserLimit: fc.constant(null), validDays: fc.constant(30) }),
  ),
  budget: fc.integer({ min: 1, max: 20 }),
});

/** A run's fresh world: its people (in turn from the seeded ones), a new local day, offers, a cause and a budgeted rule; the model starts from what the server says. */
async function setup(params: RunParams): Promise<{ model: Model; real: Real }> {
  const turn = runs++;
  const slice = <T>(all: readonly T[], n: number): T[] => Array.from({ length: n }, (_, i) => all[(turn * n + i) % all.length]).filter((p): p is T => p !== undefined);
  const citizens = slice(stage.citizens, CITIZENS_PER_RUN);
  const officers = slice(stage.officers, OFFICERS_PER_RUN);
  const now = stage.clock.now().getTime();
  stage.clock.advance((Math.floor(now / DAY_MS) + 1) * DAY_MS + DAY_MS / 2 - now);

  if (budgetRule) await api(stage.admin, 'PUT', `/rewards/rules/${budgetRule.id}`, definitionOf(budgetRule, false));
  const budgeted = { name: `Model: budget ${turn}`, kinds: ['proximity', 'qr', 'virtual'] as Kind[], locationVerified: 'unverified' as const, points: { citizen: 4, officer: 3 }, firstEver: false, perPairPerDay: null, perUserPerDay: null, budget: params.budget };
  const created = await api(stage.admin, 'POST', '/rewards/rules', definitionOf(budgeted));
  assert.equal(created.statusCode, 201, created.body);
  budgetRule = { ...budgeted, id: created.json().rule.id };

  const offers: OfferModel[] = [];
  for (const [i, o] of params.offers.entries()) {
    const offer = await stage.offer(shop, { title: `Model offer ${turn}.${i}`, pricePoints: o.price, stock: o.stock, perUserLimit: o.perUserLimit, voucherValidDays: o.validDays });
    offers.push({ id: offer.id, price: o.price, stock: o.stock, perUserLimit: o.perUserLimit, validDays: o.validDays });
  }
  const cause = await stage.cause(charity, { title: `Model cause ${turn}` });
  const people = [...citizens, ...officers];
  const ids = people.map((p) => p.accountId);
  const seen = await sql<{ id: string }>`select distinct id from (select officer_id as id from rewards.connections_seen union select citizen_id from rewards.connections_seen) s
    where id in (${sql.join(ids)})`.execute(stage.server.database.db);
  const balances = new Map<string, number>();
  for (const p of people) balances.set(p.accountId, await stage.balance(p));
  for (const partner of [shop, charity]) balances.set(partner.id, (await api(partner.owner, 'GET', `/rewards/organisations/${partner.id}/summary`)).json().balance);
  const model: Model = {
    balances, connected: new Set(seen.rows.map((r) => r.id)), paidToday: new Map(), spent: new Map(), donatedToday: new Map(), giftedToday: new Map(),
    rules: [...fixedRules, budgetRule], offers, causes: [{ id: cause.id, active: true, received: 0 }, closedCause], vouchers: [], keyed: [], earned: [],
  };
  const real: Real = { citizens, officers, people };
  await verify(model, real);
  return { model, real };
}

describe('the ledger equals a simple model after every step', () => {
  before(async () => {
    stage = await startRewardsStage({ citizens: 24, officers: 24, settings: { TIME_ZONE: 'UTC' }, rewards: { shortCodesPerMinute: 1_000_000 } });
    shop = await stage.partner('retailer', 'Model Shop');
    charity = await stage.partner('charity', 'Model Charity');
    assert.equal((await api(stage.admin, 'PUT', '/rewards/settings', SETTINGS)).statusCode, 200);
    // The model's own rules replace the deployment's defaults.
    for (const rule of (await api(stage.admin, 'GET', '/rewards/rules')).json().items) {
      const { id, version: _version, spentPoints: _spent, updatedAt: _updated, ...definition } = rule;
      assert.equal((await api(stage.admin, 'PUT', `/rewards/rules/${id}`, { ...definition, active: false })).statusCode, 200);
    }
    fixedRules = [];
    for (const rule of FIXED_RULES) {
      const created = await api(stage.admin, 'POST', '/rewards/rules', definitionOf(rule));
      assert.equal(created.statusCode, 201, created.body);
      fixedRules.push({ ...rule, id: created.json().rule.id });
    }
    const closed = await stage.cause(charity, { title: 'Closed cause' });
    assert.equal((await api(charity.owner, 'PATCH', `/rewards/organisations/${charity.id}/causes/${closed.id}`, { active: false })).statusCode, 200);
    closedCause = { id: closed.id, active: false, received: 0 };
  });
  after(async () => stage?.close());

  it('earn, redeliver, grant, redeem, cancel, use, donate, gift, retry and the next day, in any order', async () => {
    console.log(`  rewards model: seed ${SEED} (replay with REWARDS_MODEL_SEED=${SEED})`);
    const started = Date.now();
    let steps = 0;
    const property = fc.asyncProperty(runSetup, fc.commands(commandArbitraries, { maxCommands: MAX_COMMANDS, size: 'max' }), async (params, commands) => {
      steps += [...commands].length;
      await fc.asyncModelRun(() => setup(params), commands);
    });
    const details = await fc.check(property, { numRuns: NUM_RUNS, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT_MS });
    console.log(`  rewards model: ${details.numRuns} runs${details.interrupted ? ' (stopped by the time limit)' : ''}, ${steps} commands drawn, ${details.numShrinks} shrinks, ${Math.round((Date.now() - started) / 1000)} s`);
    console.log(`  rewards model outcomes: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`);
    if (details.failed) {
      const cause = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
      throw new Error(`${fc.defaultReportMessage(details) ?? 'the model and the ledger disagree'}\n${cause.stack ?? cause.message}`, { cause });
    }
  });
});
