import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phone, screenshotPath, watchForErrors } from './support/browser.ts';
import { latestCode, newEmail, requestCode, unexpected, welcomeByApi } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

// The server allows 10 code requests a minute per client: keep this file's tests under that.
const stage = useStage();

async function openPhone(path: string) {
  const context = await stage.browser.newContext({ ...phone, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${stage.server.url}${path}`);
  await page.locator('h1').waitFor();
  return { context, page, errors };
}

test('a citizen signs up with an emailed code, stays signed in across a reload and signs out', async () => {
  const email = newEmail('ada');
  const { context, page, errors } = await openPhone('/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

  const emailChoice = page.getByRole('radio', { name: 'Email' });
  assert.equal(await emailChoice.isChecked(), true, 'email is the default');
  const field = page.getByLabel('Email address');
  assert.deepEqual(
    await field.evaluate((input: HTMLInputElement) => [input.type, input.autocomplete, input.inputMode]),
    ['email', 'email', 'email'],
  );
  await page.getByRole('radio', { name: 'Phone' }).check();
  assert.deepEqual(
    await page.getByLabel('Phone number').evaluate((input: HTMLInputElement) => [input.type, input.autocomplete, input.inputMode]),
    ['tel', 'tel', 'tel'],
  );
  await emailChoice.check();
  await field.fill(email);
  await page.screenshot({ path: screenshotPath('sign-in-address') });

  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
  assert.match((await page.locator('.hb-page-header__description').textContent()) ?? '', new RegExp(`Enter the 6-digit code we sent to ${email.replace(/[.+]/g, '\\$&')}`));

  const code = page.getByLabel('6-digit code');
  assert.deepEqual(
    await code.evaluate((input: HTMLInputElement) => [input.autocomplete, input.inputMode, input.maxLength, input === document.activeElement]),
    ['one-time-code', 'numeric', 6, true],
  );
  await page.screenshot({ path: screenshotPath('sign-in-code') });

  // Typing the sixth digit signs in by itself: no button press.
  await code.pressSequentially(await latestCode(stage.server.url, email));
  // A new account is welcomed first: a name of their own (never the email), then on to the app.
  await page.waitForURL((url) => url.pathname === '/welcome');
  await page.getByRole('heading', { level: 1, name: 'Welcome to Hey Blue!' }).waitFor();
  await page.getByLabel('Display name').fill('Ada L.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto(`${stage.server.url}/profile`);
  assert.equal(await page.getByTestId('account-email').textContent(), email);
  // The header shows who is signed in, by name (once the profile is read).
  await page.getByRole('link', { name: 'Your account, signed in as Ada L.' }).waitFor();
  assert.equal(await page.getByText('Citizen', { exact: true }).isVisible(), true, 'the role badge');
  await page.screenshot({ path: screenshotPath('profile-signed-in') });
  await page.screenshot({ path: screenshotPath('profile-signed-in-full'), fullPage: true });

  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  assert.doesNotMatch(stored, /eyJ/, 'no token in web storage');

  await page.reload();
  await page.getByTestId('account-email').waitFor();
  assert.equal(await page.getByTestId('account-email').textContent(), email, 'the session is restored from the cookie');
  assert.equal(new URL(page.url()).pathname, '/profile', 'the welcome is for the first visit only');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await page.getByRole('heading', { level: 1, name: 'Good to see you, Ada L.' }).waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('heading', { name: 'Sign in to keep your points' }).waitFor();
  assert.equal(await page.getByRole('main').getByRole('link', { name: 'Sign in' }).getAttribute('href'), '/sign-in?next=%2Fprofile');
  assert.equal(await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).isVisible(), true);

  await page.reload();
  await page.getByRole('heading', { name: 'Sign in to keep your points' }).waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('a wrong code says how many tries are left, and a new code can be sent', async () => {
  const email = newEmail('wrong');
  const { context, page, errors } = await openPhone('/sign-in');
  await requestCode(page, email);
  const first = await latestCode(stage.server.url, email);
  const wrong = first === '000000' ? '111111' : '000000';

  const code = page.getByLabel('6-digit code');
  const verifyRequest = page.waitForRequest((request) => request.url().includes('/verify'));
  await code.pressSequentially(wrong);
  const challengeId = /\/auth\/codes\/([^/]+)\/verify/.exec((await verifyRequest).url())?.[1];
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent())?.trim(), "That code isn't right. You have 4 tries left.");
  assert.equal(await code.inputValue(), '', 'the field is cleared for the next try');
  assert.equal(await code.getAttribute('aria-invalid'), 'true');
  assert.equal(await code.evaluate((input) => input === document.activeElement), true);
  await page.screenshot({ path: screenshotPath('sign-in-wrong-code') });

  const resend = page.getByRole('button', { name: /^Send a new code/ });
  assert.equal(await resend.getAttribute('aria-disabled'), 'true', 'a new code waits out a short cooldown');

  // Meanwhile the right code was used somewhere else (another device): here it is dead.
  const elsewhere = await fetch(`${stage.server.url}/api/v1/auth/codes/${challengeId}/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: first }),
  });
  assert.equal(elsewhere.status, 200);

  await code.pressSequentially(first);
  await alert.filter({ hasText: 'That code has already been used. Send a new code to carry on.' }).waitFor();
  assert.equal(await code.count(), 0, 'a dead code leaves nothing to type into');
  const newCode = page.getByRole('button', { name: 'Send a new code' });
  assert.equal(await newCode.evaluate((button) => button === document.activeElement), true, 'focus moves to the way on');
  await newCode.click();
  await page.getByRole('status').filter({ hasText: `We sent a new code to ${email}.` }).waitFor();
  await page.getByLabel('6-digit code').pressSequentially(await latestCode(stage.server.url, email, [first]));
  await page.waitForURL((url) => url.pathname === '/welcome');
  await welcomeByApi(page, 'Wes W.');
  await page.goto(`${stage.server.url}/`);
  await page.getByRole('heading', { level: 1, name: 'Good to see you, Wes W.' }).waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('"Use a different address" goes back with the address kept, and invalid addresses are explained', async () => {
  const { context, page } = await openPhone('/sign-in');
  await page.getByRole('button', { name: 'Send code' }).click();
  const alert = page.getByRole('alert');
  assert.equal((await alert.textContent())?.trim(), 'Enter your email address.');
  assert.equal(await page.getByLabel('Email address').getAttribute('aria-invalid'), 'true');

  await page.getByLabel('Email address').fill('not-an-email@');
  await page.getByRole('button', { name: 'Send code' }).click();
  await alert.filter({ hasText: "That email address doesn't look right." }).waitFor();

  const email = newEmail('change');
  await requestCode(page, email);
  await page.getByRole('button', { name: 'Use a different address' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  const field = page.getByLabel('Email address');
  assert.equal(await field.inputValue(), email);
  assert.equal(await field.evaluate((input) => input === document.activeElement), true);
  await context.close();
});

test('sign-in returns to the page the person came from', async () => {
  const email = newEmail('return');
  // Sign up first (and be welcomed), so the second sign-in is not a new account (which would go to the welcome step).
  const first = await openPhone('/sign-in');
  await requestCode(first.page, email);
  await first.page.getByLabel('6-digit code').pressSequentially(await latestCode(stage.server.url, email));
  await first.page.waitForURL((url) => url.pathname === '/welcome');
  await welcomeByApi(first.page, 'Rita R.');
  await first.context.close();

  const { context, page } = await openPhone('/rewards');
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/rewards');
  const seen = [await latestCode(stage.server.url, email)];
  await requestCode(page, email);
  await page.getByLabel('6-digit code').pressSequentially(await latestCode(stage.server.url, email, seen));
  await page.waitForURL((url) => url.pathname === '/rewards');
  await page.getByRole('heading', { level: 1, name: 'Rewards' }).waitFor();
  await context.close();
});

test('signing out on all devices asks first, then ends the session', async () => {
  const email = newEmail('everywhere');
  const { context, page } = await openPhone('/sign-in');
  await requestCode(page, email);
  await page.getByLabel('6-digit code').pressSequentially(await latestCode(stage.server.url, email));
  await page.waitForURL((url) => url.pathname === '/welcome');
  await welcomeByApi(page, 'Eve E.');
  await page.goto(`${stage.server.url}/profile`);
  await page.getByTestId('account-email').waitFor();

  await page.getByRole('button', { name: 'Sign out on all devices' }).click();
  const confirm = page.getByRole('group', { name: 'Sign out on all devices?' });
  await confirm.waitFor();
  await page.screenshot({ path: screenshotPath('profile-sign-out-everywhere') });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.getByRole('button', { name: 'Sign out on all devices' }).evaluate((b) => b === document.activeElement), true);

  await page.getByRole('button', { name: 'Sign out on all devices' }).click();
  await page.getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
  await page.getByRole('heading', { name: 'Sign in to keep your points' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in to keep your points' }).waitFor();
  await context.close();
});

test('a server that offers OpenID Connect gets its button, and a failed return from it is explained', async () => {
  const context = await stage.browser.newContext({ ...phone, serviceWorkers: 'block' });
  const page = await context.newPage();
  // The test server has no identity provider configured: answer as one that has.
  await page.route('**/api/v1/auth/oidc', (route) => route.fulfill({ json: { enabled: true, label: 'Sign in with City SSO' } }));
  await page.goto(`${stage.server.url}/sign-in?error=IDENTITY_OIDC_FAILED&next=%2Frewards`);
  await page.getByRole('alert').filter({ hasText: "Signing in with your organisation didn't work. Try again, or use a code." }).waitFor();
  await page.waitForURL((url) => !url.searchParams.has('error') && url.searchParams.get('next') === '/rewards');
  const button = page.getByRole('link', { name: 'Sign in with City SSO' });
  assert.equal(await button.getAttribute('href'), '/api/v1/auth/oidc/start', 'a full-page navigation to the provider');
  await page.screenshot({ path: screenshotPath('sign-in-oidc') });

  // Coming back signed in, the app must look for the session cookie even on a first visit.
  await page.evaluate(() => localStorage.removeItem('heyblue.session.present'));
  await page.route('**/api/v1/auth/oidc/start', (route) => route.fulfill({ status: 302, headers: { location: '/rewards' } }));
  const restore = page.waitForRequest((request) => request.url().endsWith('/api/v1/auth/refresh') && request.method() === 'POST');
  await button.click();
  await page.waitForURL((url) => url.pathname === '/rewards');
  await restore;
  await context.close();
});
