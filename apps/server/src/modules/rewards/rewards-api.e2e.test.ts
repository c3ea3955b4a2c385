// Rewards' module API (upsertOffers, for the partners' imports) and rewards' use of identity's API
// (partner access asks who is a member now), against the real database (PGlite).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OfferUpsert, RewardsApi } from '@heyblue/contracts/rewards';
import { signInByEmail } from '../../../test/support/people.ts';
import { rewardsApi } from './adapters/rewards.api.ts';
import type { RewardsProbe } from './index.ts';
import { startRewardsStage, type Partner, type RewardsStage } from './rewards.e2e-harness.ts';

let stage: RewardsStage;
let api: RewardsApi;
let shop: Partner;
const probe: RewardsProbe = { deps: undefined };

before(async () => {
  stage = await startRewardsStage({ citizens: 1, officers: 0, probe });
  assert.ok(probe.deps, 'the rewards module hands its wiring to the probe');
  api = rewardsApi(probe.deps);
  shop = await stage.partner('retailer', 'Import Shop');
});
after(async () => stage?.close());

const row = (externalId: string, fields: Partial<OfferUpsert> = {}): OfferUpsert => ({
  externalId, title: `Offer ${externalId}`, description: 'Imported', category: 'food-drink', pricePoints: 25, stock: 10, perUserLimit: null,
  endsAt: null, locations: [{ name: 'Main St', lat: 40.758, lon: -73.9855 }], voucherValidDays: 30, ...fields,
});
const offerSeenBy = async (offerId: string) => (await stage.call(stage.citizens[0], 'GET', `/rewards/offers/${offerId}`)).json().offer;
const refusal = async (work: Promise<unknown>): Promise<{ code: string; message: string }> => {
  const error: unknown = await work.then(() => null, (e: unknown) => e);
  assert.ok(error instanceof Error && 'code' in error, 'refused');
  return { code: String(error.code), message: error.message };
};

describe('upsertOffers', () => {
  it('creates offers under the partner’s own ids, and the same ids change the same offers', async () => {
    const first = await api.upsertOffers(shop.id, [row('sku-1', { startsAt: '2030-01-01T00:00:00Z' }), row('sku-2', { issuerUrl: 'https://issuer.example/codes' })]);
    assert.deepEqual(first.map((o) => [o.externalId, o.created]), [['sku-1', true], ['sku-2', true]]);
    const secretBefore = (await stage.call(shop.owner, 'GET', `/rewards/organisations/${shop.id}/offers`)).json().items.find((o: { id: string }) => o.id === first[1]?.offerId)?.issuerSecret;
    assert.ok(secretBefore, 'an offer with an issuer gets a signing secret');

    const second = await api.upsertOffers(shop.id, [row('sku-1', { title: 'Espresso', stock: 3 }), row('sku-2', { issuerUrl: 'https://issuer.example/codes' }), row('sku-3')]);
    assert.deepEqual(second.map((o) => [o.externalId, o.offerId, o.created]), [
      ['sku-1', first[0]?.offerId, false], ['sku-2', first[1]?.offerId, false], ['sku-3', second[2]?.offerId, true],
    ]);
    const espresso = await offerSeenBy(first[0]?.offerId ?? '');
    assert.deepEqual([espresso.title, espresso.stockLeft, espresso.startsAt, espresso.category, espresso.organisationName], ['Espresso', 3, '2030-01-01T00:00:00.000Z', 'food-drink', 'Import Shop']);
    const secretAfter = (await stage.call(shop.owner, 'GET', `/rewards/organisations/${shop.id}/offers`)).json().items.find((o: { id: string }) => o.id === first[1]?.offerId)?.issuerSecret;
    assert.equal(secretAfter, secretBefore, 'the issuer keeps its secret');
  });

  it('an imported offer is redeemed like any other', async () => {
    const [imported] = await api.upsertOffers(shop.id, [row('sku-redeem', { pricePoints: 5 })]);
    const citizen = stage.citizens[0];
    assert.ok(citizen && imported);
    await stage.grant(citizen, 5);
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${imported.offerId}/redeem`)).statusCode, 201);
    assert.equal(await stage.balance(citizen), 0);
  });

  it('one offer that breaks the offer rules refuses the whole import, naming it', async () => {
    const refused = await refusal(api.upsertOffers(shop.id, [row('fine-1'), row('late', { startsAt: '2030-02-01T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' })]));
    assert.equal(refused.code, 'REWARDS_OFFER_INVALID');
    assert.match(refused.message, /"late"/);
    const fresh = await api.upsertOffers(shop.id, [row('fine-1')]);
    assert.equal(fresh[0]?.created, true, 'nothing of the refused import was written');
  });

  it('checks the limits its contract sets, as a route’s schema would', async () => {
    const refused = await refusal(api.upsertOffers(shop.id, [row('free', { pricePoints: 0 })]));
    assert.equal(refused.code, 'REWARDS_OFFER_INVALID');
    assert.match(refused.message, /"free".*pricePoints/);
    const uncategorised = await refusal(api.upsertOffers(shop.id, [row('free-text', { category: 'Food' as OfferUpsert['category'] })]));
    assert.equal(uncategorised.code, 'REWARDS_OFFER_INVALID', 'a category outside the fixed list is refused');
    assert.match(uncategorised.message, /"free-text".*category/);
  });

  it('refuses an external id given twice in one call', async () => {
    assert.equal((await refusal(api.upsertOffers(shop.id, [row('twice'), row('twice')]))).code, 'REWARDS_OFFER_INVALID');
  });

  it('writes a municipality’s offers as schemes', async () => {
    const town = await stage.partner('municipality', 'Import Town');
    const [scheme] = await api.upsertOffers(town.id, [row('pool-pass')]);
    assert.equal((await offerSeenBy(scheme?.offerId ?? '')).kind, 'scheme');
  });

  it('refuses an organisation that sells nothing, and one rewards does not know', async () => {
    const charity = await stage.partner('charity', 'Import Charity');
    assert.equal((await refusal(api.upsertOffers(charity.id, [row('gift')]))).code, 'REWARDS_WRONG_ORGANISATION_TYPE');
    assert.equal((await refusal(api.upsertOffers(crypto.randomUUID(), [row('ghost')]))).code, 'REWARDS_ORGANISATION_NOT_FOUND');
  });
});

describe('partner access through identity’s API', () => {
  it('a member who has just joined acts for the organisation at once, with no event delivered', async () => {
    await stage.server.relay.stop();
    try {
      assert.equal((await stage.call(shop.owner, 'POST', `/organisations/${shop.id}/invitations`, { email: 'new-staff@import.example', role: 'staff' })).statusCode, 201);
      const messages = (await stage.server.app.inject('/api/v1/dev/outbox')).json<{ messages: Array<{ to: string; text: string }> }>().messages;
      const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(messages.find((m) => m.to === 'new-staff@import.example')?.text ?? '')?.[1] ?? '';
      const staff = await signInByEmail(stage.server, 'new-staff@import.example', '10.96.0.1');
      assert.equal((await stage.call(staff, 'GET', `/rewards/organisations/${shop.id}/offers`)).statusCode, 404, 'not before joining');
      assert.equal((await stage.call(staff, 'POST', `/invitations/${token}/accept`)).statusCode, 200);
      const offers = await stage.call(staff, 'GET', `/rewards/organisations/${shop.id}/offers`);
      assert.equal(offers.statusCode, 200, offers.body);
      assert.equal(offers.json().items[0]?.issuerSecret, null, 'staff see offers without issuers’ secrets');
    } finally {
      stage.server.relay.start();
    }
  });
});
