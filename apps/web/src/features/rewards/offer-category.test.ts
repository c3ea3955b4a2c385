import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { offerCategories } from '../../api/rewards.ts';
import en from '../../i18n/en.json' with { type: 'json' };
import es from '../../i18n/es.json' with { type: 'json' };
import { categoryLabel } from './offer-category.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', fallbackLng: false, resources: { en: { translation: en }, es: { translation: es } }, initAsync: false });

test('every offer category the contracts declare reads in English and in Spanish, and no two alike', () => {
  const english = offerCategories.map((category) => categoryLabel(i18n.getFixedT('en'), category));
  const spanish = offerCategories.map((category) => categoryLabel(i18n.getFixedT('es'), category));
  for (const [index, category] of offerCategories.entries()) {
    assert.notEqual(english[index], `rewards.categories.${category}`, `${category} has an English label`);
    assert.notEqual(spanish[index], `rewards.categories.${category}`, `${category} has a Spanish label`);
    assert.notEqual(spanish[index], english[index], `${category} is translated`);
  }
  assert.equal(new Set(english).size, offerCategories.length);
  assert.equal(new Set(spanish).size, offerCategories.length);
  assert.deepEqual(Object.keys(en.rewards.categories).sort(), [...offerCategories].sort(), 'no label for a category the server does not know');
});
