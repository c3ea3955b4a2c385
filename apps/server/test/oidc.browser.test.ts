// OpenID Connect sign-in against a real local provider (oidc-provider, started here), driven through
// its login and consent pages in Chromium — no mock of the client.
import assert from 'node:assert/strict';
import type { Server as HttpServer } from 'node:http';
import net from 'node:net';
import { after, before, test } from 'node:test';
import Provider from 'oidc-provider';
import { chromium, type Browser } from 'playwright-core';
import type { Server } from '../src/composition.ts';
import { composeTestServer } from './support/server.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let server: Server;
let idp: HttpServer;
let browser: Browser;
let base: string;

before(async () => {
  const [port, idpPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  const issuer = `http://127.0.0.1:${idpPort}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'heyblue', client_secret: 'heyblue-test-secret', redirect_uris: [`${base}/api/v1/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id, email: `${id}@idp.example`, email_verified: true }) }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-only-cookie-key'] },
  });
  idp = provider.listen(idpPort, '127.0.0.1');
  server = await composeTestServer({ PORT: String(port), PUBLIC_URL: base, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'heyblue', OIDC_CLIENT_SECRET: 'heyblue-test-secret', RATE_LIMIT_PER_MINUTE: '10000' });
  await server.listen();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
});

after(async () => {
  await browser?.close();
  await server?.stop('test over');
  await new Promise<void>((resolve) => (idp ? idp.close(() => resolve()) : resolve()));
});

test('the app says sign-in with an organisation is offered', async () => {
  const response = await server.app.inject('/api/v1/auth/oidc');
  assert.deepEqual(response.json(), { enabled: true, label: 'Sign in with your organisation' });
});

test('a person signs in at the identity provider and comes back signed in, with an account for their verified email', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/api/v1/auth/oidc/start`);
  await page.locator('input[name="login"]').fill('dana');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/api/'), { timeout: 15_000 });
  assert.equal(new URL(page.url()).pathname, '/welcome', `a new account is welcomed first (a name, a language), not ${page.url()}`);

  const me = await page.evaluate(async () => {
    const refreshed = await (await fetch('/api/v1/auth/refresh', { method: 'POST' })).json();
    return (await fetch('/api/v1/me', { headers: { authorization: `Bearer ${refreshed.accessToken}` } })).json();
  });
  assert.equal(me.email, 'dana@idp.example');
});

test('a sign-in started from a page returns to it', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/api/v1/auth/oidc/start?next=${encodeURIComponent('/invitations/some-token')}`);
  await page.locator('input[name="login"]').fill('eli');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/api/'), { timeout: 15_000 });
  assert.equal(new URL(page.url()).pathname, '/invitations/some-token');
});

test('a callback that was not started here is refused and sent back to sign-in', async () => {
  const response = await server.app.inject('/api/v1/auth/oidc/callback?state=forged&code=forged');
  assert.equal(response.statusCode, 302);
  assert.equal(response.headers.location, '/sign-in?error=IDENTITY_OIDC_FAILED');
});
