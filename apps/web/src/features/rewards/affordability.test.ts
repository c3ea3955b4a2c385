import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import en from '../../i18n/en.json' with { type: 'json' };
import es from '../../i18n/es.json' with { type: 'json' };
import { affordText, affordability } from './affordability.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', fallbackLng: false, resources: { en: { translation: en }, es: { translation: es } }, initAsync: false });
const english = i18n.getFixedT('en');
const spanish = i18n.getFixedT('es');

test('an offer is affordable when the balance covers its price, to the point', () => {
  assert.deepEqual(affordability(120, 500), { canAfford: true });
  assert.deepEqual(affordability(120, 120), { canAfford: true });
  assert.deepEqual(affordability(120, 119), { canAfford: false, pointsToGo: 1 });
  assert.deepEqual(affordability(200, 0), { canAfford: false, pointsToGo: 200 });
});

test('the card says "You can afford this" or how many points are still to go, in English', () => {
  assert.equal(affordText(english, 'en', 120, 500), 'You can afford this');
  assert.equal(affordText(english, 'en', 120, 40), '80 points to go');
  assert.equal(affordText(english, 'en', 120, 119), '1 point to go');
  assert.equal(affordText(english, 'en', 2500, 0), '2,500 points to go');
});

test('and in Spanish', () => {
  assert.equal(affordText(spanish, 'es', 120, 500), 'Te alcanza');
  assert.equal(affordText(spanish, 'es', 120, 40), 'Te faltan 80 puntos');
  assert.equal(affordText(spanish, 'es', 120, 119), 'Te falta 1 punto');
  assert.equal(affordText(spanish, 'es', 25_000, 0), 'Te faltan 25.000 puntos');
});
