import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { ApiError } from '../../api/api-error.ts';
import en from '../../i18n/en.json' with { type: 'json' };
import es from '../../i18n/es.json' with { type: 'json' };
import { dashboardErrorMessage } from '../dashboard/dashboard-errors.ts';
import { rewardsCodeMessage, rewardsErrorMessage } from './rewards-messages.ts';

const codes = [
  'REWARDS_INSUFFICIENT_POINTS', 'REWARDS_SOLD_OUT', 'REWARDS_PER_USER_LIMIT', 'REWARDS_OFFICERS_DO_NOT_REDEEM', 'REWARDS_VOUCHER_CANCELLED',
  'REWARDS_ISSUER_REJECTED', 'REWARDS_ISSUER_UNAVAILABLE', 'REWARDS_DONATION_DAILY_CAP', 'REWARDS_GIFT_DAILY_CAP', 'REWARDS_GIFT_TO_SELF',
  'REWARDS_RECIPIENT_NOT_FOUND', 'REWARDS_IDEMPOTENCY_KEY_REUSED', 'REWARDS_MONTH_INVALID',
];

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', fallbackLng: false, resources: { en: { translation: en }, es: { translation: es } }, initAsync: false });
const translator = (language: 'en' | 'es') => i18n.getFixedT(language);

test('each rewards error code has its own sentence in English and Spanish', () => {
  for (const language of ['en', 'es'] as const) {
    const t = translator(language);
    const seen = new Set<string>();
    for (const code of codes) {
      const sentence = rewardsErrorMessage(t, new ApiError({ status: 409, code, message: 'server words' }));
      assert.ok(!sentence.startsWith('rewards.errors.'), `${language} ${code} is translated`);
      assert.notEqual(sentence, 'server words');
      seen.add(sentence);
    }
    assert.equal(seen.size, codes.length, `${language}: no two codes share a sentence`);
  }
});

test('a code the app does not know falls back to the usual sentences (network) or the server’s words', () => {
  const t = translator('en');
  assert.equal(rewardsCodeMessage(t, 'REWARDS_SOMETHING_NEW'), undefined);
  assert.equal(rewardsErrorMessage(t, new ApiError({ status: 418, code: 'REWARDS_SOMETHING_NEW', message: 'server words' })), 'server words');
  assert.match(rewardsErrorMessage(t, new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'x' })), /\w/);
});

test('a server that cannot reach its database (503) is said in the person’s language, not in the server’s words', () => {
  const unavailable = new ApiError({ status: 503, code: 'PLATFORM_UNAVAILABLE', message: 'server words' });
  assert.equal(rewardsErrorMessage(translator('en'), unavailable), en.auth.errors.unavailable);
  assert.equal(rewardsErrorMessage(translator('es'), unavailable), es.auth.errors.unavailable);
  assert.equal(dashboardErrorMessage(translator('es'), unavailable), es.dashboard.errors.unavailable);
});
