// Passkeys end to end in Chromium with a virtual authenticator (DevTools protocol) on http://localhost.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Server } from '../src/composition.ts';
import { composeTestServer } from './support/server.ts';

let server: Server;
let browser: Browser;
let base: string;
before(async () => {
  server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '10000' });
  const url = await server.listen();
  base = url.replace('127.0.0.1', 'localhost');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
});
after(async () => {
  await browser?.close();
  await server?.stop('test over');
});

async function signInByCode(email: string): Promise<{ accessToken: string; accountId: string }> {
  const requested = await server.app.inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { channel: 'email', address: email } });
  const messages = (await server.app.inject('/api/v1/dev/outbox')).json<{ messages: Array<{ to: string; text: string }> }>().messages;
  const code = /\b(\d{6})\b/.exec(messages.find((m) => m.to === email)?.text ?? '')?.[1] ?? '';
  const verified = await server.app.inject({ method: 'POST', url: `/api/v1/auth/codes/${requested.json().challengeId}/verify`, payload: { code } });
  return { accessToken: verified.json().accessToken, accountId: verified.json().account.id };
}

async function pageWithAuthenticator(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/healthz`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true } });
  return page;
}

test('a person adds a passkey, then signs in with it; a replayed assertion is refused', async () => {
  const person = await signInByCode('passkey-user@example.org');
  const page = await pageWithAuthenticator();

  const added = await page.evaluate(async (token) => {
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const start = await (await fetch('/api/v1/me/passkeys/options', { method: 'POST', headers: { authorization: auth.authorization } })).json();
    const credential = (await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(start.options) })) as PublicKeyCredential;
    const finish = await fetch('/api/v1/me/passkeys', { method: 'POST', headers: auth, body: JSON.stringify({ ceremonyId: start.ceremonyId, response: credential.toJSON(), name: 'Test phone' }) });
    const list = await (await fetch('/api/v1/me/passkeys', { headers: auth })).json();
    return { status: finish.status, body: await finish.json(), list };
  }, person.accessToken);
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal(added.list.passkeys.length, 1);
  assert.equal(added.list.passkeys[0].name, 'Test phone');

  const signedIn = await page.evaluate(async () => {
    const start = await (await fetch('/api/v1/auth/passkeys/options', { method: 'POST' })).json();
    const assertion = (await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(start.options) })) as PublicKeyCredential;
    const body = JSON.stringify({ ceremonyId: start.ceremonyId, response: assertion.toJSON() });
    const first = await fetch('/api/v1/auth/passkeys/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const replay = await fetch('/api/v1/auth/passkeys/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: first.status, body: await first.json(), replay: await replay.json() };
  });
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
  assert.equal(signedIn.body.account.id, person.accountId);
  assert.equal(signedIn.replay.error.code, 'IDENTITY_PASSKEY_CEREMONY_INVALID');
  const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${signedIn.body.accessToken}` } });
  assert.equal(me.json().email, 'passkey-user@example.org');
});

test('a passkey ceremony from another origin is refused', async () => {
  const person = await signInByCode('origin-check@example.org');
  const response = await server.app.inject({ method: 'POST', url: '/api/v1/me/passkeys/options', headers: { authorization: `Bearer ${person.accessToken}`, origin: 'https://evil.example' } });
  assert.equal(response.json().error.code, 'IDENTITY_ORIGIN_NOT_ALLOWED');
});
