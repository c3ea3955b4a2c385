import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import type { NearbyOfficer } from '../../api/connections.ts';
import { bandLabel, compareNearby } from './band.ts';
import { pickQuote, quoteIds } from './quotes.ts';
import en from '../../i18n/en.json' with { type: 'json' };

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
const english = i18n.getFixedT('en');

function officer(officerId: string, band: NearbyOfficer['band'], precinctName = 'A'): NearbyOfficer {
  return { officerId, band, precinctName, virtual: false, area: { cell: 'c', centre: { lat: 0, lon: 0 }, radiusM: 530 } };
}

test('bands read as rough distances, never finer', () => {
  assert.equal(bandLabel(english, 'within-500m'), 'within about 500 m');
  assert.equal(bandLabel(english, 'within-1km'), 'within about 1 km');
});

test('the nearest officers come first, then by precinct', () => {
  const sorted = [officer('a', 'within-1km'), officer('b', 'within-500m', 'Z'), officer('c', 'within-500m', 'B')].sort(compareNearby);
  assert.deepEqual(
    sorted.map((o) => o.officerId),
    ['c', 'b', 'a'],
  );
});

test('a quote is picked from the list, each one reachable, each one attributed', () => {
  assert.equal(pickQuote(() => 0), quoteIds[0]);
  assert.equal(pickQuote(() => 0.999999), quoteIds[quoteIds.length - 1]);
  for (const id of quoteIds) {
    assert.equal(typeof en.connections.quotes[id].text, 'string');
    assert.ok(en.connections.quotes[id].author.length > 0);
  }
});
