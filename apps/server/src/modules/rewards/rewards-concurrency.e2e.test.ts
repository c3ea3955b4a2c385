// The ledger under real concurrency, on the PostgreSQL server (PGlite has one connection, so it cannot
// show a race): two server instances on one fresh database, each with its own pool, take thousands of
// requests at once through the HTTP layer (inject), many in flight at a time, alternating between the
// instances (connection-made events go to both instances' consumers at once). After every test the sum
// of all entries is 0, every balance equals its entries, and every redemption debit has its voucher.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Response } from 'light-my-request';
import { sql, type RawBuilder } from 'kysely';
import type { Server } from '../../composition.ts';
import { envelopeOf } from '../../platform/events/envelope.ts';
import { composeTestServer } from '../../../test/support/server.ts';
import { distributedSettings, skipWithoutPostgres } from '../../../test/support/services.ts';
import { signInByEmail, type Person } from '../../../test/support/people.ts';
import { waitUntil } from '../../../test/support/wait.ts';
import { canonicalJson } from './domain/idempotency.ts';
import { createRewardsModule, type RewardsOptions } from './index.ts';
import { startRewardsStage, type Partner, type RewardsStage } from './rewards.e2e-harness.ts';

/** Requests in flight at once, shared by both instances (each has a pool of 10 connections). */
const IN_FLIGHT = 128;
const tunables: Partial<RewardsOptions> = { shortCodesPerMinute: 1_000_000 };

/** Runs `count` tasks with at most `limit` of them in flight; answers their results in task order. */
async function inFlight<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  let peak = 0;
  let running = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      running++;
      peak = Math.max(peak, running);
      try {
        results[i] = await task(i);
      } finally {
        running--;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  assert.equal(peak, Math.min(limit, count), 'the requests were in flight together');
  return results;
}

/** What a response came to: a status, or the error code of a refusal. */
function outcomeOf(response: Response): string {
  if (response.statusCode < 300) return String(response.statusCode);
  const code: unknown = response.json()?.error?.code;
  return typeof code === 'string' ? code : `${response.statusCode} ${response.body}`;
}

function tally(responses: readonly Response[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) counts[outcomeOf(r)] = (counts[outcomeOf(r)] ?? 0) + 1;
  return counts;
}

// Route limits (60 writes a minute per client address) are per address: each request comes from its own.
const addressOf = (i: number): string => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

// The tests run one after another (each with its own people, offers and causes): side by side the file took
// half the time on a quiet machine, but on a busy one each 10,000-request test came near the runner's limit per test.
describe('the ledger under concurrency, two instances on one PostgreSQL server', { skip: skipWithoutPostgres }, () => {
  let stage: RewardsStage;
  let second: Server;
  let instances: readonly Server[];
  let drop: (() => Promise<void>) | undefined;
  let shop: Partner;
  // Shops of their own for tests that check what a shop was paid: the other tests run alongside and pay the race shop.
  let hall: Partner;
  let cinema: Partner;
  let charity: Partner;

  /** A request on the instance `i` picks (alternating), from an address of its own. */
  const send = (i: number, person: Person, method: 'POST' | 'GET', url: string, payload?: object, headers: Record<string, string> = {}): Promise<Response> =>
    (instances[i % instances.length] ?? stage.server).app.inject({
      method, url: `/api/v1${url}`, remoteAddress: addressOf(i), headers: { authorization: `Bearer ${person.token}`, ...headers }, ...(payload ? { payload } : {}),
    });
  const rows = async <R>(query: RawBuilder<R>): Promise<R[]> => (await query.execute(stage.server.database.db)).rows;
  const count = async (query: RawBuilder<{ n: number }>): Promise<number> => Number((await rows(query))[0]?.n ?? -1);
  const eventsAbout = (type: string, field: string, id: string) =>
    count(sql<{ n: number }>`select count(*)::int as n from platform.outbox where type = ${type} and payload->>${field} = ${id}`);

  /** Every redemption debit has its voucher, and every voucher its debit of the voucher's points from its holder. */
  async function assertEveryDebitHasItsVoucher(): Promise<void> {
    const orphans = await rows(sql`select t.id from rewards.transfers t left join rewards.vouchers v on v.payment_id = t.id
      where t.kind in ('redemption', 'hold') and v.id is null`);
    assert.deepEqual(orphans, [], 'no points taken without a voucher');
    const unpaid = await rows(sql`select v.id from rewards.vouchers v
      left join rewards.transfers t on t.id = v.payment_id and t.reference_id = v.id and t.amount = v.points
      left join rewards.accounts payer on payer.id = t.debit_account_id and payer.kind = 'person' and payer.owner_id = v.citizen_id
      where payer.id is null`);
    assert.deepEqual(unpaid, [], 'no voucher without its debit');
  }

  before(async () => {
    const distributed = await distributedSettings();
    drop = distributed.drop;
    // Both instances on one database; each relays the shared outbox to its own in-process bus even when
    // NATS_URL is set: the races under test are the database's, and a broker's backlog would only slow them.
    const { NATS_URL: _nats, NATS_STREAM: _stream, ...settings } = distributed.settings;
    stage = await startRewardsStage({ citizens: 183, officers: 16, settings, rewards: tunables });
    second = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '1000000', ...settings }, { clock: stage.clock, product: { rewards: createRewardsModule(tunables) } });
    await second.listen();
    instances = [stage.server, second];
    shop = await stage.partner('retailer', 'Race Shop');
    hall = await stage.partner('retailer', 'Concert Hall');
    cinema = await stage.partner('retailer', 'Cinema');
    charity = await stage.partner('charity', 'Race Charity');
  });
  after(async () => {
    await second?.stop('test finished');
    await stage?.close();
    await drop?.();
  });
  afterEach(async () => {
    await stage.assertConserved();
    await assertEveryDebitHasItsVoucher();
  });

  it('1,000 concurrent submissions of one idempotency key make exactly one transfer, and every one answers the same outcome', async () => {
    const citizen = stage.citizens[0];
    assert.ok(citizen);
    await stage.grant(citizen, 100);
    const offer = await stage.offer(shop, { pricePoints: 30, stock: 100 });
    const key = crypto.randomUUID();
    const responses = await inFlight(1_000, IN_FLIGHT, (i) => send(i, citizen, 'POST', `/rewards/offers/${offer.id}/redeem`, {}, { 'idempotency-key': key }));
    assert.deepEqual(tally(responses), { 201: 1_000 });
    const bodies = new Set(responses.map((r) => canonicalJson(r.json())));
    assert.equal(bodies.size, 1, 'every response is the first outcome');
    const voucherId: string = responses[0]?.json().voucher.id;
    assert.equal(responses[0]?.json().balance, 70);
    assert.equal(await count(sql<{ n: number }>`select count(*)::int as n from rewards.transfers where reference_id = ${voucherId}`), 1, 'exactly one transfer');
    assert.equal(await count(sql<{ n: number }>`select count(*)::int as n from rewards.vouchers where offer_id = ${offer.id}`), 1, 'exactly one voucher');
    assert.equal(await eventsAbout('rewards.voucher-issued.v1', 'voucherId', voucherId), 1, 'one voucher-issued event');
    assert.equal(await stage.balance(citizen), 70);
    assert.equal((await stage.call(citizen, 'GET', `/rewards/offers/${offer.id}`)).json().offer.stockLeft, 99);
  });

  it('10,000 concurrent 1-point spends (donations to two causes and redemptions of four 1-point offers) against 100 points: exactly 100 succeed, the rest are refused for insufficient points, and the balance is 0', async () => {
    const citizen = stage.citizens[1];
    assert.ok(citizen);
    await stage.grant(citizen, 100);
    const causes = [await stage.cause(charity, { title: 'Meals' }), await stage.cause(charity, { title: 'Coats' })];
    const offers = await Promise.all([1, 2, 3, 4].map((n) => stage.offer(shop, { title: `Sticker ${n}`, pricePoints: 1, stock: 1_000 })));
    const spends = [...causes.map((c) => ({ url: `/rewards/causes/${c.id}/donations`, payload: { points: 1 } })), ...offers.map((o) => ({ url: `/rewards/offers/${o.id}/redeem`, payload: {} }))];
    const responses = await inFlight(10_000, IN_FLIGHT, (i) => {
      const spend = spends[i % spends.length] ?? spends[0];
      assert.ok(spend);
      return send(i, citizen, 'POST', spend.url, spend.payload, { 'idempotency-key': crypto.randomUUID() });
    });
    const outcomes = tally(responses);
    console.log(`  1-point spends: ${JSON.stringify(outcomes)}`);
    assert.equal(outcomes['201'], 100, 'exactly 100 spends succeed');
    assert.equal(outcomes.REWARDS_INSUFFICIENT_POINTS, 9_900, 'every other one is refused for insufficient points');
    assert.equal(await stage.balance(citizen), 0);
    const donated = await count(sql<{ n: number }>`select coalesce(sum(points), 0)::int as n from rewards.donations where donor_id = ${citizen.accountId}`);
    const redeemed = await count(sql<{ n: number }>`select count(*)::int as n from rewards.vouchers where citizen_id = ${citizen.accountId}`);
    assert.equal(donated + redeemed, 100, 'each success is one donation or one voucher');
    const stockTaken = offers.length * 1_000 - (await count(sql<{ n: number }>`select sum(stock_left)::int as n from rewards.offers where id in (${sql.join(offers.map((o) => o.id))})`));
    assert.equal(stockTaken, redeemed, 'stock was taken only for vouchers');
    const received = await count(sql<{ n: number }>`select sum(received_points)::int as n from rewards.causes where id in (${sql.join(causes.map((c) => c.id))})`);
    assert.equal(received, donated, 'the causes received what was donated');
  });

  it('10,000 concurrent redemptions against a stock of 100 give exactly 100 vouchers, and nobody is charged without one', async () => {
    const buyers = stage.citizens.slice(2, 102);
    assert.equal(buyers.length, 100);
    for (const buyer of buyers) await stage.grant(buyer, 300);
    const offer = await stage.offer(hall, { title: 'Concert ticket', pricePoints: 3, stock: 100 });
    const responses = await inFlight(10_000, IN_FLIGHT, (i) => {
      const buyer = buyers[i % buyers.length];
      assert.ok(buyer);
      return send(i, buyer, 'POST', `/rewards/offers/${offer.id}/redeem`, {}, { 'idempotency-key': crypto.randomUUID() });
    });
    const outcomes = tally(responses);
    console.log(`  redemptions against stock 100: ${JSON.stringify(outcomes)}`);
    assert.deepEqual(outcomes, { 201: 100, REWARDS_SOLD_OUT: 9_900 });
    const vouchers = await rows(sql<{ citizen_id: string; n: number }>`select citizen_id, count(*)::int as n from rewards.vouchers where offer_id = ${offer.id} group by citizen_id`);
    assert.equal(vouchers.reduce((sum, v) => sum + v.n, 0), 100, 'exactly 100 vouchers');
    const held = new Map(vouchers.map((v) => [v.citizen_id, v.n]));
    const balances = await Promise.all(buyers.map((b) => stage.balance(b)));
    buyers.forEach((buyer, i) => assert.equal(balances[i], 300 - 3 * (held.get(buyer.accountId) ?? 0), 'each buyer paid for their vouchers and nothing more'));
    assert.equal((await stage.call(hall.owner, 'GET', `/rewards/organisations/${hall.id}/summary`)).json().balance, 300, 'the shop was paid for 100 vouchers');
    assert.equal((await stage.call(buyers[0] ?? shop.owner, 'GET', `/rewards/offers/${offer.id}`)).json().offer.stockLeft, 0);
    assert.equal(await count(sql<{ n: number }>`select count(*)::int as n from platform.outbox where type = 'rewards.voucher-issued.v1' and payload->>'offerId' = ${offer.id}`), 100, 'one voucher-issued event per voucher');
    assert.equal(await count(sql<{ n: number }>`select count(*)::int as n from platform.outbox where type = 'rewards.redemption-failed.v1' and payload->>'offerId' = ${offer.id}`), 9_900, 'one redemption-failed event per refusal');
  });

  it('two tills — one on each instance, one scanning the QR code and one typing the short code — using the same voucher 1,000 times at once: exactly one "used"', async () => {
    const citizen = stage.citizens[132];
    assert.ok(citizen);
    await stage.grant(citizen, 10);
    const offer = await stage.offer(shop, { title: 'Lunch', pricePoints: 10 });
    const redeemed = await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`);
    assert.equal(redeemed.statusCode, 201, redeemed.body);
    const { voucher } = redeemed.json();
    // A second till: the shop's owner signed in again, on the other instance.
    const email = (await rows(sql<{ email: string }>`select email from identity.accounts where id = ${shop.owner.accountId}`))[0]?.email;
    assert.ok(email);
    const otherTill = await signInByEmail(second, email, '10.97.0.1');
    const tills = [{ person: shop.owner, code: voucher.code as string }, { person: otherTill, code: voucher.shortCode as string }];
    const responses = await inFlight(1_000, IN_FLIGHT, (i) => {
      const till = tills[i % 2];
      assert.ok(till);
      return send(i, till.person, 'POST', `/rewards/organisations/${shop.id}/vouchers/use`, { code: till.code });
    });
    const outcomes = tally(responses);
    assert.deepEqual(outcomes, { 200: 1, REWARDS_VOUCHER_ALREADY_USED: 999 });
    assert.equal(responses.find((r) => r.statusCode === 200)?.json().voucher.status, 'used');
    assert.equal(await eventsAbout('rewards.voucher-used.v1', 'voucherId', voucher.id), 1, 'one voucher-used event');
    assert.equal((await stage.call(citizen, 'GET', `/rewards/vouchers/${voucher.id}`)).json().voucher.status, 'used');
  });
  it('connections made at once, each delivered to both instances at the same time, pay every award once: one first-ever bonus per citizen, and daily caps hold exactly', async () => {
    const newcomers = stage.citizens.slice(102, 132);
    const officers = stage.officers.slice(0, 8);
    assert.equal(newcomers.length, 30);
    assert.equal(officers.length, 8);
    const madeAt = stage.clock.now();
    const envelopes = newcomers.flatMap((citizen) => officers.map((officer) => envelopeOf('connections.connection-made.v1', {
      connectionId: crypto.randomUUID(), officerId: officer.accountId, citizenId: citizen.accountId, kind: 'proximity' as const,
      locationVerified: true, cell: null, zip: null, madeAt: madeAt.toISOString(),
    }, { actorId: officer.accountId, correlationId: crypto.randomUUID(), causationId: null }, madeAt)));
    // Every event goes to both instances' consumers at once, as two relays (or a redelivering bus) would.
    // A delivery a consumer failed (e.g. a deadlock PostgreSQL broke) is delivered again, as the relay does.
    let redelivered = 0;
    await inFlight(envelopes.length * 2, 64, async (i) => {
      const envelope = envelopes[i >> 1];
      assert.ok(envelope);
      for (let attempt = 1; ; attempt++) {
        try {
          return await (instances[i % 2] ?? stage.server).bus.publish({ envelope, traceContext: {} });
        } catch (error) {
          if (attempt >= 10) throw error;
          redelivered++;
        }
      }
    });
    console.log(`  ${envelopes.length} connections, each delivered twice at once: ${redelivered} deliveries failed and were made again`);
    await waitUntil(async () => (await count(sql<{ n: number }>`select count(*)::int as n from platform.inbox where consumer = 'rewards.on-connection-made'
      and event_id in (${sql.join(envelopes.map((e) => e.id))})`)) === envelopes.length, 60_000, 'every connection handled');
    // Default rules: "Connection" 10 each (200 a day per person), "Met in person" 5 each (100 a day), "First connection" 25 to a citizen, once ever.
    const firstBonuses = await rows(sql<{ recipient_id: string; n: number }>`select recipient_id, count(*)::int as n from rewards.awards
      where rule_id = '00000000-0000-4000-8000-000000000203' and recipient_id in (${sql.join(newcomers.map((c) => c.accountId))}) group by recipient_id`);
    assert.deepEqual(firstBonuses.filter((b) => b.n !== 1), [], 'each citizen got the first-ever bonus once');
    assert.equal(firstBonuses.length, newcomers.length, 'each citizen got the first-ever bonus');
    const citizenBalances = await Promise.all(newcomers.map((c) => stage.balance(c)));
    assert.deepEqual(citizenBalances, newcomers.map(() => 8 * 10 + 8 * 5 + 25), 'each citizen: 8 connections and one first-ever bonus');
    const officerBalances = await Promise.all(officers.map((o) => stage.balance(o)));
    assert.deepEqual(officerBalances, officers.map(() => 200 + 100), 'each officer: 30 connections, capped at exactly 200 + 100 a day');
  });
  it('officers gifting one another at once, each way round: every gift is paid once, and no deadlock reaches anyone', async () => {
    const givers = stage.officers.slice(8, 16);
    assert.equal(givers.length, 8);
    for (const giver of givers) await stage.grant(giver, 1_000);
    const balancesBefore = await Promise.all(givers.map((g) => stage.balance(g)));
    const deadlocks = () => count(sql<{ n: number }>`select deadlocks::int as n from pg_stat_database where datname = current_database()`);
    const deadlocksBefore = await deadlocks();
    // Each of 8 officers sends 125 one-point gifts to the 7 others: every pair gives both ways at once.
    const gifts = Array.from({ length: 1_000 }, (_, i) => ({ from: i % 8, to: ((i % 8) + 1 + ((i >> 3) % 7)) % 8 }));
    const responses = await inFlight(gifts.length, IN_FLIGHT, (i) => {
      const gift = gifts[i];
      const from = givers[gift?.from ?? 0];
      const to = givers[gift?.to ?? 0];
      assert.ok(from && to);
      return send(i, from, 'POST', '/rewards/gifts', { recipientId: to.accountId, points: 1 }, { 'idempotency-key': crypto.randomUUID() });
    });
    const outcomes = tally(responses);
    console.log(`  gifts among officers: ${JSON.stringify(outcomes)}, ${(await deadlocks()) - deadlocksBefore} deadlocks in the database meanwhile (any test's)`);
    assert.deepEqual(outcomes, { 201: 1_000 });
    const balancesAfter = await Promise.all(givers.map((g) => stage.balance(g)));
    assert.deepEqual(balancesAfter, givers.map((_, n) => (balancesBefore[n] ?? 0) - 125 + gifts.filter((g) => g.to === n).length), 'each gave 125 and got what was sent to them');
  });
  it('citizens cancelling vouchers while a till uses them and while they redeem again at the same shop: each voucher is used or refunded, never both', async () => {
    const holders = stage.citizens.slice(133, 183);
    assert.equal(holders.length, 50);
    const offer = await stage.offer(cinema, { title: 'Film', pricePoints: 5, stock: 1_000 });
    for (const holder of holders) await stage.grant(holder, 100);
    const redeem = (i: number, holder: Person) => send(i, holder, 'POST', `/rewards/offers/${offer.id}/redeem`, {}, { 'idempotency-key': crypto.randomUUID() });
    const first = await inFlight(holders.length * 2, IN_FLIGHT, (i) => redeem(i, holders[i >> 1] ?? cinema.owner));
    assert.deepEqual(tally(first), { 201: 100 });
    const vouchers = first.map((r, i) => ({ holder: holders[i >> 1] ?? cinema.owner, id: r.json().voucher.id as string, code: r.json().voucher.code as string }));
    // At once, for every voucher: its holder cancels it and the till uses it; and every holder redeems once more.
    const race = await inFlight(vouchers.length * 2 + holders.length, IN_FLIGHT, (i) => {
      if (i >= vouchers.length * 2) return redeem(i, holders[i - vouchers.length * 2] ?? cinema.owner);
      const voucher = vouchers[i >> 1];
      assert.ok(voucher);
      return i % 2 === 0
        ? send(i, voucher.holder, 'POST', `/rewards/vouchers/${voucher.id}/cancel`, {}, { 'idempotency-key': crypto.randomUUID() })
        : send(i, cinema.owner, 'POST', `/rewards/organisations/${cinema.id}/vouchers/use`, { code: voucher.code });
    });
    console.log(`  cancel, use and redeem at once: ${JSON.stringify(tally(race))}`);
    const outcomeAt = (i: number): string => {
      const response = race[i];
      assert.ok(response);
      return outcomeOf(response);
    };
    let cancelled = 0;
    const refunds = new Map<string, number>();
    vouchers.forEach((voucher, n) => {
      const [cancel, use] = [outcomeAt(2 * n), outcomeAt(2 * n + 1)];
      assert.ok((cancel === '200' && use === 'REWARDS_VOUCHER_CANCELLED') || (cancel === 'REWARDS_VOUCHER_ALREADY_USED' && use === '200'), `voucher ${voucher.id}: cancel ${cancel}, use ${use}`);
      if (cancel !== '200') return;
      cancelled++;
      refunds.set(voucher.holder.accountId, (refunds.get(voucher.holder.accountId) ?? 0) + 5);
    });
    assert.deepEqual(tally(race.slice(vouchers.length * 2)), { 201: holders.length }, 'every new redemption went through');
    const statuses = await rows(sql<{ status: string; n: number }>`select status, count(*)::int as n from rewards.vouchers where offer_id = ${offer.id} group by status order by status`);
    assert.deepEqual(statuses, [{ status: 'active', n: holders.length }, ...(cancelled > 0 ? [{ status: 'cancelled', n: cancelled }] : []), ...(cancelled < 100 ? [{ status: 'used', n: 100 - cancelled }] : [])]);
    const balances = await Promise.all(holders.map((h) => stage.balance(h)));
    assert.deepEqual(balances, holders.map((h) => 100 - 3 * 5 + (refunds.get(h.accountId) ?? 0)), 'three vouchers paid, cancelled ones refunded');
    assert.equal((await stage.call(cinema.owner, 'GET', `/rewards/organisations/${cinema.id}/summary`)).json().balance, 5 * (150 - cancelled), 'the shop keeps what was not refunded');
    assert.equal((await stage.call(cinema.owner, 'GET', `/rewards/offers/${offer.id}`)).json().offer.stockLeft, 1_000 - 150 + cancelled);
  });
});
