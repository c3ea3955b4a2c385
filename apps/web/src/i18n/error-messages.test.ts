import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { allErrors } from '@heyblue/contracts/all';
import { ApiError, networkErrorCode } from '../api/api-error.ts';
import { dashboardErrorMessage } from '../features/dashboard/dashboard-errors.ts';
import { rewardsErrorMessage } from '../features/dashboard/rewards/rewards-errors.ts';
import { authErrorMessage } from '../features/auth/auth-messages.ts';
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import { errorMessage, errorReference } from './error-messages.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', fallbackLng: false, resources: { en: { translation: en }, es: { translation: es } }, initAsync: false });
const languages = { en: i18n.getFixedT('en'), es: i18n.getFixedT('es') };

/** Every code a person could be shown: each one the contracts declare, and the app's own. */
const everyCode = [...Object.keys(allErrors), networkErrorCode];

/** What a raw code looks like on screen. */
const rawCode = /\b[A-Z]+(?:_[A-Z]+)+\b/;

function sentencesOf(tree: Record<string, unknown>): Map<string, unknown> {
  return new Map(Object.entries(tree));
}

test('every error code has a sentence in English and in Spanish, and the Spanish one is translated', () => {
  const english = sentencesOf(en.errors);
  const spanish = sentencesOf(es.errors);
  const missing = everyCode.filter((code) => typeof english.get(code) !== 'string' || typeof spanish.get(code) !== 'string' || english.get(code) === '' || spanish.get(code) === '');
  assert.deepEqual(missing, [], 'codes without a sentence in EN or ES');
  const untranslated = everyCode.filter((code) => english.get(code) === spanish.get(code));
  assert.deepEqual(untranslated, [], 'codes whose Spanish sentence is the English one');
});

test('no sentence waits for a code nobody declares (a renamed or removed code)', () => {
  const declared = new Set(everyCode);
  assert.deepEqual(Object.keys(en.errors).filter((code) => !declared.has(code)), []);
});

test('every code reads as its sentence in both languages, never as the code or the server’s English', () => {
  for (const [language, t] of Object.entries(languages)) {
    for (const code of everyCode) {
      const error = new ApiError({ status: allErrors[code as keyof typeof allErrors]?.status ?? 0, code, message: `server words for ${code}` });
      for (const sentence of [errorMessage(t, error), dashboardErrorMessage(t, error), rewardsErrorMessage(t, error), authErrorMessage(t, error)]) {
        assert.doesNotMatch(sentence, rawCode, `${language} ${code}: ${sentence}`);
        assert.doesNotMatch(sentence, /server words|^errors\.|^[a-z]+\.[a-zA-Z.]+$/, `${language} ${code}: ${sentence}`);
      }
    }
  }
});

test('a code the app does not know (a newer server’s) gets a sentence for its kind of failure, not the code', () => {
  for (const t of Object.values(languages)) {
    const refused = errorMessage(t, { code: 'REWARDS_SOMETHING_NEW', status: 409 });
    const broken = errorMessage(t, { code: 'PLATFORM_SOMETHING_NEW', status: 502 });
    assert.equal(refused, t('errorFallback.request'));
    assert.equal(broken, t('errorFallback.server'));
    assert.notEqual(refused, broken);
    assert.equal(errorMessage(t, { code: 'PLATFORM_SOMETHING_NEW' }), refused, 'without a status it is a refusal');
  }
});

test('a refusal reads in the person’s language: too few points, in English and in Spanish', () => {
  const insufficient = new ApiError({ status: 409, code: 'REWARDS_INSUFFICIENT_POINTS', message: 'You do not have enough points for that.' });
  assert.equal(errorMessage(languages.en, insufficient), 'You don’t have enough points for that.');
  assert.equal(errorMessage(languages.es, insufficient), es.errors.REWARDS_INSUFFICIENT_POINTS);
  assert.match(es.errors.REWARDS_INSUFFICIENT_POINTS, /puntos/);
});

test('an error state shows the request’s reference for support, and nothing when there is none', () => {
  assert.deepEqual(errorReference(languages.es, new ApiError({ status: 500, code: 'PLATFORM_INTERNAL', message: '', requestId: 'req-1' })), [{ label: 'Referencia', value: 'req-1' }]);
  assert.deepEqual(errorReference(languages.en, new ApiError({ status: 0, code: networkErrorCode, message: '' })), []);
});
