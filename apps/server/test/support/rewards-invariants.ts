// The ledger's invariants read straight from the database (PGlite on disk once the server is down, or
// the PostgreSQL server): what must hold at any moment, even right after a kill -9, and what must hold
// once everything in flight has settled.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.ts';
import type { World } from './rewards-world.ts';

const AWARDS_CONSUMER = 'rewards.on-connection-made';

async function rows<T>(db: Db, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/** What the checks count, for the report. */
export interface LedgerCounts {
  readonly vouchers: Record<string, number>;
  readonly awards: number;
  readonly connectionEvents: number;
}

/**
 * Holds at every instant, crash or not: every entry sums to zero and every balance to its entries; no
 * voucher without its debit; no debit without its voucher; refunds and settlements each once and only
 * for their voucher; no award twice per (event, recipient, rule) and each with its one transfer; no
 * key left half-written; every acknowledged redemption there.
 */
export async function assertAlwaysTrue(db: Db, world: World, acknowledged: Iterable<string>): Promise<LedgerCounts> {
  const [sum] = await rows(db, sql<{ total: number }>`select coalesce(sum(amount), 0)::bigint as total from rewards.entries`);
  assert.equal(Number(sum?.total), 0, 'the sum of all entries is 0');
  assert.deepEqual(await rows(db, sql`select a.id, a.kind, a.balance, coalesce(e.total, 0) as entries from rewards.accounts a
    left join (select account_id, sum(amount) as total from rewards.entries group by account_id) e on e.account_id = a.id
    where a.balance <> coalesce(e.total, 0) or (a.kind <> 'issuance' and a.balance < 0)`), [], 'every balance equals its entries; only issuance is negative');

  assert.deepEqual(await rows(db, sql`select v.id, v.status, t.kind, t.amount, v.points from rewards.vouchers v
    join rewards.offers o on o.id = v.offer_id
    left join rewards.transfers t on t.id = v.payment_id
    left join rewards.accounts payee on payee.id = t.credit_account_id
    left join rewards.accounts p on p.kind = 'person' and p.owner_id = v.citizen_id
    where t.id is null or t.amount <> v.points or t.debit_account_id is distinct from p.id or t.reference_id <> v.id
      or not (case when o.issuer_url is null then t.kind = 'redemption' and payee.kind = 'organisation' and payee.owner_id = v.organisation_id
                   else t.kind = 'hold' and payee.kind = 'holding' end)`),
  [], 'no voucher without its debit: the citizen’s, of its price, to the organisation (or held, for an external issuer)');
  assert.deepEqual(await rows(db, sql`select t.id, t.kind from rewards.transfers t where t.kind in ('redemption', 'hold')
    and (select count(*) from rewards.vouchers v where v.payment_id = t.id) <> 1`), [], 'no debit without exactly one voucher');

  assert.deepEqual(await rows(db, sql`select v.id, v.status from rewards.vouchers v left join rewards.transfers r on r.id = v.refund_id
    where (v.status in ('failed', 'cancelled')) <> (r.id is not null)
      or (r.id is not null and (r.kind <> 'refund' or r.reverses_id <> v.payment_id or r.amount <> v.points
        or r.credit_account_id <> (select debit_account_id from rewards.transfers where id = v.payment_id)))`),
  [], 'failed and cancelled vouchers, and only they, have their refund reversing the payment');
  assert.deepEqual(await rows(db, sql`select t.id, t.kind from rewards.transfers t where t.kind = 'refund' and t.reference_id is not null
    and not exists (select 1 from rewards.vouchers v where v.refund_id = t.id)
    and not exists (select 1 from rewards.donations d where d.transfer_id = t.id)`), [], 'no refund without its voucher');
  assert.deepEqual(await rows(db, sql`select v.id, v.status from rewards.vouchers v
    join rewards.transfers p on p.id = v.payment_id and p.kind = 'hold'
    left join rewards.transfers s on s.id = v.settlement_id
    where (v.status in ('active', 'used')) <> (s.id is not null)
      or (s.id is not null and (s.kind <> 'settle-hold' or s.amount <> v.points or s.debit_account_id <> p.credit_account_id
        or s.credit_account_id <> (select id from rewards.accounts where kind = 'organisation' and owner_id = v.organisation_id)))`),
  [], 'held points settled to the organisation exactly when the voucher is active or used');
  assert.deepEqual(await rows(db, sql`select t.id from rewards.transfers t where t.kind = 'settle-hold'
    and (select count(*) from rewards.vouchers v where v.settlement_id = t.id) <> 1`), [], 'no settlement but its voucher’s one');

  assert.deepEqual(await rows(db, sql`select event_id, recipient_id, rule_id, count(*)::int as n from rewards.awards group by 1, 2, 3 having count(*) > 1`), [], 'no award twice for one event, recipient and rule');
  assert.deepEqual(await rows(db, sql`select a.id from rewards.awards a left join rewards.transfers t on t.id = a.transfer_id
    left join rewards.accounts p on p.kind = 'person' and p.owner_id = a.recipient_id
    where t.id is null or t.kind <> 'award' or t.amount <> a.points or t.credit_account_id <> p.id or t.reference_id <> a.id`), [], 'every award paid by its own transfer');
  assert.deepEqual(await rows(db, sql`select t.id from rewards.transfers t where t.kind = 'award'
    and (select count(*) from rewards.awards a where a.transfer_id = t.id) <> 1`), [], 'no award transfer without its award');

  assert.deepEqual(await rows(db, sql`select account_id, key from rewards.idempotency_keys where response = '{}'::jsonb`), [], 'no idempotency key left without its outcome');
  const ids = [...acknowledged];
  const found = await rows(db, sql<{ id: string }>`select id from rewards.vouchers where id = any(${ids}::uuid[])`);
  assert.equal(found.length, ids.length, `every acknowledged (201) redemption is there (${ids.length - found.length} missing)`);

  for (const offer of world.offers) {
    const [held] = await rows(db, sql<{ n: number; left: number }>`select (select count(*)::int from rewards.vouchers where offer_id = ${offer.id} and status in ('pending', 'active', 'used')) as n,
      (select stock_left from rewards.offers where id = ${offer.id}) as left`);
    assert.equal((held?.n ?? 0) + (held?.left ?? 0), offer.stock, `offer ${offer.id}: stock left plus vouchers holding it is the stock it started with`);
  }
  const statuses = await rows(db, sql<{ status: string; n: number }>`select status, count(*)::int as n from rewards.vouchers group by 1`);
  const [awards] = await rows(db, sql<{ n: number }>`select count(*)::int as n from rewards.awards`);
  const [events] = await rows(db, sql<{ n: number }>`select count(*)::int as n from platform.outbox where type = 'connections.connection-made.v1'`);
  return { vouchers: Object.fromEntries(statuses.map((s) => [s.status, s.n])), awards: awards?.n ?? 0, connectionEvents: events?.n ?? 0 };
}

/**
 * Holds once everything in flight has settled: nothing pending or unpublished, every connection event
 * handled, each person's balance their awards less what their vouchers hold, each organisation's the
 * price of its vouchers, external vouchers carrying the issuer's code for their key, and the vouchers
 * exactly those acknowledged (every in-doubt key having been replayed).
 */
export async function assertSettled(db: Db, world: World, acknowledged: ReadonlySet<string>, issuerCodes: ReadonlyMap<string, string>): Promise<void> {
  assert.deepEqual(await rows(db, sql`select id, issuer_attempts, issuer_last_error from rewards.vouchers where status = 'pending'`), [], 'no voucher left pending');
  assert.deepEqual(await rows(db, sql`select seq, type, attempts, last_error from platform.outbox where published_at is null`), [], 'every event published, none parked');
  assert.deepEqual(await rows(db, sql`select consumer, event_id, error from platform.dead_letters`), [], 'no consumer gave up on an event');
  assert.deepEqual(await rows(db, sql`select o.id from platform.outbox o where o.type = 'connections.connection-made.v1'
    and not exists (select 1 from platform.inbox i where i.consumer = ${AWARDS_CONSUMER} and i.event_id = o.id)`), [], 'every connection-made event handled by the awards consumer');
  assert.deepEqual(await rows(db, sql`select c.connection_id from rewards.connections_seen c where not exists (select 1 from rewards.awards a
    join platform.outbox o on o.id = a.event_id and o.payload->>'connectionId' = c.connection_id::text where a.rule_id = ${world.fundingRule.id} and a.recipient_id = c.citizen_id)`),
  [], 'every connection paid the citizen by the uncapped funding rule');
  assert.deepEqual(await rows(db, sql`select id from rewards.accounts where kind = 'holding' and balance <> 0`), [], 'nothing left held');

  assert.deepEqual(await rows(db, sql`select p.owner_id, p.balance, coalesce(a.total, 0) as awarded, coalesce(v.total, 0) as spent from rewards.accounts p
    left join (select recipient_id, sum(points) as total from rewards.awards group by 1) a on a.recipient_id = p.owner_id
    left join (select citizen_id, sum(points) as total from rewards.vouchers where status in ('active', 'used') group by 1) v on v.citizen_id = p.owner_id
    where p.kind = 'person' and p.balance <> coalesce(a.total, 0) - coalesce(v.total, 0)`), [], 'each person has their awards less the price of their vouchers');
  assert.deepEqual(await rows(db, sql`select o.owner_id, o.balance, coalesce(v.total, 0) as earned from rewards.accounts o
    left join (select organisation_id, sum(points) as total from rewards.vouchers where status in ('active', 'used') group by 1) v on v.organisation_id = o.owner_id
    where o.kind = 'organisation' and o.balance <> coalesce(v.total, 0)`), [], 'each organisation has the price of its vouchers');

  const external = await rows(db, sql<{ id: string; external_code: string | null; status: string }>`select v.id, v.external_code, v.status from rewards.vouchers v
    join rewards.offers o on o.id = v.offer_id where o.issuer_url is not null`);
  for (const v of external) if (v.status === 'active') assert.equal(v.external_code, issuerCodes.get(v.id), `external voucher ${v.id} carries the issuer’s code for its key`);

  const all = await rows(db, sql<{ id: string }>`select id from rewards.vouchers`);
  const unacknowledged = all.filter((v) => !acknowledged.has(v.id));
  assert.deepEqual(unacknowledged, [], 'no voucher that no request was told about');
}

/** Connection events to deliver again, chosen once the server is down, and the awards they had. */
export interface Redelivery {
  readonly events: number;
  readonly withoutInbox: number;
  readonly awards: ReadonlyArray<{ id: string; event_id: string; points: number }>;
}

/**
 * Makes every connection-made event already handled be delivered again on the next start: its outbox
 * row unpublished, and for every other one its inbox row removed too, so only the awards' unique key
 * stands between a redelivery and a second payment.
 */
export async function scheduleRedelivery(db: Db): Promise<Redelivery> {
  return db.transaction().execute(async (tx) => {
    const handled = await rows(tx, sql<{ id: string }>`select o.id from platform.outbox o join platform.inbox i on i.event_id = o.id and i.consumer = ${AWARDS_CONSUMER}
      where o.type = 'connections.connection-made.v1' order by o.seq`);
    const ids = handled.map((e) => e.id);
    const forgotten = ids.filter((_, i) => i % 2 === 0);
    const awards = await rows(tx, sql<{ id: string; event_id: string; points: number }>`select id, event_id, points from rewards.awards where event_id = any(${ids}::uuid[]) order by id`);
    await sql`update platform.outbox set published_at = null, claimed_until = null, attempts = 0 where id = any(${ids}::uuid[])`.execute(tx);
    await sql`delete from platform.inbox where consumer = ${AWARDS_CONSUMER} and event_id = any(${forgotten}::uuid[])`.execute(tx);
    return { events: ids.length, withoutInbox: forgotten.length, awards };
  });
}

/** The redelivered events paid nothing: their awards are exactly the ones they had. */
export async function assertRedeliveryPaidNothing(db: Db, redelivery: Redelivery): Promise<void> {
  const events = [...new Set(redelivery.awards.map((a) => a.event_id))];
  const now = await rows(db, sql<{ id: string; event_id: string; points: number }>`select id, event_id, points from rewards.awards where event_id = any(${events}::uuid[]) order by id`);
  assert.deepEqual(now, redelivery.awards, 'redelivered connection events paid nothing more');
}
