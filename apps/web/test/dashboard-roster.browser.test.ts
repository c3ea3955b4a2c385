import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { desktop, phone, screenshotPath, watchForErrors } from './support/browser.ts';
import { apiCallsFromPage, apiFromPage, becomeFirstAdmin, signInOnDashboard } from './support/dashboard.ts';
import { newEmail, signInThroughUi, unexpected } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

// A fresh development server prints a one-time first-admin link; the admin comes from there.
// Code sign-ins in this file: 2 (the server allows 10 a minute per client).
const stage = useStage({ NODE_ENV: 'development' });

async function open(path: string, device = desktop) {
  const context = await stage.browser.newContext({ ...device, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${stage.server.url}${path}`);
  await page.locator('h1').waitFor();
  return { context, page, errors };
}

/** Records the upload's phases (the `data-phase` of the upload form's wrapper) and the progress values shown. */
async function recordUpload(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    const values: string[] = [];
    Object.assign(window, { uploadPhases: seen, uploadValues: values });
    const note = () => {
      const phase = document.querySelector('[data-phase]')?.getAttribute('data-phase');
      if (phase && seen.at(-1) !== phase) seen.push(phase);
      const bar = document.querySelector('[role="progressbar"]');
      const value = bar?.getAttribute('aria-valuenow') ?? (bar ? 'indeterminate' : undefined);
      if (value && values.at(-1) !== value) values.push(value);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'aria-valuenow'] });
    note();
  });
}

let adminPage: Page | undefined;
let ownerPage: Page | undefined;
let precinctId: string | undefined;

test('an officer signs up and becomes verified after a roster upload', async () => {
  const officerEmail = newEmail('officer');
  const ownerEmail = newEmail('chief');

  // The officer signs up in the app, as any citizen would.
  const officer = await open('/sign-in', phone);
  await signInThroughUi(officer.page, stage.server.url, officerEmail);
  const before = await apiFromPage(officer.page, 'GET', '/api/v1/me');
  assert.deepEqual((before.body as { roles: string[] }).roles, ['citizen']);

  // The precinct's owner requests the precinct on the dashboard…
  const owner = await open('/dashboard');
  ownerPage = owner.page;
  const page = owner.page;
  await signInOnDashboard(page, stage.server, ownerEmail);
  const form = page.getByRole('region', { name: 'Request an organisation' });
  await form.getByLabel('Type of organisation').selectOption('precinct');
  await form.getByLabel('Organisation name').fill('5th Precinct');
  await form.getByRole('button', { name: 'Send request' }).click();
  await page.getByRole('link', { name: '5th Precinct' }).click();
  await page.getByRole('heading', { level: 1, name: '5th Precinct' }).waitFor();
  await page.getByRole('tab', { name: 'Roster' }).click();
  await page.getByText('You can upload your officer roster once an admin has approved the precinct.').waitFor();
  const precinctUrl = page.url().replace(/\?.*$/, '');
  precinctId = new URL(precinctUrl).pathname.split('/').at(-1);

  // …an admin approves it…
  const admin = await open('/dashboard/catalogue');
  adminPage = admin.page;
  await becomeFirstAdmin(admin.page, stage.server, 'admin@heyblue.example', '/dashboard');
  await admin.page.getByText('1 organisation is waiting for approval').waitFor();
  await admin.page.screenshot({ path: screenshotPath('dashboard-overview-admin') });
  await admin.page.getByRole('link', { name: 'Go to approvals' }).click();
  await admin.page.getByRole('button', { name: 'Approve 5th Precinct' }).click();
  await admin.page.getByRole('dialog').getByRole('button', { name: 'Approve', exact: true }).click();
  await admin.page.getByRole('status').filter({ hasText: '5th Precinct is approved.' }).waitFor();

  // The admin's overview lists the approved precinct with its roster, claims and members — and never
  // asks the admin, who belongs to no organisation, to request one.
  await admin.page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Overview' }).click();
  const approved = admin.page.getByRole('region', { name: 'Approved organisations' });
  const precinctCard = approved.getByRole('listitem').filter({ has: admin.page.getByRole('link', { name: '5th Precinct', exact: true }) });
  await precinctCard.waitFor();
  assert.deepEqual(await precinctCard.locator('.hb-pr-quick-links a').allTextContents(), ['Roster', 'Claims to confirm', 'Members']);
  assert.equal(await admin.page.getByRole('heading', { name: "You're not part of an organisation yet" }).count(), 0);
  assert.equal(await admin.page.getByRole('region', { name: 'Request an organisation' }).count(), 0);
  await admin.page.screenshot({ path: screenshotPath('dashboard-overview-admin-approved') });
  await precinctCard.getByRole('link', { name: 'Claims to confirm' }).click();
  await admin.page.getByRole('heading', { level: 1, name: '5th Precinct' }).waitFor();
  await admin.page.getByRole('tab', { name: 'Roster', selected: true }).waitFor();
  await admin.page.getByTestId('officer-claims').waitFor();
  assert.equal(new URL(admin.page.url()).hash, '#claims');

  // …and the owner uploads a roster with the officer on it and some bad rows.
  await page.goto(`${precinctUrl}?tab=roster`);
  const tabs = page.getByRole('tablist', { name: 'Organisation sections' });
  assert.equal(await tabs.getByRole('tab', { name: 'Roster' }).getAttribute('aria-selected'), 'true', 'the tab is in the address');
  await tabs.getByRole('tab', { name: 'Roster' }).focus();
  await page.keyboard.press('ArrowLeft');
  await tabs.getByRole('tab', { name: 'Members', selected: true }).waitFor();
  assert.equal(await tabs.getByRole('tab', { name: 'Members' }).evaluate((tab) => tab === document.activeElement), true, 'arrow keys move between tabs');
  await page.keyboard.press('ArrowRight');
  await tabs.getByRole('tab', { name: 'Roster', selected: true }).waitFor();
  await page.getByRole('heading', { name: 'Upload a roster' }).waitFor();
  await page.getByText('The roster is empty. Upload a CSV file to add your officers.').waitFor();

  // A slow uplink (about 16 kB/s), so the upload takes a moment and its progress can be seen.
  const cdp = await owner.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 16 * 1024 });
  // Addresses that sort after the officer's, so the officer is on the roster's first page.
  const filler = Array.from({ length: 400 }, (_, i) => `Patrol Officer ${i},unit.officer${String(i).padStart(3, '0')}@pd.example.gov,P-${i},Patrol`);
  const csv = [
    'name,email,badge_number,department',
    `Dana Cruz,${officerEmail.toUpperCase()},B-100,Central`,
    ',nameless@pd.example.gov,B-101,Central',
    'Eve Stone,not-an-email,B-102,Central',
    'Gus Hale,gus@pd.example.gov,B 104!,North',
    ...filler,
    `Dana Again,${officerEmail},B-105,North`,
  ].join('\n');
  await page.getByLabel('Roster file (CSV)').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('.hb-dash-file').filter({ hasText: 'roster.csv' }).waitFor();
  await recordUpload(page);
  await page.getByRole('button', { name: 'Upload roster' }).click();
  await page.getByRole('progressbar', { name: 'Upload progress' }).waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) >= 30);
  await page.waitForTimeout(200); // the bar's width eases in
  await page.screenshot({ path: screenshotPath('dashboard-roster-uploading') });
  await page.getByTestId('roster-report').waitFor();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const phases = await page.evaluate(() => (window as unknown as { uploadPhases: string[] }).uploadPhases);
  assert.deepEqual(phases, ['idle', 'uploading', 'processing', 'done'], 'uploading, then processing, then the report');
  const values = await page.evaluate(() => (window as unknown as { uploadValues: string[] }).uploadValues);
  assert.ok(values.some((v) => /^\d+$/.test(v) && Number(v) > 0 && Number(v) < 100), `the bar showed how far the upload was: ${values.join(', ')}`);
  assert.equal(values.at(-1), 'indeterminate', 'then a bar for the processing');

  assert.equal(await page.getByTestId('report-rows').textContent(), '405');
  assert.equal(await page.getByTestId('report-accepted').textContent(), '401');
  assert.equal(await page.getByTestId('report-rejected').textContent(), '4');
  assert.equal(await page.getByTestId('report-verified').textContent(), '1');
  const rejected = page.getByRole('table', { name: 'Rejected rows, by line in the file' });
  const lines = await rejected.locator('tbody th').allTextContents();
  assert.deepEqual(lines, ['3', '4', '5', '406']);
  await rejected.getByRole('row').filter({ hasText: 'The name is empty.' }).filter({ hasText: 'nameless@pd.example.gov' }).waitFor();
  await rejected.getByRole('row').filter({ hasText: 'The email “not-an-email” isn\'t a valid address.' }).waitFor();
  await rejected.getByRole('row').filter({ hasText: 'The badge number “B 104!” must be 1 to 32 letters, digits or dashes.' }).waitFor();
  await rejected.getByRole('row').filter({ hasText: `The email ${officerEmail} already appears on line 2.` }).waitFor();
  await page.getByRole('heading', { name: 'Rejected rows' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('dashboard-roster-report') });

  // The rejected rows download as CSV, with the rows' own columns.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click()]);
  assert.equal(download.suggestedFilename(), 'roster-rejected-rows.csv');
  const downloaded = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(downloaded[0], 'Line,name,email,badge_number,department,Reason');
  assert.equal(downloaded[2], '4,Eve Stone,not-an-email,B-102,Central,The email “not-an-email” isn\'t a valid address.');
  assert.equal(downloaded.length, 5);

  // The roster list pages through the accepted officers.
  const roster = page.getByRole('table', { name: 'Roster, page 1' });
  await roster.getByRole('row').filter({ hasText: officerEmail }).waitFor();
  await page.getByText('Officers 1–25 (page 1)').waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('table', { name: 'Roster, page 2' }).waitFor();
  await page.getByText('Officers 26–50 (page 2)').waitFor();
  await page.getByRole('button', { name: 'Previous' }).click();
  await page.getByRole('table', { name: 'Roster, page 1' }).getByRole('row').filter({ hasText: officerEmail }).waitFor();

  // The officer's roles, after a refresh, include officer.
  const after = await apiFromPage(officer.page, 'GET', '/api/v1/me');
  assert.deepEqual((after.body as { roles: string[] }).roles, ['citizen', 'officer']);

  // A precinct can also list its officers' email domain; an admin approves it.
  const domains = page.getByRole('region', { name: 'Officer email domains' });
  await domains.getByLabel('Add a domain').fill('@PD.Example.gov');
  await domains.getByRole('button', { name: 'Add', exact: true }).click();
  await domains.getByRole('status').filter({ hasText: "pd.example.gov is added and waits for an admin's approval." }).waitFor();
  await domains.getByRole('row').filter({ hasText: '@pd.example.gov' }).filter({ hasText: 'Waiting for approval' }).waitFor();
  await admin.page.goto(`${precinctUrl}?tab=roster`);
  await admin.page.getByText("You're not a member of this organisation: you see it because you're an admin.").waitFor();
  await admin.page.getByRole('button', { name: 'Approve pd.example.gov' }).click();
  await admin.page.getByRole('status').filter({ hasText: 'pd.example.gov is approved' }).waitFor();

  assert.deepEqual(unexpected(owner.errors), []);
  assert.deepEqual(unexpected(officer.errors), []);
  await officer.context.close();
});

test('a file without the needed columns is refused with the missing ones named', async () => {
  assert.ok(ownerPage, 'runs after the journey');
  const page = ownerPage;
  await page.getByLabel('Roster file (CSV)').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('email,name\nx@pd.example.gov,X\n') });
  await page.getByRole('button', { name: 'Upload roster' }).click();
  await page.getByRole('alert').filter({ hasText: "The file's first line must name the columns. Missing: badge_number, department." }).waitFor();
  await page.getByLabel('Roster file (CSV)').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
  await page.getByRole('button', { name: 'Upload roster' }).click();
  await page.getByRole('alert').filter({ hasText: "That doesn't look like a CSV file." }).waitFor();
  assert.equal(await page.getByLabel('Roster file (CSV)').getAttribute('aria-invalid'), 'true');
});

test('the admin audit log shows the roster upload and the approval, filters by action and loads older entries', async () => {
  assert.ok(adminPage, 'runs after the journey');
  const page = adminPage;
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  const log = page.getByRole('table', { name: 'Audit log entries, newest first' });
  const upload = log.locator('tr[data-action="roster.uploaded"]');
  await upload.waitFor();
  assert.match((await upload.textContent()) ?? '', /Roster uploaded/);
  assert.match((await upload.textContent()) ?? '', /rows405/);
  assert.match((await upload.textContent()) ?? '', /officersVerified1/);
  assert.equal(await log.locator('tr[data-action="organisation.approved"]').filter({ hasText: 'admin@heyblue.example' }).count(), 1);
  await page.screenshot({ path: screenshotPath('dashboard-audit-log') });

  const filter = page.getByLabel('Action');
  await filter.selectOption('roster.uploaded');
  await page.getByRole('status').filter({ hasText: /^1 of \d+ loaded entries match\.$/ }).waitFor();
  assert.deepEqual(await log.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action'))), ['roster.uploaded']);

  // Sixty more entries (each domain an admin adds is logged) push the upload off the first page.
  const added = await apiCallsFromPage(
    page,
    Array.from({ length: 60 }, (_, i) => ({ method: 'POST' as const, path: `/api/v1/organisations/${precinctId}/officer-domains`, body: { domain: `unit${i}.pd.example.gov` } })),
  );
  assert.deepEqual(new Set(added.map((result) => result.status)), new Set([200]));
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('status').filter({ hasText: '0 of 50 loaded entries match.' }).waitFor();
  await page.getByText('No loaded entry has this action. Load older entries to look further back.').waitFor();
  await page.getByRole('button', { name: 'Load older entries' }).click();
  await upload.waitFor();
  await page.getByText("That's the start of the log.").waitFor();
  await filter.selectOption('');
  assert.ok((await log.locator('tbody tr').count()) > 50, 'older entries are added below');
  assert.equal(await log.locator('tr[data-action="admin.granted"]').count(), 1, 'back to the first admin, the log’s beginning');
});
