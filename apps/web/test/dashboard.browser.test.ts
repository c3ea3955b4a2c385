import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { desktop, screenshotPath, watchForErrors } from './support/browser.ts';
import { signInOnDashboard } from './support/dashboard.ts';
import { newEmail, unexpected } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

// One partner signs in once (a code) and is reused by the tests below, in order.
const stage = useStage();

const sections = [
  { link: 'Organisations', path: '/dashboard/organisations', shows: "You're not part of an organisation yet" },
  { link: 'Catalogue', path: '/dashboard/catalogue', shows: 'Your catalogue is empty' },
  { link: 'Overview', path: '/dashboard', shows: 'Request an organisation' },
];

let partner: { context: BrowserContext; page: Page; errors: string[]; email: string } | undefined;

function signedIn() {
  assert.ok(partner, 'the first test signs the partner in');
  return partner;
}

test('signed out, the dashboard shows its sign-in screen; signing in lands on the page asked for', async () => {
  const context = await stage.browser.newContext({ ...desktop, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${stage.server.url}/dashboard/catalogue`);
  await page.getByRole('heading', { level: 1, name: 'Sign in to the partner dashboard' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Open menu' }).count(), 0);
  assert.equal(await page.title(), 'Sign in to the partner dashboard · Hey Blue!');
  const email = newEmail('partner');
  await signInOnDashboard(page, stage.server, email, '/dashboard/catalogue');
  await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/dashboard/catalogue');
  assert.equal(await page.getByTestId('dashboard-account').textContent(), email);
  partner = { context, page, errors, email };
});

test('the sidebar moves between pages, each with its one h1, and admin pages stay closed to partners', async () => {
  const { page } = signedIn();
  const sidebar = page.getByRole('navigation', { name: 'Dashboard' });
  assert.equal(await sidebar.getByRole('link', { name: 'Approvals' }).count(), 0, 'no admin links for a partner');
  assert.deepEqual(await sidebar.getByRole('link').allTextContents(), ['Overview', 'Organisations', 'Catalogue'], 'no Reports: nothing is promised before it exists');
  for (const section of sections) {
    await sidebar.getByRole('link', { name: section.link }).click();
    await page.getByRole('heading', { level: 1, name: section.link }).waitFor();
    assert.equal(new URL(page.url()).pathname, section.path);
    assert.equal(await page.locator('h1').count(), 1);
    await page.getByRole('heading', { name: section.shows }).first().waitFor();
    assert.equal(await sidebar.getByRole('link', { name: section.link }).getAttribute('aria-current'), 'page');
    assert.equal(await page.title(), `${section.link} · Hey Blue!`);
  }
  await page.screenshot({ path: screenshotPath('dashboard') });

  await page.goto(`${stage.server.url}/dashboard/admin/audit`);
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await page.getByRole('heading', { name: 'For admins only' }).waitFor();
  await page.goto(`${stage.server.url}/dashboard/organisations/00000000-0000-4000-8000-000000000000`);
  await page.getByRole('heading', { level: 1, name: 'Organisation not found' }).waitFor();
  await page.goto(`${stage.server.url}/dashboard/reports`);
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
});

test('below 900px the sidebar folds into a menu button', async () => {
  const { page } = signedIn();
  await page.setViewportSize({ width: 820, height: 1000 });
  await page.goto(`${stage.server.url}/dashboard`);
  const menu = page.getByRole('button', { name: 'Open menu' });
  await menu.waitFor();
  const sidebar = page.getByRole('navigation', { name: 'Dashboard' });
  assert.equal(await sidebar.isVisible(), false);

  await menu.click();
  assert.equal(await page.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded'), 'true');
  await sidebar.getByRole('link', { name: 'Catalogue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
  assert.equal(await sidebar.isVisible(), false, 'the menu closes after navigating');

  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.keyboard.press('Escape');
  assert.equal(await sidebar.isVisible(), false, 'Escape closes the menu');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls')), 'dashboard-nav');

  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.mouse.click(700, 600);
  assert.equal(await sidebar.isVisible(), false, 'clicking beside the menu closes it');
  await page.screenshot({ path: screenshotPath('dashboard-narrow') });
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('an unknown dashboard route shows the 404 page inside the dashboard', async () => {
  const { page } = signedIn();
  await page.goto(`${stage.server.url}/dashboard/nope`);
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to the overview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
});

test('the dashboard speaks Spanish after the switch', async () => {
  const { page } = signedIn();
  await page.goto(`${stage.server.url}/dashboard/catalogue`);
  await page.getByRole('button', { name: /^ES/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Catálogo' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  assert.equal(await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Catálogo' }).isVisible(), true);
  assert.equal(await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Informes' }).count(), 0);
  await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Resumen' }).click();
  await page.getByRole('heading', { name: 'Solicitar una organización' }).waitFor();
  await page.getByRole('button', { name: /^EN/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
});

test('signing out returns to the sign-in screen, with focus on its heading', async () => {
  const { context, page, errors } = signedIn();
  await page.getByRole('button', { name: 'Sign out' }).click();
  const heading = page.getByRole('heading', { level: 1, name: 'Sign in to the partner dashboard' });
  await heading.waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.getByRole('navigation', { name: 'Dashboard' }).count(), 0);
  await page.reload();
  await heading.waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});
