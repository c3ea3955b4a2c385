import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { desktop, phone, screenshotPath, watchForErrors } from './support/browser.ts';
import { becomeFirstAdmin } from './support/dashboard.ts';
import { newEmail, signInThroughUi } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

const stage = useStage();
const adminEmail = newEmail('pwa-admin');
let adminMade = false;

/**
 * A desktop browser signed in as the file's admin: the first time through the first-admin link (it
 * works once, so it counts as used even if this fails), then with a code.
 */
async function openAsAdmin(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stage.browser.newContext({ ...desktop, serviceWorkers: 'block' });
  const page = await context.newPage();
  if (adminMade) {
    await signInThroughUi(page, stage.server.url, adminEmail);
  } else {
    adminMade = true;
    await becomeFirstAdmin(page, stage.server, adminEmail);
  }
  return { context, page };
}

/** What a raw error code looks like on screen. */
const rawCode = /\b[A-Z]+(?:_[A-Z]+)+\b/;

async function openPhone(path: string, options: { serviceWorkers?: 'allow' | 'block' } = {}) {
  const context: BrowserContext = await stage.browser.newContext({ ...phone, serviceWorkers: options.serviceWorkers ?? 'block' });
  const page: Page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${stage.server.url}${path}`);
  // React renders after the load event; wait for the page's heading before interacting.
  await page.locator('h1').waitFor();
  return { context, page, errors };
}

async function serverMode(): Promise<string> {
  const response = await fetch(`${stage.server.url}/api/v1/meta`);
  const body: unknown = await response.json();
  assert.ok(body && typeof body === 'object' && 'mode' in body && typeof body.mode === 'string');
  return body.mode;
}

test('the home page shows the brand and the tab bar, and no server status to a visitor', async () => {
  const { context, page, errors } = await openPhone('/');
  const header = page.getByRole('banner');
  assert.equal(await header.getByRole('link', { name: 'Hey Blue!' }).isVisible(), true);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Good to see you');

  const tabs = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Home', 'Rewards', 'Profile']) {
    assert.equal(await tabs.getByRole('link', { name }).isVisible(), true, `tab ${name}`);
  }
  assert.equal(await tabs.getByRole('link', { name: 'Home' }).getAttribute('aria-current'), 'page');

  assert.equal(await page.getByRole('heading', { name: 'See the officers near you' }).isVisible(), true, 'a signed-out visitor is invited to sign in to see officers near them');
  assert.equal(await page.getByRole('region', { name: 'Server status' }).count(), 0, 'no server status for a visitor');

  await page.screenshot({ path: screenshotPath('pwa-home') });
  await page.screenshot({ path: screenshotPath('pwa-home-full'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a citizen's home has no server status card; an admin's shows the server's mode and version", async () => {
  const citizen = await openPhone('/');
  await signInThroughUi(citizen.page, stage.server.url, newEmail('pwa-citizen'));
  await citizen.page.goto(`${stage.server.url}/`);
  await citizen.page.getByRole('heading', { level: 1, name: /^Good to see you, / }).waitFor();
  await citizen.page.getByTestId('nearby-card').waitFor();
  assert.equal(await citizen.page.getByRole('region', { name: 'Server status' }).count(), 0, "a citizen's home has no server status");
  assert.equal(await citizen.page.getByText('embedded', { exact: true }).count(), 0);
  await citizen.context.close();

  const admin = await openAsAdmin();
  await admin.page.goto(`${stage.server.url}/`);
  const status = admin.page.getByRole('region', { name: 'Server status' });
  await status.getByText('Online').waitFor();
  assert.equal(await status.getByTestId('server-mode').textContent(), await serverMode());
  await admin.context.close();
});

test('switching to Spanish translates the page, sets <html lang> and is remembered', async () => {
  const { context, page } = await openPhone('/');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  await page.getByRole('button', { name: /^ES/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Qué bueno verte' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  assert.equal(await page.getByRole('button', { name: /^ES/ }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Premios' }).isVisible(), true);
  assert.equal(await page.title(), 'Qué bueno verte · Hey Blue!');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Qué bueno verte' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  await context.close();
});

test('the Rewards tab shows its empty state and moves focus to the new heading', async () => {
  const { context, page } = await openPhone('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rewards' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rewards' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/rewards');
  assert.equal(await page.getByRole('heading', { name: 'No points yet' }).isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await context.close();
});

test('signed out, the Profile tab invites to sign in and the header offers it too', async () => {
  const { context, page } = await openPhone('/profile');
  await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
  await page.getByRole('heading', { name: 'Sign in to keep your points' }).waitFor();
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  assert.equal(new URL(page.url()).search, '?next=%2Fprofile');
  assert.equal(await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).count(), 0, 'no header link on the sign-in page itself');
  await context.close();
});

test('an unknown route shows the 404 page with a way home', async () => {
  const { context, page } = await openPhone('/no/such/page');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to home' }).click();
  await page.getByRole('heading', { level: 1, name: 'Good to see you' }).waitFor();
  await context.close();
});

test('the skip link is the first stop and jumps to the content', async () => {
  const { context, page } = await openPhone('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.equal(await skip.evaluate((element) => element === document.activeElement), true);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await context.close();
});

test("the admin's status card shows loading, then why it failed in words with a reference, and a retry that recovers", async () => {
  const { context, page } = await openAsAdmin();
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  await page.route('**/api/v1/meta', async (route) => {
    calls += 1;
    if (calls > 1) return route.continue();
    await held;
    return route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'PLATFORM_NOT_READY', message: 'Starting up', requestId: 'req-123' } }),
    });
  });
  await page.goto(stage.server.url);
  const status = page.getByRole('region', { name: 'Server status' });
  await status.getByRole('status').filter({ hasText: 'Checking the server…' }).waitFor();

  release();
  const alert = status.getByRole('alert');
  await alert.waitFor();
  const text = (await alert.textContent()) ?? '';
  assert.match(text, /The service is starting up\. Please try again in a few seconds\./);
  assert.doesNotMatch(text, rawCode, 'no raw code on screen');
  assert.match(text, /Reference\s*req-123/);

  await alert.getByRole('button', { name: 'Try again' }).click();
  await status.getByText('Online').waitFor();
  assert.equal(calls, 2);
  await context.close();
});

test('the web app manifest is linked and describes the installable app', async () => {
  const { context, page } = await openPhone('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  assert.equal(href, '/manifest.webmanifest');

  const response = await page.request.get(`${stage.server.url}/manifest.webmanifest`);
  assert.equal(response.ok(), true);
  const manifest: unknown = await response.json();
  assert.ok(manifest && typeof manifest === 'object');
  assert.ok('name' in manifest && 'short_name' in manifest && 'icons' in manifest && 'start_url' in manifest);
  assert.equal(manifest.name, 'Hey Blue!');
  assert.equal(manifest.short_name, 'Hey Blue');
  assert.equal(manifest.start_url, '/');
  assert.ok(Array.isArray(manifest.icons));
  const icons: unknown[] = manifest.icons;
  const described = icons.map((icon) => {
    assert.ok(icon && typeof icon === 'object' && 'src' in icon && 'sizes' in icon && 'purpose' in icon);
    return { src: String(icon.src), sizes: String(icon.sizes), purpose: String(icon.purpose) };
  });
  for (const [sizes, purpose] of [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']]) {
    assert.ok(described.some((icon) => icon.sizes === sizes && icon.purpose === purpose), `${sizes} ${purpose} icon`);
  }
  for (const icon of described) {
    const image = await page.request.get(`${stage.server.url}${icon.src}`);
    assert.equal(image.headers()['content-type'], 'image/png', icon.src);
    assert.deepEqual([...(await image.body()).subarray(1, 4)], [...Buffer.from('PNG')], icon.src);
  }
  await context.close();
});

test('the service worker registers, serves the app offline and leaves server paths alone', async () => {
  const { context, page } = await openPhone('/', { serviceWorkers: 'allow' });
  const scriptUrl = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL;
  });
  assert.equal(scriptUrl, `${stage.server.url}/sw.js`);
  await page.reload();
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true, 'the page is controlled');

  const health = await page.goto(`${stage.server.url}/healthz`);
  assert.match((await health?.text()) ?? '', /"status"/, '/healthz reaches the server, not the app shell');

  await context.setOffline(true);
  await page.goto(`${stage.server.url}/rewards`);
  await page.getByRole('heading', { level: 1, name: 'Rewards' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await page.getByRole('heading', { level: 1, name: 'Good to see you' }).waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), rawCode, 'offline, nothing on screen is a raw code');
  await context.close();
});
