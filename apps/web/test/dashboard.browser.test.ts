import { test } from 'node:test';
import assert from 'node:assert/strict';
import { desktop, screenshotPath, watchForErrors } from './support/browser.ts';
import { useStage } from './support/stage.ts';

const stage = useStage();

const sections = [
  { link: 'Organisations', path: '/dashboard/organisations', empty: 'No organisations yet' },
  { link: 'Catalogue', path: '/dashboard/catalogue', empty: 'Your catalogue is empty' },
  { link: 'Reports', path: '/dashboard/reports', empty: 'No reports yet' },
  { link: 'Overview', path: '/dashboard', empty: 'Nothing to show yet' },
];

test('the overview shows its heading, the server status and an empty state', async () => {
  const context = await stage.browser.newContext({ ...desktop, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${stage.server.url}/dashboard`);
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.getByRole('region', { name: 'Server status' }).getByText('Online').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Nothing to show yet' }).isVisible(), true);
  assert.equal(await page.getByRole('button', { name: 'Open menu' }).isVisible(), false);
  await page.screenshot({ path: screenshotPath('dashboard') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the sidebar moves between pages, each with its one h1 and empty state', async () => {
  const context = await stage.browser.newContext({ ...desktop, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${stage.server.url}/dashboard`);
  const sidebar = page.getByRole('navigation', { name: 'Dashboard' });
  for (const section of sections) {
    await sidebar.getByRole('link', { name: section.link }).click();
    await page.getByRole('heading', { level: 1, name: section.link }).waitFor();
    assert.equal(new URL(page.url()).pathname, section.path);
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.getByRole('heading', { name: section.empty }).isVisible(), true, section.empty);
    assert.equal(await sidebar.getByRole('link', { name: section.link }).getAttribute('aria-current'), 'page');
    assert.equal(await page.title(), `${section.link} · Hey Blue!`);
  }
  await context.close();
});

test('below 900px the sidebar folds into a menu button', async () => {
  const context = await stage.browser.newContext({ ...desktop, viewport: { width: 820, height: 1000 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${stage.server.url}/dashboard`);
  const menu = page.getByRole('button', { name: 'Open menu' });
  await menu.waitFor();
  const sidebar = page.getByRole('navigation', { name: 'Dashboard' });
  assert.equal(await sidebar.isVisible(), false);

  await menu.click();
  assert.equal(await page.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded'), 'true');
  await sidebar.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  assert.equal(await sidebar.isVisible(), false, 'the menu closes after navigating');

  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.keyboard.press('Escape');
  assert.equal(await sidebar.isVisible(), false, 'Escape closes the menu');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls')), 'dashboard-nav');

  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.mouse.click(700, 600);
  assert.equal(await sidebar.isVisible(), false, 'clicking beside the menu closes it');
  await page.screenshot({ path: screenshotPath('dashboard-narrow') });
  await context.close();
});

test('an unknown dashboard route shows the 404 page inside the dashboard', async () => {
  const context = await stage.browser.newContext({ ...desktop, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${stage.server.url}/dashboard/nope`);
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to the overview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await context.close();
});

test('the dashboard speaks Spanish after the switch', async () => {
  const context = await stage.browser.newContext({ ...desktop, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${stage.server.url}/dashboard/catalogue`);
  await page.getByRole('button', { name: /^ES/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Catálogo' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  assert.equal(await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Informes' }).isVisible(), true);
  await context.close();
});
