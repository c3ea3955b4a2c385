import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { locationRejectionCodes } from '../../api/connections.ts';
import en from '../../i18n/en.json' with { type: 'json' };
import es from '../../i18n/es.json' with { type: 'json' };
import { locationRejectionMessage } from './connection-messages.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', fallbackLng: false, resources: { en: { translation: en }, es: { translation: es } }, initAsync: false });
const languages = [i18n.getFixedT('en'), i18n.getFixedT('es')];

test('every location rejection has its own sentence, in English and Spanish, and an unknown one is not shown as its code', () => {
  for (const t of languages) {
    const sentences = locationRejectionCodes.map((code) => locationRejectionMessage(t, { code }));
    assert.equal(new Set(sentences).size, locationRejectionCodes.length);
    for (const sentence of sentences) assert.doesNotMatch(sentence, /^(connections|errors)\.|[A-Z]+_[A-Z_]+/, sentence);
    assert.doesNotMatch(locationRejectionMessage(t, { code: 'CONNECTIONS_LOCATION_NEW' }), /CONNECTIONS_LOCATION_NEW|^error/);
  }
});

test('"not available" is said of the position; other codes as everywhere', () => {
  const [english] = languages;
  assert.ok(english);
  assert.equal(locationRejectionMessage(english, { code: 'CONNECTIONS_NO_OPEN_WINDOW' }), english('connections.location.rejected.noOpenWindow'));
  assert.equal(locationRejectionMessage(english, { code: 'CONNECTIONS_LOCATION_STALE' }), english('errors.CONNECTIONS_LOCATION_STALE'));
});
