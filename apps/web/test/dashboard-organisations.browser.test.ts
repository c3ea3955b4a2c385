import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { desktop, screenshotPath, watchForErrors } from './support/browser.ts';
import { apiFromPage, becomeFirstAdmin, invitationToken, signInOnDashboard } from './support/dashboard.ts';
import { newEmail, unexpected } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

// A fresh development server prints a one-time first-admin link; the admin comes from there.
// Code sign-ins in this file: 3 (the server allows 10 a minute per client).
const stage = useStage({ NODE_ENV: 'development' });

async function open(path = '/dashboard') {
  const context = await stage.browser.newContext({ ...desktop, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${stage.server.url}${path}`);
  await page.locator('h1').waitFor();
  return { context, page, errors };
}

/** The admin, kept for the whole file (the first-admin link works once). */
let admin: { page: Page; close: () => Promise<void> } | undefined;
async function adminPage(): Promise<Page> {
  if (!admin) {
    const { context, page } = await open('/dashboard/catalogue');
    await becomeFirstAdmin(page, stage.server, 'admin@heyblue.example', '/dashboard/admin/approvals');
    admin = { page, close: () => context.close() };
  }
  return admin.page;
}

test('signed out, the dashboard asks for a sign-in in its own desktop layout', async () => {
  const { context, page, errors } = await open('/dashboard/organisations');
  await page.getByRole('heading', { level: 1, name: 'Sign in to the partner dashboard' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/dashboard/organisations', 'the address stays where the person was going');
  assert.equal(await page.getByRole('navigation', { name: 'Dashboard' }).count(), 0, 'no sidebar while signed out');
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Sign in with a one-time code' }).isVisible(), true);
  assert.equal(await page.getByRole('radio', { name: 'Email' }).isChecked(), true, 'the same code flow as the app');
  await page.screenshot({ path: screenshotPath('dashboard-sign-in') });
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('a retailer requests an organisation that an admin approves, then invites a staff member who signs in', async () => {
  const ownerEmail = newEmail('owner');
  const staffEmail = newEmail('staff');

  // The retailer signs in on the dashboard and lands on the overview, with nothing yet.
  const owner = await open('/dashboard');
  await signInOnDashboard(owner.page, stage.server, ownerEmail);
  const page = owner.page;
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus lands on the new page after signing in');
  await page.getByRole('heading', { name: "You're not part of an organisation yet" }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Approvals' }).count(), 0, 'no admin section for partners');

  // An empty name is explained; then the request goes in and shows as pending.
  const form = page.getByRole('region', { name: 'Request an organisation' });
  await form.getByRole('button', { name: 'Send request' }).click();
  await form.getByRole('alert').filter({ hasText: "Enter the organisation's name." }).waitFor();
  assert.equal(await form.getByLabel('Organisation name').getAttribute('aria-invalid'), 'true');
  await form.getByLabel('Type of organisation').selectOption('retailer');
  await form.getByLabel('Organisation name').fill('Corner Shop');
  await form.getByRole('button', { name: 'Send request' }).click();
  await page.getByRole('status').filter({ hasText: 'Corner Shop is requested' }).waitFor();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Corner Shop', exact: true }) });
  assert.equal(await card.getByText('Pending review').isVisible(), true);
  assert.equal(await card.getByText('Owner').isVisible(), true);
  assert.match((await card.textContent()) ?? '', /Once it's approved you can invite your team/);
  await page.screenshot({ path: screenshotPath('dashboard-overview-pending') });

  // While pending, the organisation page says why nobody can be invited yet.
  await card.getByRole('link', { name: 'Corner Shop' }).click();
  await page.getByRole('heading', { level: 1, name: 'Corner Shop' }).waitFor();
  await page.getByText('Waiting for approval').waitFor();
  await page.getByText('You can invite your team once an admin has approved the organisation.').waitFor();
  await page.screenshot({ path: screenshotPath('dashboard-organisation-pending') });
  const orgUrl = page.url();

  // The admin (another browser) approves it in the Approvals queue.
  const adminView = await adminPage();
  await adminView.goto(`${stage.server.url}/dashboard/admin/approvals`);
  await adminView.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
  const row = adminView.getByRole('row').filter({ has: adminView.getByRole('link', { name: 'Corner Shop' }) });
  await row.getByRole('button', { name: 'Approve Corner Shop' }).click();
  const dialog = adminView.getByRole('dialog', { name: 'Approve Corner Shop?' });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('Note for the requester (optional)').evaluate((el) => el === document.activeElement), true, 'focus moves into the dialog');
  await adminView.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await row.getByRole('button', { name: 'Approve Corner Shop' }).evaluate((el) => el === document.activeElement), true, 'Escape closes it and focus returns');
  await row.getByRole('button', { name: 'Approve Corner Shop' }).click();
  await dialog.getByLabel('Note for the requester (optional)').fill('Welcome aboard.');
  await adminView.screenshot({ path: screenshotPath('dashboard-approve-dialog') });
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await adminView.getByRole('status').filter({ hasText: 'Corner Shop is approved.' }).waitFor();
  assert.equal(await row.count(), 0, 'it leaves the queue');
  await adminView.getByRole('radio', { name: 'Approved' }).check();
  await adminView.getByRole('row').filter({ hasText: 'Corner Shop' }).filter({ hasText: 'Welcome aboard.' }).waitFor();

  // The retailer now invites a staff member.
  await page.goto(orgUrl);
  await page.getByRole('heading', { level: 1, name: 'Corner Shop' }).waitFor();
  await page.getByText('Active', { exact: true }).waitFor();
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByLabel('Email address').fill(staffEmail);
  assert.equal(await invite.getByLabel('Role').inputValue(), 'staff', 'staff is the default role');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await invite.getByRole('status').filter({ hasText: `Invitation sent to ${staffEmail}` }).waitFor();
  await page.screenshot({ path: screenshotPath('dashboard-members-invited') });

  // Inviting an existing member is refused with a reason.
  await invite.getByLabel('Email address').fill(ownerEmail);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await invite.getByRole('alert').filter({ hasText: 'That person is already a member.' }).waitFor();

  // The staff member signs in and accepts the emailed invitation.
  const staff = await open('/dashboard');
  await signInOnDashboard(staff.page, stage.server, staffEmail);
  await staff.page.getByRole('heading', { name: "You're not part of an organisation yet" }).waitFor();
  const accepted = await apiFromPage(staff.page, 'POST', `/api/v1/invitations/${await invitationToken(stage.server, staffEmail)}/accept`);
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  await staff.page.reload();
  const staffCard = staff.page.getByRole('listitem').filter({ has: staff.page.getByRole('link', { name: 'Corner Shop', exact: true }) });
  await staffCard.waitFor();
  assert.equal(await staffCard.getByText('Active').isVisible(), true);
  assert.equal(await staffCard.getByText('Staff').isVisible(), true);
  await staffCard.getByRole('link', { name: 'Corner Shop' }).click();
  await staff.page.getByText('Only the organisation\'s owners can invite people.').waitFor();

  // …and the retailer sees them among the members.
  await page.reload();
  const members = page.getByRole('table', { name: 'Members of Corner Shop' });
  await members.getByRole('row').filter({ hasText: staffEmail }).filter({ hasText: 'Staff' }).waitFor();
  assert.equal(await members.getByRole('row').filter({ hasText: ownerEmail }).filter({ hasText: 'Owner' }).count(), 1);
  await page.screenshot({ path: screenshotPath('dashboard-members') });

  assert.deepEqual(unexpected(owner.errors), []);
  assert.deepEqual(unexpected(staff.errors), []);
  await staff.context.close();
  await owner.context.close();
});

test('a rejected request shows the reviewer’s note to the requester', async () => {
  const requester = await open('/dashboard/organisations');
  await signInOnDashboard(requester.page, stage.server, newEmail('charity'), '/dashboard/organisations');
  const page = requester.page;
  await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
  await page.getByRole('button', { name: 'Request an organisation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request an organisation' });
  await dialog.getByLabel('Type of organisation').selectOption('charity');
  assert.equal(await dialog.getByText('A cause that people can donate their points to.').isVisible(), true, 'the hint follows the type');
  await dialog.getByLabel('Organisation name').fill('Totally Real Charity');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('row').filter({ hasText: 'Totally Real Charity' }).filter({ hasText: 'Pending review' }).waitFor();

  const adminView = await adminPage();
  await adminView.goto(`${stage.server.url}/dashboard/admin/approvals`);
  await adminView.getByRole('button', { name: 'Reject Totally Real Charity' }).click();
  const decide = adminView.getByRole('dialog', { name: 'Reject Totally Real Charity?' });
  await decide.getByLabel('Note for the requester').fill('We could not find this charity in the register.');
  await decide.getByRole('button', { name: 'Reject', exact: true }).click();
  await adminView.getByRole('status').filter({ hasText: 'Totally Real Charity is rejected.' }).waitFor();

  await page.getByRole('row').filter({ hasText: 'Totally Real Charity' }).getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Totally Real Charity' }).waitFor();
  await page.getByText('Note from the reviewer: “We could not find this charity in the register.”').waitFor();
  assert.equal(await page.getByText('Not approved').first().isVisible(), true);
  await requester.context.close();
  await admin?.close();
});
