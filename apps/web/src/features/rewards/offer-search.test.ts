import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filtersOn, noFilters, offerSearchOf, parseMaxPoints } from './offer-search.ts';

test('the most points to spend is a whole number, or nothing', () => {
  assert.equal(parseMaxPoints(''), undefined);
  assert.equal(parseMaxPoints(' 150 '), 150);
  assert.equal(parseMaxPoints('0'), 0);
  for (const typed of ['1.5', '-3', 'ten', '1e3', '1234567890']) assert.equal(parseMaxPoints(typed), null, typed);
});

test('"only what I can afford" limits the price to the balance, or to a lower typed limit', () => {
  assert.equal(offerSearchOf({ ...noFilters, affordableOnly: true }, undefined, 300, undefined).maxPoints, 300);
  assert.equal(offerSearchOf({ ...noFilters, affordableOnly: true, maxPoints: 100 }, undefined, 300, undefined).maxPoints, 100);
  assert.equal(offerSearchOf({ ...noFilters, affordableOnly: true, maxPoints: 500 }, undefined, 300, undefined).maxPoints, 300);
  assert.equal(offerSearchOf({ ...noFilters, affordableOnly: true }, undefined, undefined, undefined).maxPoints, undefined, 'until the balance is known');
  assert.equal(offerSearchOf(noFilters, undefined, 300, undefined).maxPoints, undefined);
});

test('the search carries the category, the text, the type and where from; empty values are left out', () => {
  const near = { lat: 40.75, lon: -73.98 };
  assert.deepEqual(offerSearchOf({ ...noFilters, q: 'coffee', kind: 'scheme' }, 'food-drink', 0, near), { q: 'coffee', category: 'food-drink', kind: 'scheme', maxPoints: undefined, near });
  assert.deepEqual(offerSearchOf(noFilters, undefined, 0, undefined), { q: undefined, category: undefined, kind: undefined, maxPoints: undefined, near: undefined });
});

test('the Filters button counts the filters that are on', () => {
  assert.equal(filtersOn(noFilters), 0);
  assert.equal(filtersOn({ q: 'x', maxPoints: 10, affordableOnly: true, kind: 'offer' }), 4);
});
