import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import en from '../../i18n/en.json' with { type: 'json' };
import es from '../../i18n/es.json' with { type: 'json' };
import { ruleNameText, seededRuleNameList } from './rule-name.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', fallbackLng: false, resources: { en: { translation: en }, es: { translation: es } }, initAsync: false });
const english = i18n.getFixedT('en');
const spanish = i18n.getFixedT('es');

test('the seeded earning rules read in Spanish in the Spanish app, and as seeded in English', () => {
  assert.equal(ruleNameText(spanish, 'Connection'), 'Conexión');
  assert.equal(ruleNameText(spanish, 'Met in person'), 'Encuentro en persona');
  assert.equal(ruleNameText(spanish, 'First connection'), 'Primera conexión');
  for (const name of seededRuleNameList) assert.equal(ruleNameText(english, name), name);
});

test('a name an admin wrote shows as written, in any language', () => {
  assert.equal(ruleNameText(spanish, 'Saturday bonus'), 'Saturday bonus');
  assert.equal(ruleNameText(spanish, 'connection'), 'connection', 'only the exact seeded name is known');
});

test('every rule name the server seeds in its migrations has a translation here', () => {
  const migrations = join(import.meta.dirname, '../../../../server/src/modules/rewards/migrations');
  const seeded = new Set(readdirSync(migrations).flatMap((file) => [...readFileSync(join(migrations, file), 'utf8').matchAll(/"name":"([^"]+)"/g)].map((match) => match[1] ?? '')));
  assert.ok(seeded.size >= 3, 'the migrations seed rules');
  assert.deepEqual([...seeded].filter((name) => !seededRuleNameList.includes(name)), []);
});
