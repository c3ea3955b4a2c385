import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { phone, screenshotPath, watchForErrors } from './support/browser.ts';
import { latestCode, newEmail, outbox, requestCode, signInThroughUi, unexpected, welcomeByApi } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

// The server allows 10 code requests a minute per client: this file asks for 5 sign-in codes.
const stage = useStage();

async function openPhone(options: { base?: string } = {}) {
  const context = await stage.browser.newContext({ ...phone, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  return { context, page, errors, base: options.base ?? stage.server.url };
}

/** Signs up a new citizen through the UI and waits for their profile to load. */
async function signUp(page: Page, base: string, label: string): Promise<string> {
  const email = newEmail(label);
  await signInThroughUi(page, base, email);
  await page.goto(`${base}/profile`);
  await page.getByTestId('profile-name').waitFor();
  return email;
}

/** The account id, from the public-profile request the privacy preview makes. */
async function accountIdOf(page: Page): Promise<string> {
  const ids = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => /\/api\/v1\/profiles\/([0-9a-f-]{36})$/.exec(new URL(entry.name).pathname)?.[1])
      .filter((id): id is string => id !== undefined),
  );
  assert.ok(ids[0], 'the privacy preview asked for the public profile');
  return ids[0];
}

async function publicProfile(accountId: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${stage.server.url}/api/v1/profiles/${accountId}`);
  assert.equal(response.status, 200);
  const body: unknown = await response.json();
  assert.ok(typeof body === 'object' && body !== null);
  return body as Record<string, unknown>;
}

async function pngOf(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 11, g: 61, b: 145 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#ffd36b"/></svg>`) }])
    .png()
    .toBuffer();
}

async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^(Add a photo|Change photo)$/ }).click();
  await (await chooser).setFiles(file);
}

/** A full-page screenshot from the top (scrolled, fixed bars and the skip link land mid-page). */
async function fullPage(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function audit(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
  assert.equal(serious.length, 0, `axe found serious problems on ${where}:\n${report}`);
}

test('a citizen signs up by email code at a phone viewport and edits their profile', async () => {
  const { context, page, errors, base } = await openPhone();
  const email = await signUp(page, base, 'profile');
  assert.equal(await page.getByTestId('profile-name').textContent(), 'Tester P.', 'the name given at the welcome step, never the email');

  // Inline validation: shown after leaving the field, updated while typing.
  const name = page.getByRole('textbox', { name: 'Display name' });
  const bio = page.getByRole('textbox', { name: 'Bio' });
  await name.fill('   ');
  await name.blur();
  await page.getByText('Enter a display name.').waitFor();
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  await name.fill('x'.repeat(41));
  await page.getByText('Keep your display name to 40 characters or fewer.').waitFor();
  await page.getByRole('button', { name: 'Save changes' }).click();
  assert.equal(await name.evaluate((input) => input === document.activeElement), true, 'a failed save goes back to the field');

  await name.fill('Ada Lovelace');
  assert.equal(await page.getByText('Keep your display name').count(), 0, 'the message goes once the name is right');
  await bio.fill('Counting on my neighbours.\nSay hi at the market!');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  assert.equal(await page.getByTestId('profile-name').textContent(), 'Ada Lovelace');
  assert.equal(await page.getByRole('button', { name: 'Save changes' }).getAttribute('aria-disabled'), 'true', 'nothing left to save');

  await page.reload();
  await page.getByTestId('profile-name').waitFor();
  assert.equal(await page.getByTestId('profile-name').textContent(), 'Ada Lovelace', 'the name is saved on the server');
  assert.equal(await page.getByRole('textbox', { name: 'Display name' }).inputValue(), 'Ada Lovelace');
  assert.equal(await page.getByRole('textbox', { name: 'Bio' }).inputValue(), 'Counting on my neighbours.\nSay hi at the market!');

  // Privacy: what others see follows the switches.
  const preview = page.getByTestId('public-preview');
  await preview.getByTestId('preview-bio').waitFor();
  assert.equal(await preview.getByTestId('preview-name').textContent(), 'Ada Lovelace');
  const accountId = await accountIdOf(page);
  assert.equal((await publicProfile(accountId))['bio'], 'Counting on my neighbours.\nSay hi at the market!');
  const bioSwitch = page.getByRole('switch', { name: 'Bio' });
  assert.equal(await bioSwitch.getAttribute('aria-checked'), 'true');
  await bioSwitch.click();
  await page.waitForFunction(() => document.querySelector('[role="switch"][aria-checked="false"]') !== null);
  await preview.getByTestId('preview-bio').waitFor({ state: 'detached' });
  assert.equal(await bioSwitch.getAttribute('aria-checked'), 'false');
  assert.equal('bio' in (await publicProfile(accountId)), false, 'the public view no longer has the bio');
  assert.equal(await page.getByTestId('profile-bio').isVisible(), true, 'the owner still sees it on their own card');

  // A picture: chosen, previewed, saved, shown.
  await chooseFile(page, { name: 'me.png', mimeType: 'image/png', buffer: await pngOf(640, 480) });
  const use = page.getByRole('button', { name: 'Use this photo' });
  await use.waitFor();
  assert.equal(await use.evaluate((button) => button === document.activeElement), true, 'focus moves to the next step');
  await page.getByRole('img', { name: 'Preview of your new photo' }).waitFor();
  await page.screenshot({ path: screenshotPath('profile-avatar-preview') });
  await use.click();
  await page.getByRole('status').filter({ hasText: 'Your new photo is saved.' }).waitFor();
  const own = page.getByRole('img', { name: 'Your profile photo' });
  await own.waitFor();
  await page.waitForFunction(() => {
    const image = document.querySelector<HTMLImageElement>('img[alt="Your profile photo"]');
    return image?.complete === true && image.naturalWidth > 0;
  });
  await preview.getByRole('img', { name: 'Profile photo' }).waitFor();
  assert.equal(typeof (await publicProfile(accountId))['avatarUrl'], 'string', 'the picture is public');

  // Files the server would refuse get a friendly message: too large (caught before uploading) …
  await chooseFile(page, { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 1) });
  await page.getByRole('alert').filter({ hasText: 'That photo is too big. Choose one under 5 MB.' }).waitFor();
  // … and not a picture at all, whatever its name says (the server reads the bytes).
  await chooseFile(page, { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text, not a picture') });
  await page.getByRole('button', { name: 'Use this photo' }).click();
  await page.getByRole('alert').filter({ hasText: "That file isn't a photo we can use. Choose a JPEG, PNG or WebP picture." }).waitFor();
  await page.screenshot({ path: screenshotPath('profile-avatar-refused') });
  const change = page.getByRole('button', { name: 'Change photo' });
  assert.equal(await change.evaluate((button) => button === document.activeElement), true, 'back to choosing another file');
  await page.getByRole('img', { name: 'Your profile photo' }).waitFor();

  await fullPage(page, 'profile-edited-full');

  // Download my data: one JSON file with both parts.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my data' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'heyblue-my-data.json');
  const path = await file.path();
  const data: unknown = JSON.parse(await readFile(path, 'utf8'));
  assert.ok(typeof data === 'object' && data !== null);
  const { format, identity, profiles } = data as { format: string; identity: { identity: { account: { email: string } } }; profiles: { profile: { displayName: string; bio: string; privacy: { bio: boolean }; avatar: { dataUrl: string } | null } } };
  assert.equal(format, 'heyblue-my-data');
  assert.equal(identity.identity.account.email, email);
  assert.equal(profiles.profile.displayName, 'Ada Lovelace');
  assert.equal(profiles.profile.privacy.bio, false);
  assert.match(profiles.profile.avatar?.dataUrl ?? '', /^data:image\/webp;base64,/);
  await page.getByRole('status').filter({ hasText: 'Downloaded heyblue-my-data.json.' }).waitFor();

  // Delete the account: explained, confirmed by typing, then signed out.
  await page.getByRole('button', { name: 'Delete my account…' }).click();
  const panel = page.getByRole('form', { name: 'Delete your account for good?' });
  await panel.waitFor();
  assert.equal(await panel.getByText('your display name, bio, photo and privacy settings').isVisible(), true);
  assert.equal(await panel.getByText('a record that an account existed and was deleted').isVisible(), true);
  await panel.getByRole('button', { name: 'Delete my account' }).click();
  await panel.getByRole('alert').filter({ hasText: 'Type DELETE exactly to confirm.' }).waitFor();
  await page.screenshot({ path: screenshotPath('profile-delete-confirm'), fullPage: false });
  await panel.getByLabel('Type DELETE to confirm').fill('delete');
  await panel.getByRole('button', { name: 'Delete my account' }).click();
  await page.getByRole('status').filter({ hasText: 'Your account has been deleted' }).waitFor();
  await page.getByRole('heading', { name: 'Sign in to keep your points' }).waitFor();
  assert.equal((await fetch(`${stage.server.url}/api/v1/profiles/${accountId}`)).status, 404, 'the profile is gone');
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in to keep your points' }).waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('a citizen adds a passkey, signs out and signs back in with it, then removes it', async () => {
  // Passkeys need a host name: the page must be on localhost, not 127.0.0.1.
  const base = stage.server.url.replace('127.0.0.1', 'localhost');
  const { context, page, errors } = await openPhone({ base });
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await signUp(page, base, 'passkey');

  const card = page.getByRole('region', { name: 'Passkeys' });
  await card.getByText('No passkeys yet.').waitFor();
  await card.getByLabel('Name for a new passkey').fill('Test phone');
  await card.getByRole('button', { name: 'Add a passkey' }).click();
  await card.getByRole('status').filter({ hasText: 'Passkey “Test phone” added.' }).waitFor();
  const list = card.getByRole('list', { name: 'Your passkeys' });
  await list.getByText('Test phone', { exact: true }).waitFor();
  assert.match((await list.getByRole('listitem').textContent()) ?? '', /not used yet/);
  await card.screenshot({ path: screenshotPath('profile-passkeys') });

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('heading', { name: 'Sign in to keep your points' }).waitFor();
  await page.goto(`${base}/sign-in`);
  await page.screenshot({ path: screenshotPath('sign-in-with-passkey') });
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: 'Good to see you, Tester P.' }).waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
  await list.getByText(/last used/).waitFor();
  await list.getByRole('button', { name: 'Remove passkey Test phone' }).click();
  await list.getByRole('button', { name: 'Remove Test phone' }).click();
  await card.getByRole('status').filter({ hasText: 'Passkey “Test phone” removed.' }).waitFor();
  await card.getByText('No passkeys yet.').waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();

  // Without WebAuthn there is no passkey button to press in vain.
  const bare = await stage.browser.newContext({ ...phone, serviceWorkers: 'block' });
  await bare.addInitScript(() => {
    Reflect.deleteProperty(window, 'PublicKeyCredential');
  });
  const barePage = await bare.newPage();
  await barePage.goto(`${base}/sign-in`);
  await barePage.getByRole('button', { name: 'Send code' }).waitFor();
  assert.equal(await barePage.getByRole('button', { name: 'Sign in with a passkey' }).count(), 0);
  await bare.close();
});

test('adding a phone warns that other devices will be signed out, then verifies it by text message', async () => {
  const { context, page, errors, base } = await openPhone();
  await signUp(page, base, 'phone');
  const number = `+1202555${String(Math.floor(1000 + Math.random() * 8999))}`;
  await page.getByRole('button', { name: 'Add a phone number' }).click();
  await page.getByText('This will be your only signed-in device').waitFor();
  const field = page.getByRole('textbox', { name: 'Phone number' });
  assert.equal(await field.evaluate((input) => input === document.activeElement), true);
  await field.fill(number);
  await page.getByRole('button', { name: 'Text me a code' }).click();
  await page.getByText('Verifying signs you out on every other device.').waitFor();
  await page.screenshot({ path: screenshotPath('profile-phone-code') });
  const message = (await outbox(stage.server.url)).find((m) => m.to === number);
  const code = /(?<!\d)\d{6}(?!\d)/.exec(message?.text ?? '')?.[0];
  assert.ok(code, 'the code was texted');
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Verify phone' }).click();
  await page.getByRole('status').filter({ hasText: 'Your phone number is verified.' }).waitFor();
  assert.equal(await page.getByTestId('account-phone').textContent(), number);
  assert.equal(await page.getByRole('button', { name: 'Change phone number' }).isVisible(), true);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

async function signedInProfile(context: BrowserContext, language: 'en' | 'es') {
  await context.addInitScript((lang) => localStorage.setItem('heyblue.language', lang), language);
  const page = await context.newPage();
  const labels = language === 'en' ? { field: 'Email address', send: 'Send code' } : { field: 'Correo electrónico', send: 'Enviar código' };
  const email = newEmail(`profile-a11y-${language}`);
  await page.goto(`${stage.server.url}/sign-in`);
  await requestCode(page, email, labels);
  await page.locator('input[autocomplete="one-time-code"]').pressSequentially(await latestCode(stage.server.url, email));
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await welcomeByApi(page, 'Ana A.');
  await page.goto(`${stage.server.url}/profile`);
  await page.getByTestId('public-preview').waitFor();
  await page.locator('.hb-passkeys__add').waitFor();
  return page;
}

for (const language of ['en', 'es'] as const) {
  test(`the signed-in profile has no serious accessibility problems in ${language.toUpperCase()}, open panels included`, async () => {
    const context = await stage.browser.newContext({ ...phone, serviceWorkers: 'block' });
    const page = await signedInProfile(context, language);
    assert.equal(await page.locator('html').getAttribute('lang'), language);
    assert.equal(await page.locator('h1').count(), 1);
    await audit(page, `/profile (${language})`);
    if (language === 'es') await fullPage(page, 'profile-es-full');
    if (language === 'en') {
      // Without motion, so axe measures the dark colours, not a transition towards them.
      await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      await audit(page, '/profile (en, dark)');
      await fullPage(page, 'dark-profile-signed-in-full');
      await page.emulateMedia({ colorScheme: 'light' });
    }

    // The panels that open in place: the phone form, the delete confirmation, a refused name.
    const text = language === 'en'
      ? { phone: 'Add a phone number', delete: 'Delete my account…', name: 'Display name' }
      : { phone: 'Añadir un teléfono', delete: 'Eliminar mi cuenta…', name: 'Nombre visible' };
    await page.getByRole('button', { name: text.phone }).click();
    await page.getByRole('button', { name: text.delete }).click();
    await page.getByRole('textbox', { name: text.name }).fill('');
    await page.getByRole('textbox', { name: text.name }).blur();
    await audit(page, `/profile with panels open (${language})`);
    if (language === 'en') await fullPage(page, 'profile-panels-full');
    await context.close();
  });
}

test('a new person is welcomed once: a name of their own, their language and a picture if they like, then greeted by that name', { timeout: 120_000 }, async () => {
  const { context, page, errors, base } = await openPhone();
  await signInThroughUi(page, base, newEmail('welcome'), { welcome: 'skip' });
  await page.waitForURL((url) => url.pathname === '/welcome');
  await page.getByRole('heading', { level: 1, name: 'Welcome to Hey Blue!' }).waitFor();
  const name = page.getByLabel('Display name');
  assert.equal(await name.inputValue(), '', 'no "Neighbour K7QZ" to keep: they start on an empty field');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').filter({ hasText: 'Enter the name people should see.' }).waitFor();
  await page.screenshot({ path: screenshotPath('welcome-phone'), fullPage: true });

  await name.fill('María G.');
  await page.getByRole('radio', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: 'Te damos la bienvenida a Hey Blue!' }).waitFor();
  await page.screenshot({ path: screenshotPath('welcome-phone-es'), fullPage: true });
  await page.getByRole('button', { name: 'Continuar' }).click();

  await page.waitForURL((url) => url.pathname !== '/welcome');
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1, name: 'Qué bueno verte, María G.' }).waitFor();
  await page.getByRole('link', { name: /María G\./ }).first().waitFor();
  // Asked once: the next visit goes straight home.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Qué bueno verte, María G.' }).waitFor();
  assert.notEqual(new URL(page.url()).pathname, '/welcome');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});
