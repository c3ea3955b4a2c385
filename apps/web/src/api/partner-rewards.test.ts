import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './api-error.ts';
import type { Method, RequestOptions } from './http.ts';
import {
  checkVoucher,
  decodeOffer,
  decodePreview,
  decodeRule,
  downloadStatement,
  listOrganisationOffers,
  updateOffer,
  updateRule,
} from './partner-rewards.ts';
import type { PartnerRewardsApi, Rule } from './partner-rewards.ts';

const offer = {
  id: 'o1',
  organisationId: 'org1',
  organisationName: 'Corner Shop',
  kind: 'offer',
  title: 'Free coffee',
  description: 'One coffee',
  category: 'food',
  pricePoints: 100,
  stockLeft: 20,
  perUserLimit: null,
  startsAt: '2030-01-01T00:00:00.000Z',
  endsAt: null,
  locations: [{ name: 'Shop', lat: 40.75, lon: -73.99 }],
  voucherValidDays: 30,
  external: false,
  status: 'active',
  distanceKm: null,
};

const rule: Rule = {
  id: 'r1',
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
  const answer = <T>(options?: RequestOptions<T>) => (options?.decode ? options.decode(body) : (body as T));
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

test('an offer is read, with the issuer URL null when the server does not tell it', () => {
  const decoded = decodeOffer(offer);
  assert.equal(decoded.issuerUrl, null);
  assert.equal(decoded.issuerSecret, null);
  const external = decodeOffer({ ...offer, external: true, issuerUrl: 'https://codes.example.com/issue', issuerSecret: 's3cret' });
  assert.deepEqual([external.issuerUrl, external.issuerSecret], ['https://codes.example.com/issue', 's3cret']);
  assert.deepEqual(decoded.locations, [{ name: 'Shop', lat: 40.75, lon: -73.99 }]);
  assert.throws(() => decodeOffer({ ...offer, status: 'sold' }), TypeError);
});

test('a page of offers asks for the limit and cursor and keeps the next cursor', async () => {
  const { api, calls } = fakeApi({ items: [offer], nextCursor: 'abc' });
  const page = await listOrganisationOffers(api, 'org 1', { limit: 20, cursor: 'x/y' });
  assert.equal(calls[0]?.path, '/api/v1/rewards/organisations/org%201/offers?limit=20&cursor=x%2Fy');
  assert.equal(page.nextCursor, 'abc');
  assert.equal(page.items[0]?.title, 'Free coffee');
});

test('pausing an offer patches its status', async () => {
  const { api, calls } = fakeApi({ offer: { ...offer, status: 'paused' } });
  const changed = await updateOffer(api, 'org1', 'o1', { status: 'paused' });
  assert.deepEqual(calls[0], { method: 'PATCH', path: '/api/v1/rewards/organisations/org1/offers/o1', body: { status: 'paused' } });
  assert.equal(changed.status, 'paused');
});

test('the till checks a code and reads the voucher', async () => {
  const voucher = { id: 'v1', offerId: 'o1', offerTitle: 'Free coffee', points: 100, status: 'active', validUntil: '2030-02-01T00:00:00.000Z', issuedAt: '2030-01-01T00:00:00.000Z', usedAt: null, externalCode: null };
  const { api, calls } = fakeApi({ voucher });
  assert.deepEqual(await checkVoucher(api, 'org1', 'ABCDE-FGHJK'), voucher);
  assert.deepEqual(calls[0], { method: 'POST', path: '/api/v1/rewards/organisations/org1/vouchers/check', body: { code: 'ABCDE-FGHJK' } });
});

test('a rule is read whole, and saving one puts a new version', async () => {
  assert.deepEqual(decodeRule(rule), rule);
  assert.throws(() => decodeRule({ ...rule, kinds: ['teleport'] }), TypeError);
  const { api, calls } = fakeApi({ rule: { ...rule, version: 3 } });
  const { id: _id, version: _version, spentPoints: _spent, updatedAt: _updated, ...definition } = rule;
  const saved = await updateRule(api, 'r1', { ...definition, kinds: ['qr'] });
  assert.equal(calls[0]?.method, 'PUT');
  assert.equal(saved.version, 3);
});

test('a preview carries both sides and their totals', () => {
  const preview = { citizen: [{ ruleId: 'r1', version: 2, name: 'Any', points: 10 }], officer: [], totals: { citizen: 10, officer: 0 } };
  assert.deepEqual(decodePreview(preview), preview);
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
