import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { desktop, screenshotPath, watchForErrors } from './support/browser.ts';
import { apiFromPage, becomeFirstAdmin, dashboardLabels, signInOnDashboard } from './support/dashboard.ts';
import { newEmail, requestCode, unexpected } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

// The signed-in dashboard pages in English and Spanish, audited with axe in the state people see
// them: lists filled, a report on screen, a dialog open. Code sign-ins here: 3.
const stage = useStage({ NODE_ENV: 'development' });

type Language = 'en' | 'es';

interface Actor {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

let owner: Actor | undefined;
let admin: Actor | undefined;
let precinctId = '';

async function newActor(colorScheme: 'light' | 'dark' = 'light'): Promise<Actor> {
  const context = await stage.browser.newContext({ ...desktop, colorScheme, serviceWorkers: 'block' });
  const page = await context.newPage();
  return { context, page, errors: watchForErrors(page) };
}

async function setLanguage(page: Page, language: Language) {
  await page.evaluate((lang) => localStorage.setItem('heyblue.language', lang), language);
}

async function audit(page: Page, what: string, language: Language) {
  assert.equal(await page.locator('html').getAttribute('lang'), language);
  assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${what}`);
  assert.equal(await page.locator('main#main').count(), 1, 'one main landmark');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // AXE_ALL=1 lists every finding, moderate and minor ones too.
  if (process.env['AXE_ALL']) console.log(what, language, results.violations.map((v) => `${v.impact ?? ''} ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`));
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
  assert.equal(serious.length, 0, `axe found serious problems on ${what} (${language}):\n${report}`);
}

/** Opens a dashboard path in the language and waits for its h1 and, if given, a sign that it loaded. */
async function visit(page: Page, path: string, language: Language, loaded?: (page: Page) => Promise<unknown>) {
  await setLanguage(page, language);
  await page.goto(`${stage.server.url}${path}`);
  await page.getByTestId('dashboard-account').waitFor();
  await page.locator('h1').waitFor();
  await loaded?.(page);
  await page.locator('[role="status"][aria-live]').filter({ hasText: /…$/ }).waitFor({ state: 'detached' }).catch(() => undefined);
}

const csv = ['name,email,badge_number,department', 'Dana Cruz,dana.cruz@pd.example.gov,B-100,Central', ',nameless@pd.example.gov,B-101,Central', 'Eve Stone,not-an-email,B-102,Central'].join('\n');

test('setting the stage: an admin, a precinct owner, an approved precinct and a pending request', async () => {
  admin = await newActor();
  await admin.page.goto(`${stage.server.url}/dashboard`);
  await becomeFirstAdmin(admin.page, stage.server, 'admin@heyblue.example');

  owner = await newActor();
  await owner.page.goto(`${stage.server.url}/dashboard`);
  await signInOnDashboard(owner.page, stage.server, newEmail('a11y-owner'));
  const precinct = await apiFromPage(owner.page, 'POST', '/api/v1/organisations', { type: 'precinct', name: 'Riverside Precinct' });
  assert.equal(precinct.status, 201);
  precinctId = (precinct.body as { id: string }).id;
  assert.equal((await apiFromPage(owner.page, 'POST', '/api/v1/organisations', { type: 'retailer', name: 'Riverside Bakery' })).status, 201);
  assert.equal((await apiFromPage(admin.page, 'POST', `/api/v1/admin/organisations/${precinctId}/decision`, { approve: true })).status, 204);
});

for (const language of ['en', 'es'] as const) {
  test(`the partner's pages have no serious accessibility problems in ${language.toUpperCase()}`, async () => {
    assert.ok(owner, 'the stage is set');
    const { page } = owner;
    await visit(page, '/dashboard', language, (p) => p.locator('.hb-dash-org-card').first().waitFor());
    await audit(page, 'the overview', language);

    await visit(page, '/dashboard/organisations', language, (p) => p.getByRole('table').waitFor());
    await audit(page, 'the organisations table', language);
    await page.locator('.hb-page-header__actions button').click();
    await page.getByRole('dialog').waitFor();
    await audit(page, 'the request dialog', language);
    await page.keyboard.press('Escape');

    await visit(page, `/dashboard/organisations/${precinctId}`, language, (p) => p.getByRole('table').waitFor());
    await audit(page, 'the members tab', language);

    await visit(page, `/dashboard/organisations/${precinctId}?tab=roster`, language, (p) => p.locator('input[type="file"]').waitFor());
    await page.locator('input[type="file"]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('form[aria-busy] button[type="submit"]').first().click();
    await page.getByTestId('roster-report').waitFor();
    await page.getByRole('table').nth(1).waitFor();
    await audit(page, 'the roster tab with a report', language);
    if (language === 'es') await page.screenshot({ path: screenshotPath('dashboard-roster-report-es'), fullPage: true });
  });

  test(`the admin's pages have no serious accessibility problems in ${language.toUpperCase()}`, async () => {
    assert.ok(admin, 'the stage is set');
    const { page } = admin;
    await visit(page, '/dashboard/admin/approvals', language, (p) => p.getByRole('table').waitFor());
    await audit(page, 'the approvals queue', language);
    await page.getByRole('table').getByRole('button').first().click();
    await page.getByRole('dialog').waitFor();
    await audit(page, 'the decision dialog', language);
    if (language === 'es') await page.screenshot({ path: screenshotPath('dashboard-approvals-es') });
    await page.keyboard.press('Escape');

    await visit(page, '/dashboard/admin/audit', language, (p) => p.getByRole('table').waitFor());
    await audit(page, 'the audit log', language);

    await visit(page, `/dashboard/organisations/${precinctId}?tab=roster`, language, (p) => p.getByRole('table').first().waitFor());
    await audit(page, 'a precinct seen by an admin', language);
  });

  test(`the dashboard's code step has no serious accessibility problems in ${language.toUpperCase()}`, async () => {
    const visitor = await newActor();
    await visitor.page.goto(`${stage.server.url}/dashboard`);
    await setLanguage(visitor.page, language);
    await visitor.page.reload();
    await visitor.page.locator('h1').waitFor();
    await requestCode(visitor.page, newEmail(`a11y-code-${language}`), dashboardLabels[language]);
    await audit(visitor.page, 'the code step', language);
    await visitor.context.close();
  });
}

test('the roster report and the audit log have no serious accessibility problems in dark mode', async () => {
  assert.ok(owner && admin, 'the stage is set');
  for (const actor of [owner, admin]) await actor.page.emulateMedia({ colorScheme: 'dark' });
  await visit(owner.page, `/dashboard/organisations/${precinctId}?tab=roster`, 'en', (p) => p.locator('input[type="file"]').waitFor());
  await owner.page.locator('input[type="file"]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await owner.page.getByRole('button', { name: 'Upload roster' }).click();
  await owner.page.getByTestId('roster-report').waitFor();
  await audit(owner.page, 'the roster report (dark)', 'en');
  await owner.page.screenshot({ path: screenshotPath('dark-dashboard-roster-report') });
  await visit(admin.page, '/dashboard/admin/audit', 'en', (p) => p.getByRole('table').waitFor());
  await audit(admin.page, 'the audit log (dark)', 'en');
  await admin.page.screenshot({ path: screenshotPath('dark-dashboard-audit-log') });
  assert.deepEqual(unexpected(owner.errors), []);
  assert.deepEqual(unexpected(admin.errors), []);
  await owner.context.close();
  await admin.context.close();
});
