// Partners: retailers and municipalities manage offers and schemes (stock, limits, dates, status) and
// see their redemptions; charities run causes; every organisation sees only its own; citizens find
// active offers by text, category, kind and distance.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { offerCategories } from '@heyblue/contracts/rewards';
import { signInByEmail, type Person } from '../../../test/support/people.ts';
import { waitUntil } from '../../../test/support/wait.ts';
import { startRewardsStage, type Partner, type RewardsStage } from './rewards.e2e-harness.ts';

let stage: RewardsStage;
let bakery: Partner;
let city: Partner;
let charity: Partner;
let citizen: Person;

before(async () => {
  stage = await startRewardsStage({ citizens: 3, officers: 1, rewards: { shortCodesPerMinute: 5 } });
  bakery = await stage.partner('retailer', 'Rye & Crumb Bakery');
  city = await stage.partner('municipality', 'City of Harbourtown');
  charity = await stage.partner('charity', 'Shelter Harbourtown');
  const first = stage.citizens[0];
  assert.ok(first);
  citizen = first;
});
after(async () => stage?.close());
afterEach(async () => stage.assertConserved());

const offersPath = (p: Partner) => `/rewards/organisations/${p.id}/offers`;

describe('managing offers', () => {
  it('a retailer creates an offer, changes its stock and price, pauses it and archives it; citizens see only what is open', async () => {
    const offer = await stage.offer(bakery, { title: 'Sourdough loaf', category: 'food-drink', pricePoints: 30, stock: 10 });
    assert.equal((await stage.call(citizen, 'GET', `/rewards/offers/${offer.id}`)).json().offer.category, 'food-drink');
    const freeText = await stage.call(bakery.owner, 'PATCH', `${offersPath(bakery)}/${offer.id}`, { category: 'Bakery' });
    assert.equal(freeText.statusCode, 400, 'a category is one of the fixed list');
    assert.equal(freeText.json().error.code, 'PLATFORM_VALIDATION_FAILED');
    const changed = await stage.call(bakery.owner, 'PATCH', `${offersPath(bakery)}/${offer.id}`, { stock: 3, pricePoints: 25 });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual([changed.json().offer.stockLeft, changed.json().offer.pricePoints], [3, 25]);
    await stage.call(bakery.owner, 'PATCH', `${offersPath(bakery)}/${offer.id}`, { status: 'paused' });
    await stage.grant(citizen, 100);
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`)).json().error.code, 'REWARDS_OFFER_NOT_ACTIVE');
    assert.ok(!(await stage.call(citizen, 'GET', '/rewards/offers?q=sourdough')).json().items.length, 'a paused offer is not listed');
    await stage.call(bakery.owner, 'PATCH', `${offersPath(bakery)}/${offer.id}`, { status: 'archived' });
    assert.equal((await stage.call(citizen, 'GET', `/rewards/offers/${offer.id}`)).json().error.code, 'REWARDS_OFFER_NOT_FOUND');
    const own = (await stage.call(bakery.owner, 'GET', offersPath(bakery))).json().items;
    assert.ok(own.some((o: { id: string; status: string }) => o.id === offer.id && o.status === 'archived'), 'the retailer still sees it');
  });

  it('a municipality’s offer is a scheme; a charity has causes, not offers, and a retailer offers, not causes', async () => {
    const scheme = await stage.offer(city, { title: 'Park entry', category: 'culture-leisure' });
    assert.equal((await stage.call(citizen, 'GET', `/rewards/offers/${scheme.id}`)).json().offer.kind, 'scheme');
    const refused = await stage.call(charity.owner, 'POST', offersPath(charity), { title: 'x', description: '', category: 'other', pricePoints: 1, stock: 1, perUserLimit: null, endsAt: null, locations: [], voucherValidDays: 1 });
    assert.equal(refused.json().error.code, 'REWARDS_WRONG_ORGANISATION_TYPE');
    const noCause = await stage.call(bakery.owner, 'POST', `/rewards/organisations/${bakery.id}/causes`, { kind: 'cause', title: 'x', description: '', goalPoints: null });
    assert.equal(noCause.json().error.code, 'REWARDS_WRONG_ORGANISATION_TYPE');
  });

  it('refuses offers that end before they start, or name an issuer that is not an http(s) address', async () => {
    const base = { title: 'Bad', description: '', category: 'other', pricePoints: 1, stock: 1, perUserLimit: null, locations: [], voucherValidDays: 1 };
    const backwards = await stage.call(bakery.owner, 'POST', offersPath(bakery), { ...base, startsAt: '2030-05-02T00:00:00Z', endsAt: '2030-05-01T00:00:00Z' });
    assert.equal(backwards.json().error.code, 'REWARDS_OFFER_INVALID');
    const issuer = await stage.call(bakery.owner, 'POST', offersPath(bakery), { ...base, endsAt: null, issuerUrl: 'ftp://example.org/issue' });
    assert.equal(issuer.json().error.code, 'REWARDS_OFFER_INVALID');
    const negative = await stage.call(bakery.owner, 'POST', offersPath(bakery), { ...base, endsAt: null, stock: -1 });
    assert.equal(negative.statusCode, 400, 'the schema refuses negative stock');
  });

  it('an issuer’s address is shown to the organisation’s members, its signing secret to owners only', async () => {
    const offer = await stage.offer(bakery, { title: 'Gift card', issuerUrl: 'https://issuer.example/codes' });
    const own = (await stage.call(bakery.owner, 'GET', offersPath(bakery))).json().items.find((o: { id: string }) => o.id === offer.id);
    assert.equal(own.issuerUrl, 'https://issuer.example/codes');
    assert.match(own.issuerSecret, /^[A-Za-z0-9_-]{43}$/);
    const staffEmail = `staff-${crypto.randomUUID()}@bakery.example`;
    assert.equal((await stage.call(bakery.owner, 'POST', `/organisations/${bakery.id}/invitations`, { email: staffEmail, role: 'staff' })).statusCode, 201);
    const outbox = (await stage.server.app.inject('/api/v1/dev/outbox')).json<{ messages: Array<{ to: string; text: string }> }>().messages;
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(outbox.find((m) => m.to === staffEmail)?.text ?? '')?.[1] ?? '';
    const staff = await signInByEmail(stage.server, staffEmail, '10.96.0.1');
    assert.equal((await stage.call(staff, 'POST', `/invitations/${token}/accept`)).statusCode, 200);
    await waitUntil(async () => (await stage.call(staff, 'GET', offersPath(bakery))).statusCode === 200, 10_000, 'the new staff member known to rewards');
    const seenByStaff = (await stage.call(staff, 'GET', offersPath(bakery))).json().items.find((o: { id: string }) => o.id === offer.id);
    assert.deepEqual([seenByStaff.issuerUrl, seenByStaff.issuerSecret], ['https://issuer.example/codes', null]);
    const seen = (await stage.call(citizen, 'GET', `/rewards/offers/${offer.id}`)).json().offer;
    assert.equal(seen.external, true);
    assert.ok(!('issuerUrl' in seen) && !('issuerSecret' in seen));
  });
});

describe('each organisation sees only its own', () => {
  it('another partner or a citizen is told the organisation does not exist, whatever they try', async () => {
    const offer = await stage.offer(bakery, { title: 'Croissant' });
    const outsiders = [city.owner, charity.owner, citizen];
    for (const outsider of outsiders) {
      for (const [method, url, payload] of [
        ['GET', offersPath(bakery), undefined],
        ['PATCH', `${offersPath(bakery)}/${offer.id}`, { stock: 0 }],
        ['GET', `/rewards/organisations/${bakery.id}/redemptions`, undefined],
        ['GET', `/rewards/organisations/${bakery.id}/summary`, undefined],
        ['POST', `/rewards/organisations/${bakery.id}/vouchers/check`, { code: 'ABCDE-FGHJK' }],
      ] as const) {
        const response = await stage.call(outsider, method, url, payload);
        assert.equal(response.statusCode, 404, `${method} ${url}: ${response.body}`);
        assert.equal(response.json().error.code, 'REWARDS_ORGANISATION_NOT_FOUND');
      }
    }
    const viaOtherOrganisation = await stage.call(city.owner, 'PATCH', `${offersPath(city)}/${offer.id}`, { stock: 0 });
    assert.equal(viaOtherOrganisation.json().error.code, 'REWARDS_OFFER_NOT_FOUND', 'an offer is not reachable through another organisation');
    assert.equal((await stage.call(citizen, 'GET', `/rewards/offers/${offer.id}`)).json().offer.stockLeft, 100);
  });

  it('redemptions show what was redeemed and its state, never who holds the voucher', async () => {
    const offer = await stage.offer(bakery, { title: 'Baguette', pricePoints: 5 });
    await stage.grant(citizen, 5);
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${offer.id}/redeem`)).statusCode, 201);
    const page = await stage.call(bakery.owner, 'GET', `/rewards/organisations/${bakery.id}/redemptions?limit=1`);
    assert.equal(page.json().items[0].offerTitle, 'Baguette');
    assert.ok(!page.body.includes(citizen.accountId));
  });

  it('a till may try only a few typed codes a minute; scanned codes are not limited', async () => {
    const till = (code: string) => stage.call(bakery.owner, 'POST', `/rewards/organisations/${bakery.id}/vouchers/check`, { code });
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await till('ABCDE-FGHJK')).json().error.code);
    assert.deepEqual(codes, [...Array(5).fill('REWARDS_VOUCHER_CHECK_DIGIT'), 'REWARDS_SHORT_CODE_RATE_LIMITED']);
    assert.equal((await till('hbv1.AAAAAAAAAAAAAAAAAAAAAA.k.AAAAAAAAAAAAAAAAAAAAAA')).json().error.code, 'REWARDS_VOUCHER_FORGED', 'a scan still goes through');
  });
});

describe('finding offers', () => {
  it('by text (title, description or partner), category and kind, newest first, in pages', async () => {
    const a = await stage.offer(bakery, { title: 'Rye roll', category: 'food-drink' });
    const b = await stage.offer(bakery, { title: 'Rye bread', category: 'food-drink' });
    await stage.offer(city, { title: 'Rye swimming pool', category: 'sport-fitness' });
    const rye = (await stage.call(citizen, 'GET', '/rewards/offers?q=rye&category=food-drink&limit=1')).json();
    assert.deepEqual(rye.items.map((o: { id: string }) => o.id), [b.id]);
    const next = (await stage.call(citizen, 'GET', `/rewards/offers?q=rye&category=food-drink&limit=1&cursor=${rye.nextCursor}`)).json();
    assert.ok(next.items.some((o: { id: string }) => o.id === a.id));
    assert.deepEqual((await stage.call(citizen, 'GET', '/rewards/offers?q=rye&kind=scheme')).json().items.map((o: { title: string }) => o.title), ['Rye swimming pool']);
    assert.ok((await stage.call(citizen, 'GET', '/rewards/offers?q=harbourtown')).json().items.length >= 1, 'by the partner’s name');
    assert.equal((await stage.call(citizen, 'GET', '/rewards/offers?q=100%25')).statusCode, 200, 'wildcards are taken literally');
    const unknown = await stage.call(citizen, 'GET', '/rewards/offers?category=food');
    assert.equal(unknown.statusCode, 400, 'a category outside the list is a bad request, not an empty page');
    assert.equal(unknown.json().error.code, 'PLATFORM_VALIDATION_FAILED');
  });

  it('lists the categories open offers are in, in the fixed list’s order', async () => {
    const gone = await stage.offer(bakery, { title: 'Bus pass', category: 'transport' });
    await stage.call(bakery.owner, 'PATCH', `${offersPath(bakery)}/${gone.id}`, { status: 'paused' });
    const items: string[] = (await stage.call(citizen, 'GET', '/rewards/offers/categories')).json().items;
    assert.ok(items.includes('sport-fitness') && items.includes('food-drink'));
    assert.ok(!items.includes('transport'), 'a paused offer’s category is not offered');
    assert.deepEqual(items, offerCategories.filter((c) => items.includes(c)), 'in the order of the list');
  });

  it('costing at most maxPoints', async () => {
    await stage.offer(bakery, { title: 'Price-cheap', pricePoints: 40 });
    await stage.offer(bakery, { title: 'Price-exact', pricePoints: 50 });
    await stage.offer(bakery, { title: 'Price-dear', pricePoints: 51 });
    const titles = (await stage.call(citizen, 'GET', '/rewards/offers?q=price-&maxPoints=50')).json().items.map((o: { title: string }) => o.title);
    assert.deepEqual(titles.sort(), ['Price-cheap', 'Price-exact']);
  });

  it('near a point: within the radius, nearest first, with the distance to the nearest location', async () => {
    const at = (name: string, lat: number, lon: number) => stage.offer(bakery, { title: `Far-${name}`, locations: [{ name, lat, lon }] });
    const near = await at('near', 40.7581, -73.9856);
    const mid = await at('mid', 40.7681, -73.9856);
    await at('far', 41.5, -73.9);
    const found = (await stage.call(citizen, 'GET', '/rewards/offers?q=far-&near=40.758,-73.9855&radiusKm=5&limit=1')).json();
    assert.equal(found.items[0].id, near.id);
    assert.ok(found.items[0].distanceKm < 0.05);
    const rest = (await stage.call(citizen, 'GET', `/rewards/offers?q=far-&near=40.758,-73.9855&radiusKm=5&limit=5&cursor=${found.nextCursor}`)).json();
    assert.deepEqual(rest.items.map((o: { id: string }) => o.id), [mid.id], 'the far one is outside the radius');
    assert.equal((await stage.call(citizen, 'GET', '/rewards/offers?near=north')).statusCode, 400);
  });

  it('near a point without a radius: every offer, nearest first by the nearest of its places, those without a place last, page by page', async () => {
    const offer = (title: string, locations: Array<{ name: string; lat: number; lon: number }>) => stage.offer(bakery, { title: `Order-${title}`, locations });
    const online = await offer('online', []);
    const far = await offer('far', [{ name: 'Albany', lat: 42.6526, lon: -73.7562 }]);
    // Two shops: the second, 300 m away, is what counts, though the first is across the river.
    const twoShops = await offer('two shops', [{ name: 'Hoboken', lat: 40.744, lon: -74.0324 }, { name: 'Times Sq', lat: 40.7585, lon: -73.9885 }]);
    const nearest = await offer('nearest', [{ name: 'Here', lat: 40.7581, lon: -73.9856 }]);
    const alsoOnline = await offer('also online', []);
    const seen: Array<{ id: string; distanceKm: number | null }> = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const answer = (await stage.call(citizen, 'GET', `/rewards/offers?q=order-&near=40.758,-73.9855&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...answer.items);
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    const withoutPlace = [online.id, alsoOnline.id].sort();
    assert.deepEqual(seen.map((o) => o.id), [nearest.id, twoShops.id, far.id, ...withoutPlace], 'nearest first, then those without a place (by id), each once');
    assert.ok((seen[1]?.distanceKm ?? 99) < 0.5, 'an offer is as near as its nearest place');
    assert.deepEqual(seen.slice(3).map((o) => o.distanceKm), [null, null]);
  });
});
