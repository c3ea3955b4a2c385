import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { forgetOldIdempotencyKeys } from './adapters/housekeeping.ts';
import { idempotencyStore } from './adapters/idempotency-store.pg.ts';
import { checkSymbol } from './domain/short-code.ts';
import { startRewardsStage, type Partner, type RewardsStage } from './rewards.e2e-harness.ts';

let stage: RewardsStage;
let shop: Partner;
let otherShop: Partner;

before(async () => {
  stage = await startRewardsStage({ citizens: 6, officers: 1 });
  shop = await stage.partner('retailer', 'Corner Shop');
  otherShop = await stage.partner('retailer', 'Other Shop');
});
after(async () => stage?.close());
afterEach(async () => stage.assertConserved());

describe('redeeming an offer', () => {
  it('debits the points, takes one from the stock, credits the shop and gives a voucher with a QR code and a short code', async () => {
    const citizen = stage.citizens[0];
    assert.ok(citizen);
    await stage.grant(citizen, 100);
    const offer = await stage.offer(shop, { pricePoints: 30, stock: 5 });
    const redeemed = await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`);
    assert.equal(redeemed.statusCode, 201, redeemed.body);
    const { voucher, balance } = redeemed.json();
    assert.equal(balance, 70);
    assert.equal(voucher.status, 'active');
    assert.match(voucher.code, /^hbv1\.[A-Za-z0-9_-]{22}\.[^.]+\.[A-Za-z0-9_-]{22}$/);
    assert.match(voucher.shortCode, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    assert.equal((await stage.call(citizen, 'GET', `/rewards/offers/${offer.id}`)).json().offer.stockLeft, 4);
    assert.equal((await stage.call(shop.owner, 'GET', `/rewards/organisations/${shop.id}/summary`)).json().balance, 30);
    const history = (await stage.call(citizen, 'GET', '/rewards/wallet/history')).json();
    assert.deepEqual(history.items.map((m: { kind: string; points: number; title: string }) => [m.kind, m.points, m.title]), [['redemption', -30, 'Coffee'], ['adjustment', 100, 'test funds']]);
    assert.equal((await stage.call(citizen, 'GET', `/rewards/vouchers/${voucher.id}`)).json().voucher.code, voucher.code, 'the holder sees the code again');
    assert.equal((await stage.call(stage.citizens[1], 'GET', `/rewards/vouchers/${voucher.id}`)).statusCode, 404, 'nobody else does');
  });

  it('answers the first outcome again for the same key, and 409 for the same key on another request', async () => {
    const citizen = stage.citizens[1];
    assert.ok(citizen);
    await stage.grant(citizen, 50);
    const offer = await stage.offer(shop, { pricePoints: 20 });
    const key = crypto.randomUUID();
    const first = await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`, {}, key);
    const again = await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`, {}, key);
    assert.equal(again.statusCode, 201);
    assert.deepEqual(again.json(), first.json());
    assert.equal(await stage.balance(citizen), 30, 'paid once');
    const other = await stage.offer(shop, { pricePoints: 5 });
    const reused = await stage.keyed(citizen, `/rewards/offers/${other.id}/redeem`, {}, key);
    assert.equal(reused.statusCode, 409);
    assert.equal(reused.json().error.code, 'REWARDS_IDEMPOTENCY_KEY_REUSED');
    assert.equal((await stage.call(citizen, 'POST', `/rewards/offers/${offer.id}/redeem`, {})).json().error.code, 'REWARDS_IDEMPOTENCY_KEY_REQUIRED');
  });

  it('refuses for business reasons — not enough points, sold out, per-user limit, officers — and refuses the same way on retry', async () => {
    const citizen = stage.citizens[2];
    const officer = stage.officers[0];
    assert.ok(citizen && officer);
    await stage.grant(citizen, 15);
    const dear = await stage.offer(shop, { pricePoints: 40 });
    const key = crypto.randomUUID();
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${dear.id}/redeem`, {}, key)).json().error.code, 'REWARDS_INSUFFICIENT_POINTS');
    await stage.grant(citizen, 100);
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${dear.id}/redeem`, {}, key)).json().error.code, 'REWARDS_INSUFFICIENT_POINTS', 'a key that failed for a business reason fails the same way');
    assert.equal((await stage.call(citizen, 'GET', `/rewards/offers/${dear.id}`)).json().offer.stockLeft, 100, 'nothing was taken');
    const last = await stage.offer(shop, { pricePoints: 5, stock: 1 });
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${last.id}/redeem`)).statusCode, 201);
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${last.id}/redeem`)).json().error.code, 'REWARDS_SOLD_OUT');
    const once = await stage.offer(shop, { pricePoints: 5, perUserLimit: 1 });
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${once.id}/redeem`)).statusCode, 201);
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${once.id}/redeem`)).json().error.code, 'REWARDS_PER_USER_LIMIT');
    assert.equal((await stage.keyed(officer, `/rewards/offers/${once.id}/redeem`)).json().error.code, 'REWARDS_OFFICERS_DO_NOT_REDEEM');
    assert.equal(await stage.balance(citizen), 105);
  });

  it('lets the holder cancel an unused voucher: points and stock come back, once', async () => {
    const citizen = stage.citizens[3];
    assert.ok(citizen);
    await stage.grant(citizen, 25);
    const offer = await stage.offer(shop, { pricePoints: 25, stock: 1 });
    const { voucher } = (await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`)).json();
    const key = crypto.randomUUID();
    const cancelled = await stage.keyed(citizen, `/rewards/vouchers/${voucher.id}/cancel`, {}, key);
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json().voucher.status, 'cancelled');
    assert.equal(cancelled.json().balance, 25);
    assert.deepEqual((await stage.keyed(citizen, `/rewards/vouchers/${voucher.id}/cancel`, {}, key)).json(), cancelled.json(), 'the same key replays');
    assert.equal((await stage.keyed(citizen, `/rewards/vouchers/${voucher.id}/cancel`)).json().error.code, 'REWARDS_VOUCHER_CANCELLED');
    assert.equal((await stage.call(citizen, 'GET', `/rewards/offers/${offer.id}`)).json().offer.stockLeft, 1);
    assert.equal((await stage.call(shop.owner, 'POST', `/rewards/organisations/${shop.id}/vouchers/use`, { code: voucher.code })).json().error.code, 'REWARDS_VOUCHER_CANCELLED');
    assert.equal((await stage.keyed(stage.citizens[4] ?? citizen, `/rewards/vouchers/${voucher.id}/cancel`)).json().error.code, 'REWARDS_VOUCHER_NOT_FOUND');
  });
});

describe('at the till', () => {
  it('shows what a voucher is for, marks it used once, and tells every bad code apart', async () => {
    const citizen = stage.citizens[4];
    assert.ok(citizen);
    await stage.grant(citizen, 100);
    const offer = await stage.offer(shop, { pricePoints: 10, title: 'Bagel' });
    const { voucher } = (await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`)).json();
    const till = (code: string, action: 'check' | 'use' = 'check', partner = shop) => stage.call(partner.owner, 'POST', `/rewards/organisations/${partner.id}/vouchers/${action}`, { code });
    const checked = await till(voucher.code);
    assert.equal(checked.statusCode, 200, checked.body);
    assert.deepEqual([checked.json().voucher.offerTitle, checked.json().voucher.status, checked.json().voucher.points], ['Bagel', 'active', 10]);
    assert.equal((await till(voucher.shortCode.toLowerCase().replace('-', ' '))).json().voucher.id, voucher.id, 'the short code, typed loosely');
    const forged = voucher.code.slice(0, -2) + (voucher.code.endsWith('AA') ? 'BB' : 'AA');
    assert.equal((await till(forged)).json().error.code, 'REWARDS_VOUCHER_FORGED');
    assert.equal((await till('hbv1.nonsense')).json().error.code, 'REWARDS_VOUCHER_MALFORMED');
    const typo = voucher.shortCode.slice(0, -1) + (voucher.shortCode.endsWith('0') ? '1' : '0');
    assert.equal((await till(typo)).json().error.code, 'REWARDS_VOUCHER_CHECK_DIGIT');
    const unknownBody = voucher.shortCode.replace('-', '').slice(0, 9) === '000000000' ? '000000001' : '000000000';
    assert.equal((await till(unknownBody + checkSymbol(unknownBody))).json().error.code, 'REWARDS_VOUCHER_UNKNOWN');
    assert.equal((await till(voucher.code, 'check', otherShop)).json().error.code, 'REWARDS_VOUCHER_FOREIGN');
    assert.equal((await till(voucher.shortCode, 'check', otherShop)).json().error.code, 'REWARDS_VOUCHER_UNKNOWN', 'a short code is only valid within its organisation');
    assert.equal((await stage.call(citizen, 'POST', `/rewards/organisations/${shop.id}/vouchers/check`, { code: voucher.code })).statusCode, 404, 'only members verify');
    const used = await till(voucher.code, 'use');
    assert.equal(used.json().voucher.status, 'used', used.body);
    assert.equal((await till(voucher.code, 'use')).json().error.code, 'REWARDS_VOUCHER_ALREADY_USED');
    assert.equal((await stage.keyed(citizen, `/rewards/vouchers/${voucher.id}/cancel`)).json().error.code, 'REWARDS_VOUCHER_ALREADY_USED');
    const redemptions = (await stage.call(shop.owner, 'GET', `/rewards/organisations/${shop.id}/redemptions`)).json();
    assert.ok(redemptions.items.some((v: { id: string; status: string }) => v.id === voucher.id && v.status === 'used'));
  });

  it('refuses an expired voucher', async () => {
    const citizen = stage.citizens[5];
    assert.ok(citizen);
    await stage.grant(citizen, 10);
    const offer = await stage.offer(shop, { pricePoints: 10, voucherValidDays: 1 });
    const { voucher } = (await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`)).json();
    stage.clock.advance(25 * 3600_000);
    try {
      assert.equal((await stage.call(shop.owner, 'POST', `/rewards/organisations/${shop.id}/vouchers/use`, { code: voucher.code })).json().error.code, 'REWARDS_VOUCHER_EXPIRED');
      assert.equal((await stage.call(citizen, 'GET', `/rewards/vouchers/${voucher.id}`)).json().voucher.status, 'expired');
    } finally {
      stage.clock.advance(-25 * 3600_000);
    }
  });
});

describe('idempotency keys', () => {
  it('are remembered for a week, then forgotten by the housekeeping sweep', async () => {
    const citizen = stage.citizens[5];
    assert.ok(citizen);
    await stage.grant(citizen, 3);
    const offer = await stage.offer(shop, { pricePoints: 1 });
    const [old, recent] = [`old-${crypto.randomUUID()}`, `recent-${crypto.randomUUID()}`];
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`, {}, old)).statusCode, 201);
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`, {}, recent)).statusCode, 201);
    const db = stage.server.database.db;
    await sql`update rewards.idempotency_keys set created_at = now() - interval '8 days' where key = ${old}`.execute(db);
    assert.ok((await forgetOldIdempotencyKeys(idempotencyStore(), db, new Date())) >= 1);
    const left = await sql<{ key: string }>`select key from rewards.idempotency_keys where key in (${old}, ${recent})`.execute(db);
    assert.deepEqual(left.rows.map((r) => r.key), [recent]);
  });
});
