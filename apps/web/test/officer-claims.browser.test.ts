import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { desktop, phone, screenshotPath, watchForErrors } from './support/browser.ts';
import { apiFromPage, becomeFirstAdmin, signInOnDashboard } from './support/dashboard.ts';
import { newEmail, signInThroughUi, unexpected } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

// An officer whose precinct lists them under their work email claims the entry by badge number and
// department from the app; the precinct confirms it on the dashboard.
// Code sign-ins in this file: 3 (the server allows 10 a minute per client).
const stage = useStage({ NODE_ENV: 'development' });

async function open(path: string, device = desktop) {
  const context = await stage.browser.newContext({ ...device, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${stage.server.url}${path}`);
  await page.locator('h1').waitFor();
  return { context, page, errors };
}

/** axe on one part of the page: no serious or critical findings. */
async function audit(page: Page, selector: string, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
  assert.equal(serious.length, 0, `axe found serious problems on ${what}:\n${report}`);
}

/** Uploads a roster as CSV from inside the page, with a fresh token from its refresh cookie. */
async function uploadRoster(page: Page, organisationId: string, csv: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ organisationId, csv }) => {
      const run = async () => {
        const refreshed = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { accept: 'application/json' } });
        const { accessToken } = (await refreshed.json()) as { accessToken: string };
        const response = await fetch(`/api/v1/organisations/${organisationId}/roster`, {
          method: 'POST',
          headers: { accept: 'application/json', authorization: `Bearer ${accessToken}`, 'content-type': 'text/csv' },
          body: csv,
        });
        return { status: response.status, body: await response.json() };
      };
      return navigator.locks ? navigator.locks.request('heyblue.session.refresh', run) : run();
    },
    { organisationId, csv },
  );
}

test('an officer claims a roster entry by badge number and the precinct confirms it', async () => {
  // A precinct's owner asks for the precinct, and the first admin approves it.
  const owner = await open('/dashboard');
  await signInOnDashboard(owner.page, stage.server, newEmail('chief'));
  const requested = await apiFromPage(owner.page, 'POST', '/api/v1/organisations', { type: 'precinct', name: 'Harbour Precinct' });
  assert.equal(requested.status, 201, JSON.stringify(requested.body));
  const precinctId = (requested.body as { id: string }).id;

  const admin = await open('/dashboard/catalogue');
  await becomeFirstAdmin(admin.page, stage.server, 'admin@heyblue.example', '/dashboard');
  const approved = await apiFromPage(admin.page, 'POST', `/api/v1/admin/organisations/${precinctId}/decision`, { approve: true });
  assert.ok(approved.status < 300, JSON.stringify(approved.body));

  // The roster lists Ivy under her work email.
  const uploaded = await uploadRoster(owner.page, precinctId, 'name,email,badge_number,department\nIvy Lee,ivy.work@precinct.example,B-777,Harbour\n');
  assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
  assert.equal((uploaded.body as { officersVerified: number }).officersVerified, 0);

  // Ivy signs up in the app with her personal email and claims the entry from her profile.
  const ivy = await open('/sign-in', phone);
  await signInThroughUi(ivy.page, stage.server.url, 'ivy@personal.example');
  await ivy.page.goto(`${stage.server.url}/profile`);
  // A citizen's profile carries a link, not the whole form.
  await ivy.page.getByRole('button', { name: 'Are you a police officer? Claim your place on your precinct’s roster' }).click();
  const card = ivy.page.getByRole('region', { name: 'Are you a police officer?' });
  await card.getByLabel('Your precinct').waitFor();
  await audit(ivy.page, '[data-testid="officer-claim"]', 'the claim card');

  await card.getByRole('button', { name: 'Send claim' }).click();
  await card.getByRole('alert').filter({ hasText: 'Choose your precinct.' }).waitFor();
  assert.equal(await card.getByLabel('Your precinct').getAttribute('aria-invalid'), 'true');
  await card.getByLabel('Your precinct').selectOption({ label: 'Harbour Precinct' });
  await card.getByRole('button', { name: 'Send claim' }).click();
  await card.getByRole('alert').filter({ hasText: 'Enter your badge number (up to 32 characters).' }).waitFor();
  await card.getByLabel('Badge number').fill('B-777');
  await card.getByLabel('Department').fill('harbour');
  await audit(ivy.page, '[data-testid="officer-claim"]', 'the claim card with an error');
  await card.getByRole('button', { name: 'Send claim' }).click();
  await card.getByRole('status').filter({ hasText: 'Your precinct will confirm' }).filter({ hasText: 'Harbour Precinct' }).waitFor();
  await ivy.page.screenshot({ path: screenshotPath('officer-claim-sent'), fullPage: true });

  // Someone else claims a badge that isn't on the roster.
  const other = await open('/sign-in', phone);
  const otherEmail = newEmail('not-an-officer');
  await signInThroughUi(other.page, stage.server.url, otherEmail);
  const claimed = await apiFromPage(other.page, 'POST', '/api/v1/officer-claims', { organisationId: precinctId, badgeNumber: 'X-1', department: 'Harbour' });
  assert.equal(claimed.status, 201);

  // The owner sees both claims on the Roster tab; only Ivy's matches the roster.
  await owner.page.goto(`${stage.server.url}/dashboard/organisations/${precinctId}?tab=roster`);
  const claims = owner.page.getByRole('region', { name: 'Claims to confirm' });
  const ivyRow = claims.getByRole('row').filter({ hasText: 'ivy@personal.example' });
  await ivyRow.filter({ hasText: 'Ivy Lee' }).filter({ hasText: 'B-777' }).waitFor();
  const otherRow = claims.getByRole('row').filter({ hasText: otherEmail });
  await otherRow.filter({ hasText: 'No roster entry matches' }).waitFor();
  const blocked = otherRow.getByRole('button', { name: `Confirm ${otherEmail}` });
  assert.equal(await blocked.getAttribute('aria-disabled'), 'true');
  assert.match((await blocked.evaluate((button) => button.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '))) ?? '', /can be confirmed only when/);
  await audit(owner.page, '[data-testid="officer-claims"]', 'the claims section');
  await owner.page.screenshot({ path: screenshotPath('dashboard-officer-claims'), fullPage: true });

  await otherRow.getByRole('button', { name: `Reject ${otherEmail}` }).click();
  await claims.getByRole('status').filter({ hasText: `The claim of ${otherEmail} is rejected.` }).waitFor();
  await otherRow.waitFor({ state: 'detached' });
  await ivyRow.getByRole('button', { name: 'Confirm ivy@personal.example' }).click();
  await claims.getByRole('status').filter({ hasText: 'ivy@personal.example is confirmed as one of your officers.' }).waitFor();
  await claims.getByText('No claims to confirm.').waitFor();

  // Ivy is an officer now (after a refresh), and her profile no longer offers the claim.
  const me = await apiFromPage(ivy.page, 'GET', '/api/v1/me');
  assert.ok((me.body as { roles: string[] }).roles.includes('officer'), JSON.stringify(me.body));
  await ivy.page.reload();
  await ivy.page.getByTestId('account-email').waitFor();
  assert.equal(await ivy.page.getByRole('region', { name: 'Are you a police officer?' }).count(), 0);

  assert.deepEqual(unexpected(owner.errors), []);
  assert.deepEqual(unexpected(ivy.errors), []);
  await Promise.all([owner.context.close(), admin.context.close(), ivy.context.close(), other.context.close()]);
});
