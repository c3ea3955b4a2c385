import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { ApiError } from '../../api/api-error.ts';
import { connectionErrorCodes, locationRejectionCodes } from '../../api/connections.ts';
import en from '../../i18n/en.json' with { type: 'json' };
import es from '../../i18n/es.json' with { type: 'json' };
import { connectionErrorMessage, locationRejectionMessage } from './connection-messages.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', fallbackLng: false, resources: { en: { translation: en }, es: { translation: es } }, initAsync: false });
const languages = [i18n.getFixedT('en'), i18n.getFixedT('es')];

const apiError = (code: string) => new ApiError({ status: 409, code, message: `server says ${code}` });

test('every error code of the contract has its own sentence, in English and Spanish', () => {
  for (const t of languages) {
    const sentences = connectionErrorCodes.map((code) => connectionErrorMessage(t, apiError(code)));
    assert.equal(new Set(sentences).size, connectionErrorCodes.length, 'one message per code');
    for (const sentence of sentences) assert.doesNotMatch(sentence, /^connections\.|server says/, sentence);
  }
});

test('every location rejection has its own sentence, and an unknown one shows the server text', () => {
  for (const t of languages) {
    const sentences = locationRejectionCodes.map((code) => locationRejectionMessage(t, { code, message: 'server text' }));
    assert.equal(new Set(sentences).size, locationRejectionCodes.length);
    for (const sentence of sentences) assert.doesNotMatch(sentence, /^connections\.|server text/, sentence);
    assert.match(locationRejectionMessage(t, { code: 'CONNECTIONS_LOCATION_NEW', message: 'server text' }), /server text/);
  }
});

test('other failures get the app-wide sentences', () => {
  const [english] = languages;
  assert.ok(english);
  assert.equal(connectionErrorMessage(english, new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'offline' })), english('auth.errors.network'));
});
