import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CategoriesAnswer, CausePage, ColleaguesAnswer, DonationWithBalance, GiftWithBalance, MovementPage, OfferAnswer, OfferPage, VoucherAnswer, VoucherPage, VoucherWithBalance, WalletAnswer } from '@heyblue/contracts/rewards';
import { isPrecompiled } from './contract.ts';
import type { Method, RequestOptions } from './http.ts';
import { cancelVoucher, donate, getOffer, getVoucher, getWallet, listCategories, listColleagues, listHistory, redeemOffer, searchOffers, sendGift } from './rewards.ts';
import type { RewardsApi } from './rewards.ts';

const ids = {
  me: '0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70',
  colleague: '6f1c2a3e-0b1d-4c2e-9f3a-1a2b3c4d5e6f',
  org: '5a0c7e1e-2b7d-4f0e-9a51-3c6d8e2f1a40',
  offer: '7b1d8f2f-3c8e-4a1f-8b62-4d7e9f3a2b51',
  voucher: '8c2e9a3a-4d9f-4b2a-9c73-5e8fa04b3c62',
  rule: '9d3fab4b-5ea0-4c3b-8d84-6f9ab15c4d73',
  cause: 'ae4abc5c-6fb1-4d4c-9e95-70abc26d5e84',
  transfer: 'bf5bcd6d-70c2-4e5d-8fa6-81bcd37e6f95',
};

const wallet = { balance: 120, pointValueCents: 1, role: 'citizen', canRedeem: true, canGift: false, giftDailyCap: 500, giftedToday: 0, donationDailyCap: 1000, donatedToday: 20 };

const offer = {
  id: ids.offer,
  organisationId: ids.org,
  organisationName: 'Corner Shop',
  kind: 'offer',
  title: 'Free coffee',
  description: 'One coffee',
  category: 'food-drink',
  imageUrl: '/api/v1/rewards/offers/x/image?v=1',
  pricePoints: 100,
  stockLeft: 20,
  perUserLimit: 1,
  startsAt: '2030-01-01T00:00:00.000Z',
  endsAt: null,
  locations: [{ name: 'Shop', lat: 40.75, lon: -73.99 }],
  voucherValidDays: 30,
  external: false,
  status: 'active',
  distanceKm: 0.42,
};

const voucher = {
  id: ids.voucher,
  offerId: ids.offer,
  offerTitle: 'Free coffee',
  organisationName: 'Corner Shop',
  status: 'active',
  points: 100,
  code: 'HB1.payload.mac',
  shortCode: 'ABCDE-FGHJK',
  externalCode: null,
  validUntil: '2030-02-01T00:00:00.000Z',
  issuedAt: '2030-01-01T00:00:00.000Z',
  usedAt: null,
  cancelledAt: null,
  failureReason: null,
};

const movement = { id: ids.transfer, at: '2030-01-01T09:00:00.000Z', kind: 'award', points: 10, title: 'Any connection', ruleId: ids.rule, ruleVersion: 2, voucherId: null, counterpartId: null, message: null };

/** A session stand-in that records calls and answers with `body`, run through the call's decoder. */
function fakeApi(body: unknown) {
  const calls: Array<{ method: string; path: string; body?: unknown; headers?: Record<string, string> | undefined }> = [];
  const answer = <T>(options?: RequestOptions<T>) => {
    assert.ok(options?.decode, 'every JSON call checks its answer');
    return options.decode(body);
  };
  const api: RewardsApi = {
    async get<T>(path: string, options?: RequestOptions<T>) {
      calls.push({ method: 'GET', path });
      return answer(options);
    },
    async send<T>(method: Method, path: string, sent?: unknown, options?: RequestOptions<T>) {
      calls.push({ method, path, body: sent, headers: options?.headers });
      return answer(options);
    },
  };
  return { api, calls };
}

test('the wallet is read out of its envelope; an unknown role or a missing cap is refused', async () => {
  assert.deepEqual(await getWallet(fakeApi({ wallet }).api), wallet);
  await assert.rejects(getWallet(fakeApi({ wallet: { ...wallet, role: 'mayor' } }).api), TypeError);
  const { giftDailyCap: _cap, ...missing } = wallet;
  await assert.rejects(getWallet(fakeApi({ wallet: missing }).api), TypeError);
  await assert.rejects(getWallet(fakeApi(wallet).api), TypeError, 'the wallet comes inside { wallet }');
});

test('a page of history keeps its cursor; an unknown movement kind or a fractional point is refused', async () => {
  const { api, calls } = fakeApi({ items: [movement], nextCursor: 'next' });
  const page = await listHistory(api, { limit: 10, cursor: 'a/b' });
  assert.equal(calls[0]?.path, '/api/v1/rewards/wallet/history?cursor=a%2Fb&limit=10');
  assert.deepEqual(page, { items: [movement], nextCursor: 'next' });
  await assert.rejects(listHistory(fakeApi({ items: [{ ...movement, kind: 'lottery' }], nextCursor: null }).api, {}), TypeError);
  await assert.rejects(listHistory(fakeApi({ items: [{ ...movement, points: 1.5 }], nextCursor: null }).api, {}), TypeError);
});

test('offers are searched near a point and read whole; a text distance or a missing title is refused', async () => {
  const { api, calls } = fakeApi({ items: [offer], nextCursor: null });
  const page = await searchOffers(api, { q: 'coffee', kind: 'offer', near: { lat: 40.75, lon: -73.99 }, radiusKm: 2 });
  assert.equal(calls[0]?.path, '/api/v1/rewards/offers?q=coffee&kind=offer&near=40.75000%2C-73.99000&radiusKm=2');
  assert.deepEqual(page.items, [offer]);
  await searchOffers(api, { category: 'culture-leisure', maxPoints: 150, near: { lat: 40.75, lon: -73.99 } });
  assert.equal(calls[1]?.path, '/api/v1/rewards/offers?category=culture-leisure&maxPoints=150&near=40.75000%2C-73.99000', 'nearest first without a radius');
  assert.deepEqual(await getOffer(fakeApi({ offer }).api, ids.offer), offer);
  await assert.rejects(getOffer(fakeApi({ offer: { ...offer, category: 'food' } }).api, ids.offer), TypeError, 'a category outside the list');
  await assert.rejects(getOffer(fakeApi({ offer: { ...offer, distanceKm: '0.4' } }).api, ids.offer), TypeError);
  const { title: _title, ...untitled } = offer;
  await assert.rejects(searchOffers(fakeApi({ items: [untitled], nextCursor: null }).api, {}), TypeError);
});

test('categories are of the fixed list, and colleagues a list of ids', async () => {
  assert.deepEqual(await listCategories(fakeApi({ items: ['food-drink', 'shopping'] }).api), ['food-drink', 'shopping']);
  await assert.rejects(listCategories(fakeApi({ items: ['food-drink', 'books'] }).api), TypeError);
  assert.deepEqual(await listColleagues(fakeApi({ items: [{ accountId: ids.colleague }] }).api), [ids.colleague]);
  await assert.rejects(listColleagues(fakeApi({ items: [{ accountId: 'someone' }] }).api), TypeError);
});

test('redeeming sends the idempotency key and reads the voucher and the balance; an unknown voucher status is refused', async () => {
  const { api, calls } = fakeApi({ voucher, balance: 20 });
  assert.deepEqual(await redeemOffer(api, ids.offer, 'key-12345678'), { voucher, balance: 20 });
  assert.deepEqual(calls[0], { method: 'POST', path: `/api/v1/rewards/offers/${ids.offer}/redeem`, body: {}, headers: { 'Idempotency-Key': 'key-12345678' } });
  await assert.rejects(redeemOffer(fakeApi({ voucher: { ...voucher, status: 'lost' }, balance: 20 }).api, ids.offer, 'key-12345678'), TypeError);
  await assert.rejects(cancelVoucher(fakeApi({ voucher }).api, ids.voucher, 'key-12345678'), TypeError, 'a cancellation tells the balance after it');
  assert.deepEqual(await getVoucher(fakeApi({ voucher }).api, ids.voucher), voucher);
});

test('donating and gifting read what moved and the balance after it', async () => {
  const donation = { id: ids.transfer, causeId: ids.cause, points: 20, at: '2030-01-03T10:00:00.000Z' };
  assert.deepEqual(await donate(fakeApi({ donation, balance: 100 }).api, ids.cause, 20, 'key-12345678'), { donation, balance: 100 });
  await assert.rejects(donate(fakeApi({ donation: { ...donation, points: null }, balance: 100 }).api, ids.cause, 20, 'key-12345678'), TypeError);
  const gift = { id: ids.transfer, recipientId: ids.colleague, points: 5, message: null, at: '2030-01-03T10:00:00.000Z' };
  const { api, calls } = fakeApi({ gift, balance: 95 });
  assert.deepEqual(await sendGift(api, { recipientId: ids.colleague, points: 5, message: '' }, 'key-12345678'), { gift, balance: 95 });
  assert.deepEqual(calls[0]?.body, { recipientId: ids.colleague, points: 5 }, 'an empty message is not sent');
});

test('every answer the citizen’s calls read is checked ahead of time, not interpreted', () => {
  const answers = { CategoriesAnswer, CausePage, ColleaguesAnswer, DonationWithBalance, GiftWithBalance, MovementPage, OfferAnswer, OfferPage, VoucherAnswer, VoucherPage, VoucherWithBalance, WalletAnswer };
  assert.deepEqual(Object.entries(answers).filter(([, schema]) => !isPrecompiled(schema)).map(([name]) => name), []);
});
