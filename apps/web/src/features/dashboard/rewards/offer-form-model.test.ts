import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OfferInput } from '@heyblue/contracts/rewards';
import type { Offer } from '../../../api/partner-rewards.ts';
import { emptyLocationRow, emptyOfferForm, offerLimits, offerPatchOf, offerToForm, readOfferForm } from './offer-form-model.ts';
import type { OfferFormValues } from './offer-form-model.ts';

const offer: Offer = {
  id: 'o1',
  organisationId: 'org1',
  organisationName: 'Corner Shop',
  kind: 'offer',
  title: 'Free coffee',
  description: 'Any size',
  category: 'food-drink',
  imageUrl: null,
  pricePoints: 100,
  stockLeft: 20,
  perUserLimit: 2,
  startsAt: new Date(2030, 0, 1, 14, 23).toISOString(),
  endsAt: new Date(2030, 1, 1).toISOString(),
  locations: [{ name: 'Shop', lat: 40.75, lon: -73.99 }],
  voucherValidDays: 30,
  external: false,
  status: 'active',
  issuerUrl: null,
  issuerSecret: null,
};

function filled(changes: Partial<OfferFormValues> = {}): OfferFormValues {
  return { ...emptyOfferForm(new Date(2030, 0, 1)), title: 'Free coffee', category: 'food-drink', pricePoints: '100', stock: '20', ...changes };
}

test('a complete new offer becomes the offer to send, open all of its last day', () => {
  const result = readOfferForm(filled({ endsOn: '2030-01-31', perUserLimit: '' }));
  assert.ok(result.ok);
  assert.equal(result.input.startsAt, new Date(2030, 0, 1).toISOString());
  assert.equal(result.input.endsAt, new Date(2030, 1, 1).toISOString());
  assert.equal(result.input.perUserLimit, null, 'an empty limit means no limit');
  assert.equal(result.input.issuerUrl, undefined, 'no issuer unless one is given');
});

test('missing and wrong values are told field by field', () => {
  const result = readOfferForm(filled({ title: ' ', pricePoints: '0', stock: '2.5', voucherValidDays: '', endsOn: '2029-12-31', issuerUrl: 'ftp://x' }));
  assert.ok(!result.ok);
  assert.deepEqual(result.errors.fields, { title: 'required', pricePoints: 'positive', stock: 'wholeNumber', voucherValidDays: 'required', endsOn: 'endsBeforeStart', issuerUrl: 'url' });
});

test('a category is chosen from the fixed list', () => {
  const result = readOfferForm(filled({ category: '' }));
  assert.ok(!result.ok);
  assert.deepEqual(result.errors.fields, { category: 'required' });
  const chosen = readOfferForm(filled({ category: 'civic-fees' }));
  assert.ok(chosen.ok);
  assert.equal(chosen.input.category, 'civic-fees');
});

test('a location needs a name and coordinates on the globe; a decimal comma is accepted', () => {
  const good = { ...emptyLocationRow(), name: 'Shop', lat: '40,75', lon: '-73.99' };
  const bad = { ...emptyLocationRow(), name: '', lat: '91', lon: 'east' };
  const result = readOfferForm(filled({ locations: [good, bad] }));
  assert.ok(!result.ok);
  assert.deepEqual(result.errors.locations, { [bad.key]: { name: 'required', lat: 'latitude', lon: 'longitude' } });
  const fixed = readOfferForm(filled({ locations: [good] }));
  assert.ok(fixed.ok);
  assert.deepEqual(fixed.input.locations, [{ name: 'Shop', lat: 40.75, lon: -73.99 }]);
});

test('a saved offer fills the form with its stock left and its last day', () => {
  const form = offerToForm(offer);
  assert.equal(form.stock, '20');
  assert.equal(form.endsOn, '2030-01-31');
  assert.equal(form.perUserLimit, '2');
  assert.deepEqual(form.locations.map(({ name, lat, lon }) => ({ name, lat, lon })), [{ name: 'Shop', lat: '40.75', lon: '-73.99' }]);
});

test('editing sends only what changed, so an untouched stock is never reset', () => {
  const before = offerToForm(offer);
  const after = { ...before, title: 'Free large coffee' };
  const result = readOfferForm(after);
  assert.ok(result.ok);
  assert.deepEqual(offerPatchOf(before, after, result.input), { title: 'Free large coffee' });
  const unchanged = readOfferForm(before);
  assert.ok(unchanged.ok);
  assert.deepEqual(offerPatchOf(before, before, unchanged.input), {});
});

test('editing the stock, the end date and the locations sends each', () => {
  const before = offerToForm(offer);
  const after = { ...before, stock: '50', endsOn: '', locations: [] };
  const result = readOfferForm(after);
  assert.ok(result.ok);
  assert.deepEqual(offerPatchOf(before, after, result.input), { stock: 50, endsAt: null, locations: [] });
});

test('numbers and texts past the server’s limits are told before sending', () => {
  const result = readOfferForm(filled({ pricePoints: '1000001', stock: '10000001', perUserLimit: '1001', voucherValidDays: '367' }));
  assert.ok(!result.ok);
  assert.deepEqual(result.errors.fields, { pricePoints: 'tooLarge', stock: 'tooLarge', perUserLimit: 'tooLarge', voucherValidDays: 'tooLarge' });
});

/** A keyword of a schema: TypeBox's types do not carry the options a schema was made with. */
function keyword(schema: object, key: string): unknown {
  return Reflect.get(schema, key);
}

test('the form’s limits are the offer contract’s, so it never lets through what the server refuses', () => {
  const f = OfferInput.properties;
  assert.deepEqual(offerLimits, {
    title: keyword(f.title, 'maxLength'), description: keyword(f.description, 'maxLength'), price: keyword(f.pricePoints, 'maximum'),
    stock: keyword(f.stock, 'maximum'), perUser: keyword(f.perUserLimit.anyOf[0], 'maximum'), validDays: keyword(f.voucherValidDays, 'maximum'), locations: keyword(f.locations, 'maxItems'),
    issuerUrl: keyword(f.issuerUrl.anyOf[0], 'maxLength'),
  });
});

test('emptying the issuer address sends null, so the offer goes back to Hey Blue! vouchers', () => {
  const before = filled({ issuerUrl: 'https://codes.example.com/issue' });
  const after = { ...before, issuerUrl: ' ' };
  const result = readOfferForm(after);
  assert.ok(result.ok);
  assert.deepEqual(offerPatchOf(before, after, result.input), { issuerUrl: null });
});
