import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { desktop, phone, screenshotPath, watchForErrors } from './support/browser.ts';
import { latestCode, newEmail, outbox, requestCode, signInThroughUi, unexpected } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

// A development server with an empty data folder prints a one-time first-admin link on start.
// This file asks for 4 sign-in codes (the server allows 10 a minute per client).
const stage = useStage({ NODE_ENV: 'development' });

type Language = 'en' | 'es';

async function open(path: string, device: BrowserContextOptions, language: Language = 'en') {
  const context = await stage.browser.newContext({ ...device, serviceWorkers: 'block' });
  await context.addInitScript((lang) => localStorage.setItem('heyblue.language', lang), language);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${stage.server.url}${path}`);
  await page.locator('h1').waitFor();
  return { context, page, errors };
}

async function audit(page: Page, where: string): Promise<void> {
  assert.equal(await page.locator('h1').count(), 1, `one h1 on ${where}`);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
  assert.equal(serious.length, 0, `axe found serious problems on ${where}:\n${report}`);
}

/** The token of the first-admin link the server printed. */
function setupToken(): string {
  const token = /\/setup\/([A-Za-z0-9_-]{20,})/.exec(stage.server.stdout())?.[1];
  assert.ok(token, `the development server printed a first-admin link:\n${stage.server.stdout()}`);
  return token;
}

async function api(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${stage.server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function field(body: unknown, name: string): string {
  assert.ok(typeof body === 'object' && body !== null && name in body, `${name} in ${JSON.stringify(body)}`);
  const value: unknown = (body as Record<string, unknown>)[name];
  assert.equal(typeof value, 'string');
  return value as string;
}

/** Signs in through the API (as a script would) and returns the access token. */
async function apiSignIn(email: string): Promise<string> {
  const requested = await fetch(`${stage.server.url}/api/v1/auth/codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'email', address: email }),
  });
  assert.equal(requested.status, 202);
  const challengeId = field(await requested.json(), 'challengeId');
  const verified = await fetch(`${stage.server.url}/api/v1/auth/codes/${challengeId}/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: await latestCode(stage.server.url, email) }),
  });
  assert.equal(verified.status, 200);
  return field(await verified.json(), 'accessToken');
}

let adminToken: string | undefined;

test('the first-admin link makes the given email an admin, signed in, on the dashboard', async () => {
  const token = setupToken();

  // A link that does not exist (or was used) says so instead of showing a form that cannot work.
  const stale = await open(`/setup/${'x'.repeat(43)}`, desktop);
  await stale.page.getByRole('textbox', { name: "Administrator's email address" }).fill('nobody@example.com');
  await stale.page.getByRole('button', { name: 'Become the admin' }).click();
  await stale.page.getByRole('alert').filter({ hasText: "This setup link doesn't work" }).waitFor();
  await stale.context.close();

  for (const language of ['en', 'es'] as const) {
    const { context, page } = await open(`/setup/${token}`, phone, language);
    await audit(page, `/setup/:token (${language})`);
    if (language === 'es') assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Conviértete en el primer administrador');
    await context.close();
  }

  const { context, page, errors } = await open(`/setup/${token}`, phone);
  await page.getByRole('heading', { level: 1, name: 'Become the first admin' }).waitFor();
  await page.getByRole('button', { name: 'Become the admin' }).click();
  await page.getByRole('alert').filter({ hasText: 'Enter your email address.' }).waitFor();
  await page.screenshot({ path: screenshotPath('setup') });
  const email = newEmail('first-admin');
  await page.getByRole('textbox', { name: "Administrator's email address" }).fill(email);
  const redeemed = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/first-admin'));
  await page.getByRole('button', { name: 'Become the admin' }).click();
  const response = await redeemed;
  assert.equal(response.status(), 200);
  adminToken = field(await response.json(), 'accessToken');
  // What the dashboard shows is the dashboard's business; here it is enough to arrive there as the admin.
  await page.waitForURL((url) => url.pathname === '/dashboard');

  const me = await api(adminToken, 'GET', '/me');
  assert.equal(field(me.body, 'email'), email);
  assert.ok((me.body as { roles: string[] }).roles.includes('admin'), 'the account is an admin');
  assert.deepEqual(unexpected(errors), []);
  await context.close();

  // The link works once.
  const again = await fetch(`${stage.server.url}/api/v1/auth/first-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, email: newEmail('second') }),
  });
  assert.equal(field(((await again.json()) as { error: unknown }).error, 'code'), 'IDENTITY_BOOTSTRAP_INVALID');
});

test('an invited person signs in with the invited email from the invitation link and joins the organisation', async () => {
  assert.ok(adminToken, 'the first test made an admin');
  const owner = await apiSignIn(newEmail('owner'));
  const created = await api(owner, 'POST', '/organisations', { type: 'retailer', name: 'Corner Shop' });
  assert.equal(created.status, 201);
  const organisationId = field(created.body, 'id');
  assert.equal((await api(adminToken, 'POST', `/admin/organisations/${organisationId}/decision`, { approve: true })).status, 204);
  const invitee = newEmail('staff');
  assert.equal((await api(owner, 'POST', `/organisations/${organisationId}/invitations`, { email: invitee, role: 'staff' })).status, 201);
  const letter = (await outbox(stage.server.url)).find((message) => message.to === invitee);
  const token = /\/invitations\/([A-Za-z0-9_-]{20,})/.exec(letter?.text ?? '')?.[1];
  assert.ok(token, 'the invitation email carries the link');
  const path = `/invitations/${token}`;

  // Signed out: who it is for, and a sign-in that comes back here.
  for (const language of ['es', 'en'] as const) {
    const { context, page } = await open(path, phone, language);
    await page.getByRole('heading', { level: 2, name: 'Corner Shop' }).waitFor();
    await audit(page, `/invitations/:token signed out (${language})`);
    await context.close();
  }
  const { context, page, errors } = await open(path, phone);
  await page.getByRole('heading', { level: 2, name: 'Corner Shop' }).waitFor();
  assert.equal(await page.getByText('Invited as staff member').isVisible(), true);
  assert.match((await page.getByText('This invitation is for').textContent()) ?? '', new RegExp(invitee.replace(/[.+]/g, '\\$&')));
  await page.screenshot({ path: screenshotPath('invitation-signed-out') });
  await page.getByRole('link', { name: 'Sign in to accept' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === path);
  await requestCode(page, invitee);
  await page.locator('input[autocomplete="one-time-code"]').pressSequentially(await latestCode(stage.server.url, invitee));
  // A new account still comes back to the invitation, not to the welcome on the profile.
  await page.waitForURL((url) => url.pathname === path);
  const join = page.getByRole('button', { name: 'Join Corner Shop' });
  await join.waitFor();
  await audit(page, '/invitations/:token signed in');
  await page.screenshot({ path: screenshotPath('invitation-join') });
  const accepted = page.waitForResponse((response) => response.url().endsWith(`/api/v1/invitations/${token}/accept`));
  await join.click();
  assert.equal((await accepted).status(), 200, 'the invitation was accepted');
  await page.waitForURL((url) => url.pathname === '/dashboard');

  await page.goto(`${stage.server.url}${path}`);
  await page.getByText('This invitation has already been accepted.').waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();

  // A link that leads nowhere.
  const broken = await open(`/invitations/${'y'.repeat(43)}`, phone);
  await broken.page.getByRole('heading', { name: "This invitation doesn't work" }).waitFor();
  await audit(broken.page, '/invitations/:token not found');
  await broken.context.close();
});

test('someone signed in with another account is told the invitation is for a different address', async () => {
  assert.ok(adminToken, 'the first test made an admin');
  const owner = await apiSignIn(newEmail('owner-two'));
  const organisationId = field((await api(owner, 'POST', '/organisations', { type: 'charity', name: 'Food Bank' })).body, 'id');
  await api(adminToken, 'POST', `/admin/organisations/${organisationId}/decision`, { approve: true });
  const invitee = newEmail('volunteer');
  assert.equal((await api(owner, 'POST', `/organisations/${organisationId}/invitations`, { email: invitee, role: 'owner' })).status, 201);
  const letter = (await outbox(stage.server.url)).find((message) => message.to === invitee);
  const token = /\/invitations\/([A-Za-z0-9_-]{20,})/.exec(letter?.text ?? '')?.[1];
  assert.ok(token);

  const { context, page, errors } = await open('/sign-in', phone);
  await signInThroughUi(page, stage.server.url, newEmail('someone-else'));
  await page.goto(`${stage.server.url}/invitations/${token}`);
  await page.getByRole('heading', { level: 2, name: 'Food Bank' }).waitFor();
  await page.getByText("You're signed in with another account").waitFor();
  assert.equal(await page.getByRole('button', { name: /^Join/ }).count(), 0, 'no Join button that would be refused');
  await audit(page, '/invitations/:token with another account');
  await page.screenshot({ path: screenshotPath('invitation-wrong-account') });
  await page.getByRole('button', { name: 'Sign out and switch' }).click();
  await page.getByRole('link', { name: 'Sign in to accept' }).waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});
