import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CauseAnswer, CausePage, OrganisationSummary, PartnerOfferAnswer, PartnerOfferPage, Preview, ReceivedDonationPage, RuleAnswer, RulesAnswer, SettingsAnswer, TillVoucherAnswer, TillVoucherPage } from '@heyblue/contracts/rewards';
import { ApiError } from './api-error.ts';
import { isPrecompiled } from './contract.ts';
import type { Method, RequestOptions } from './http.ts';
import {
  checkVoucher,
  downloadStatement,
  getOrganisationSummary,
  getRewardsSettings,
  listDonations,
  listOrganisationOffers,
  previewRules,
  removeCauseImage,
  removeOfferImage,
  setCauseImage,
  setOfferImage,
  updateOffer,
  updateRule,
} from './partner-rewards.ts';
import type { PartnerRewardsApi, Rule } from './partner-rewards.ts';

const ids = {
  org: '5a0c7e1e-2b7d-4f0e-9a51-3c6d8e2f1a40',
  offer: '7b1d8f2f-3c8e-4a1f-8b62-4d7e9f3a2b51',
  voucher: '8c2e9a3a-4d9f-4b2a-9c73-5e8fa04b3c62',
  rule: '9d3fab4b-5ea0-4c3b-8d84-6f9ab15c4d73',
  cause: 'ae4abc5c-6fb1-4d4c-9e95-70abc26d5e84',
  donation: 'bf5bcd6d-70c2-4e5d-8fa6-81bcd37e6f95',
};

const offer = {
  id: ids.offer,
  organisationId: ids.org,
  organisationName: 'Corner Shop',
  kind: 'offer',
  title: 'Free coffee',
  description: 'One coffee',
  category: 'food-drink',
  imageUrl: null,
  pricePoints: 100,
  stockLeft: 20,
  perUserLimit: null,
  startsAt: '2030-01-01T00:00:00.000Z',
  endsAt: null,
  locations: [{ name: 'Shop', lat: 40.75, lon: -73.99 }],
  voucherValidDays: 30,
  external: false,
  status: 'active',
  issuerUrl: null,
  issuerSecret: null,
};

const rule: Rule = {
  id: ids.rule,
  version: 2,
  spentPoints: 40,
  updatedAt: '2030-01-01T00:00:00.000Z',
  name: 'Any connection',
  active: true,
  kinds: ['proximity', 'qr'],
  locationVerified: 'any',
  points: { citizen: 10, officer: 5 },
  timeWindow: null,
  area: { cells: ['872a1072bffffff'], zips: [] },
  bonus: 'none',
  caps: { perPairPerDay: 10, perUserPerDay: null, budget: null },
};

/** A session stand-in that records calls and answers with `body`, run through the call's decoder. */
function fakeApi(body: unknown) {
  const calls: Array<{ method: string; path: string; body?: unknown }> = [];
  const answer = <T>(options?: RequestOptions<T>) => {
    assert.ok(options?.decode, 'every JSON call checks its answer');
    return options.decode(body);
  };
  const api: PartnerRewardsApi = {
    async get<T>(path: string, options?: RequestOptions<T>) {
      calls.push({ method: 'GET', path });
      return answer(options);
    },
    async post<T>(path: string, sent?: unknown, options?: RequestOptions<T>) {
      calls.push({ method: 'POST', path, body: sent });
      return answer(options);
    },
    async send<T>(method: Method, path: string, sent?: unknown, options?: RequestOptions<T>) {
      calls.push({ method, path, body: sent });
      return answer(options);
    },
  };
  return { api, calls };
}

test('a page of offers asks for the limit and cursor, keeps the next cursor and reads the issuer fields', async () => {
  const external = { ...offer, external: true, issuerUrl: 'https://codes.example.com/issue', issuerSecret: 's3cret' };
  const { api, calls } = fakeApi({ items: [offer, external], nextCursor: 'abc' });
  const page = await listOrganisationOffers(api, 'org 1', { limit: 20, cursor: 'x/y' });
  assert.equal(calls[0]?.path, '/api/v1/rewards/organisations/org%201/offers?limit=20&cursor=x%2Fy');
  assert.equal(page.nextCursor, 'abc');
  assert.deepEqual(page.items[0], offer);
  assert.deepEqual([page.items[1]?.issuerUrl, page.items[1]?.issuerSecret], ['https://codes.example.com/issue', 's3cret']);
});

test('an offer with an unknown status, a text price or no issuer field is refused', async () => {
  const { issuerUrl: _issuerUrl, ...withoutIssuer } = offer;
  for (const bad of [{ ...offer, status: 'sold' }, { ...offer, pricePoints: '100' }, withoutIssuer]) {
    await assert.rejects(listOrganisationOffers(fakeApi({ items: [bad], nextCursor: null }).api, ids.org), TypeError);
  }
});

test('pausing an offer patches its status and reads the offer back', async () => {
  const { api, calls } = fakeApi({ offer: { ...offer, status: 'paused' } });
  const changed = await updateOffer(api, 'org1', 'o1', { status: 'paused' });
  assert.deepEqual(calls[0], { method: 'PATCH', path: '/api/v1/rewards/organisations/org1/offers/o1', body: { status: 'paused' } });
  assert.equal(changed.status, 'paused');
  await assert.rejects(updateOffer(fakeApi(offer).api, 'org1', 'o1', { status: 'paused' }), TypeError, 'the offer comes inside { offer }');
});

test('a picture is sent as one file in a form, and the offer or cause comes back with its URL', async () => {
  const pictured = { ...offer, imageUrl: `/api/v1/rewards/offers/${ids.offer}/image?v=k1` };
  const { api, calls } = fakeApi({ offer: pictured });
  const file = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
  assert.equal((await setOfferImage(api, 'org1', 'o1', file)).imageUrl, pictured.imageUrl);
  assert.equal(calls[0]?.method, 'PUT');
  assert.equal(calls[0]?.path, '/api/v1/rewards/organisations/org1/offers/o1/image');
  const form = calls[0]?.body;
  assert.ok(form instanceof FormData);
  assert.deepEqual([...form.keys()], ['image'], 'one part, nothing else');
  assert.equal((await removeOfferImage(fakeApi({ offer }).api, 'org1', 'o1')).imageUrl, null);
  const cause = { id: ids.cause, organisationId: ids.org, organisationName: 'Food Bank', kind: 'cause', title: 'Meals', description: '', imageUrl: `/api/v1/rewards/causes/${ids.cause}/image?v=k2`, goalPoints: null, receivedPoints: 0, active: true };
  const causeCalls = fakeApi({ cause });
  assert.equal((await setCauseImage(causeCalls.api, 'org1', ids.cause, file)).imageUrl, cause.imageUrl);
  assert.equal(causeCalls.calls[0]?.path, `/api/v1/rewards/organisations/org1/causes/${ids.cause}/image`);
  const removal = fakeApi({ cause: { ...cause, imageUrl: null } });
  assert.equal((await removeCauseImage(removal.api, 'org1', ids.cause)).imageUrl, null);
  assert.equal(removal.calls[0]?.method, 'DELETE');
});

test('the till checks a code and reads the voucher; an unknown voucher status is refused', async () => {
  const voucher = { id: ids.voucher, offerId: ids.offer, offerTitle: 'Free coffee', points: 100, status: 'active', validUntil: '2030-02-01T00:00:00.000Z', issuedAt: '2030-01-01T00:00:00.000Z', usedAt: null, externalCode: null };
  const { api, calls } = fakeApi({ voucher });
  assert.deepEqual(await checkVoucher(api, 'org1', 'ABCDE-FGHJK'), voucher);
  assert.deepEqual(calls[0], { method: 'POST', path: '/api/v1/rewards/organisations/org1/vouchers/check', body: { code: 'ABCDE-FGHJK' } });
  await assert.rejects(checkVoucher(fakeApi({ voucher: { ...voucher, status: 'stolen' } }).api, 'org1', 'ABCDE-FGHJK'), TypeError);
});

test('a rule is read whole, saving one puts a new version, and an unknown kind is refused', async () => {
  const { api, calls } = fakeApi({ rule: { ...rule, version: 3 } });
  const { id: _id, version: _version, spentPoints: _spent, updatedAt: _updated, ...definition } = rule;
  const saved = await updateRule(api, ids.rule, { ...definition, kinds: ['qr'] });
  assert.equal(calls[0]?.method, 'PUT');
  assert.deepEqual(saved, { ...rule, version: 3 });
  await assert.rejects(updateRule(fakeApi({ rule: { ...rule, kinds: ['teleport'] } }).api, ids.rule, definition), TypeError);
});

test('a preview carries both sides and their totals; a total in words is refused', async () => {
  const preview = { citizen: [{ ruleId: ids.rule, version: 2, name: 'Any', points: 10 }], officer: [], totals: { citizen: 10, officer: 0 } };
  assert.deepEqual(await previewRules(fakeApi(preview).api, { kind: 'qr', locationVerified: true }), preview);
  await assert.rejects(previewRules(fakeApi({ ...preview, totals: { citizen: 'ten', officer: 0 } }).api, { kind: 'qr', locationVerified: true }), TypeError);
});

test('the summary, settings and donations are read; a missing field or an unknown organisation type is refused', async () => {
  const summary = { organisationId: ids.org, name: 'Corner Shop', type: 'retailer', balance: 1200, pointValueCents: 1 };
  assert.deepEqual(await getOrganisationSummary(fakeApi(summary).api, ids.org), summary);
  await assert.rejects(getOrganisationSummary(fakeApi({ ...summary, type: 'bank' }).api, ids.org), TypeError);
  const settings = { citizenGiftsEnabled: false, giftDailyCap: 500, donationDailyCap: 1000, pointValueCents: 1, pairConnectionsPerDay: 3 };
  assert.deepEqual(await getRewardsSettings(fakeApi({ settings }).api), settings);
  const { giftDailyCap: _cap, ...missing } = settings;
  await assert.rejects(getRewardsSettings(fakeApi({ settings: missing }).api), TypeError);
  const donation = { id: ids.donation, causeId: ids.cause, causeTitle: 'Food bank', points: 50, at: '2030-01-02T10:00:00.000Z' };
  assert.deepEqual((await listDonations(fakeApi({ items: [donation], nextCursor: null }).api, ids.org)).items, [donation]);
  await assert.rejects(listDonations(fakeApi({ items: [{ ...donation, at: 'yesterday' }], nextCursor: null }).api, ids.org), TypeError);
});

test('a statement downloads as text, refreshing the token once on a 401', async () => {
  const seen: string[] = [];
  const fetcher: typeof fetch = async (_input, init) => {
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    seen.push(auth);
    return auth === 'Bearer fresh' ? new Response('date,points\r\n', { status: 200, headers: { 'content-type': 'text/csv' } }) : new Response('{}', { status: 401 });
  };
  const csv = await downloadStatement({ accessToken: () => 'old', refresh: async () => 'fresh' }, 'org1', '2030-01', fetcher);
  assert.equal(csv, 'date,points\r\n');
  assert.deepEqual(seen, ['Bearer old', 'Bearer fresh']);
});

test('a refused statement becomes an ApiError with the server’s code', async () => {
  const fetcher: typeof fetch = async () =>
    new Response(JSON.stringify({ error: { code: 'REWARDS_MONTH_INVALID', message: 'A month is written YYYY-MM.' } }), { status: 400, headers: { 'x-request-id': 'req-1' } });
  await assert.rejects(downloadStatement({ accessToken: () => 't', refresh: async () => 't' }, 'org1', '2030-13', fetcher), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'REWARDS_MONTH_INVALID');
    assert.equal(error.requestId, 'req-1');
    return true;
  });
});

test('every answer the dashboard’s calls read is checked ahead of time, not interpreted', () => {
  const answers = { CauseAnswer, CausePage, OrganisationSummary, PartnerOfferAnswer, PartnerOfferPage, Preview, ReceivedDonationPage, RuleAnswer, RulesAnswer, SettingsAnswer, TillVoucherAnswer, TillVoucherPage };
  assert.deepEqual(Object.entries(answers).filter(([, schema]) => !isPrecompiled(schema)).map(([name]) => name), []);
});
