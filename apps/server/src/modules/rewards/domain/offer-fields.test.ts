import assert from 'node:assert/strict';
import { test } from 'node:test';
import { offerCategories, type OfferCategory } from '@heyblue/contracts/rewards';
import { offerFields, type OfferFieldsInput } from './offer-fields.ts';

const start = new Date('2030-01-01T00:00:00Z');
const input: OfferFieldsInput = {
  title: ' Coffee ', description: ' A cup. ', category: 'food-drink', pricePoints: 50, stock: 10, perUserLimit: null, endsAt: null, locations: [], voucherValidDays: 30,
};
const refusal = (change: Partial<OfferFieldsInput>) => () => offerFields({ ...input, ...change }, start);
const invalid = { code: 'REWARDS_OFFER_INVALID' };

test('an offer is stored trimmed, and starts now when no start is given', () => {
  const fields = offerFields(input, start);
  assert.deepEqual([fields.title, fields.description, fields.category, fields.startsAt, fields.stockLeft, fields.issuerUrl], ['Coffee', 'A cup.', 'food-drink', start, 10, null]);
});

test('an offer must end after it starts', () => {
  assert.throws(refusal({ startsAt: '2030-02-01T00:00:00Z', endsAt: '2030-02-01T00:00:00Z' }), invalid);
  assert.equal(offerFields({ ...input, startsAt: '2030-02-01T00:00:00Z', endsAt: '2030-02-02T00:00:00Z' }, start).endsAt?.toISOString(), '2030-02-02T00:00:00.000Z');
});

test('dates must be dates', () => {
  assert.throws(refusal({ endsAt: 'next tuesday' }), invalid);
});

test('an external issuer is an http(s) address', () => {
  assert.throws(refusal({ issuerUrl: 'ftp://issuer.example' }), invalid);
  assert.equal(offerFields({ ...input, issuerUrl: 'https://issuer.example/codes' }, start).issuerUrl, 'https://issuer.example/codes');
});

test('a title of only spaces is refused', () => {
  assert.throws(refusal({ title: '   ' }), invalid);
});

test('a category is one of the fixed list, as it is written there', () => {
  for (const category of offerCategories) assert.equal(offerFields({ ...input, category }, start).category, category);
  for (const category of ['food', 'Food-Drink', ' other', '']) assert.throws(refusal({ category: category as OfferCategory }), invalid, category);
});
