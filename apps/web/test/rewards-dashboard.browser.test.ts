import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { audit, useLanguage } from './support/axe.ts';
import { screenshotPath } from './support/browser.ts';
import { launchBrowserFilming } from './support/connections.ts';
import { call, closeAs, createCause, createOffer, field, holderOf, newSession, offerInput, openAs, redeemByApi, useRewardsStage } from './support/rewards.ts';
import type { Device, Holder } from './support/rewards.ts';
import { unexpected } from './support/sign-in.ts';

// The partner dashboard's rewards work: a shop publishes an offer and restocks it, its till takes
// vouchers by typed short code and by camera (exactly once), a charity reads its donations and
// downloads the month's statement, and an admin edits an earning rule, previews it, and changes
// the rewards settings. Citizens' vouchers and donations are made through the API.
let coffeeId = '';
let causeId = '';
const shop: { holder?: Holder } = {};
const charity: { holder?: Holder } = {};
const admin: { holder?: Holder } = {};
const stage = useRewardsStage({ officers: 0, citizens: 2 }, { citizens: [1000, 500] }, async (world) => {
  coffeeId = await createOffer(world, world.shop, offerInput({ title: 'Free coffee', pricePoints: 100, stock: 20, perUserLimit: 10 }));
  causeId = await createCause(world, { kind: 'cause', title: 'Winter coats for kids', description: 'Warm coats for children in the harbour district.', goalPoints: 5000 });
  shop.holder = holderOf(world.shop.owner);
  charity.holder = holderOf(world.charity.owner);
  admin.holder = holderOf(world.admin);
});

function held(who: { holder?: Holder }): Holder {
  assert.ok(who.holder, 'the stage made this person a session');
  return who.holder;
}

async function done(device: Device, who: Holder): Promise<void> {
  assert.deepEqual(unexpected(device.errors), []);
  await closeAs(device, who);
}

test('a shop owner publishes an offer with its stock from the dashboard, then adds more vouchers', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const device = await openAs(browser, world.server, held(shop), '/dashboard', { device: 'desktop' });
  const { page } = device;
  const card = page.locator('.hb-dash-org-card').filter({ hasText: 'Corner Café' });
  await card.getByRole('link', { name: 'Offers', exact: true }).click();
  await page.getByRole('tab', { name: 'Offers', selected: true }).waitFor();
  await page.getByRole('row').filter({ hasText: 'Free coffee' }).waitFor();

  await page.getByRole('button', { name: 'New offer' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New offer' });
  await dialog.getByRole('button', { name: 'Publish offer' }).click();
  await dialog.getByText('Some fields need a look before this can be saved.').waitFor();
  await dialog.getByLabel('Title', { exact: true }).fill('Bagel and juice');
  await dialog.getByLabel('Description', { exact: true }).fill('A fresh bagel and a small juice, before 11 am.');
  await dialog.getByLabel('Category', { exact: true }).selectOption('food-drink');
  await dialog.getByLabel('Price in points').fill('150');
  await dialog.getByLabel('Vouchers available').fill('25');
  await dialog.getByLabel('Limit per person').fill('1');
  await dialog.getByRole('button', { name: 'Add a place' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill('Corner Café');
  await dialog.getByLabel('Latitude').fill('40.7585');
  await dialog.getByLabel('Longitude').fill('-73,9851');
  await page.screenshot({ path: screenshotPath('rewards-offer-dialog-desktop') });
  await dialog.getByRole('button', { name: 'Publish offer' }).click();
  await dialog.waitFor({ state: 'hidden' });

  await page.getByRole('status').filter({ hasText: '“Bagel and juice” is on sale.' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Bagel and juice' });
  await row.getByTestId('stock-left').filter({ hasText: /^25\s*1 per person$/ }).waitFor();
  await row.getByText('On sale').waitFor();

  await row.getByRole('button', { name: 'Change the stock of “Bagel and juice”' }).click();
  const stock = page.getByRole('dialog', { name: 'Stock of “Bagel and juice”' });
  await stock.getByText('25 vouchers left now.').waitFor();
  await stock.getByLabel('How many').fill('5');
  await stock.getByText('30 vouchers will be left.').waitFor();
  await stock.getByRole('button', { name: 'Save stock' }).click();
  await page.getByRole('status').filter({ hasText: '“Bagel and juice” now has 30 vouchers left.' }).waitFor();
  await row.getByTestId('stock-left').filter({ hasText: /^30/ }).waitFor();
  await page.screenshot({ path: screenshotPath('rewards-offers-desktop'), fullPage: true });

  // The dashboard's catalogue lists it among the shop's offers, with its price and vouchers left.
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Catalogue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
  const shopSection = page.getByRole('region', { name: 'Corner Café' });
  const listed = shopSection.getByTestId('catalogue-offer').filter({ hasText: 'Bagel and juice' });
  await listed.waitFor();
  assert.match(await listed.innerText(), /150 points[\s\S]*30[\s\S]*On sale/);
  await shopSection.getByTestId('catalogue-offer').filter({ hasText: 'Free coffee' }).waitFor();
  await page.screenshot({ path: screenshotPath('rewards-dashboard-catalogue'), fullPage: true });
  await shopSection.getByRole('link', { name: 'Manage offers' }).click();
  await page.getByRole('tab', { name: 'Offers', selected: true }).waitFor();

  // Citizens find it in the catalogue.
  const citizen = world.server.citizens[0];
  assert.ok(citizen);
  const found = await call(world.server, citizen.accessToken, 'GET', '/api/v1/rewards/offers?q=bagel');
  const items = (found.body as { items: Array<{ title: string; stockLeft: number; perUserLimit: number | null; locations: unknown[] }> }).items;
  assert.deepEqual(items.map((o) => [o.title, o.stockLeft, o.perUserLimit, o.locations.length]), [['Bagel and juice', 30, 1, 1]]);
  await done(device, held(shop));
});

test('an offer whose codes come from the shop’s own issuer shows its owner the signing key, which copies to the clipboard', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  await createOffer(world, world.shop, offerInput({ title: 'Cinema ticket', issuerUrl: 'https://tickets.example.com/heyblue' }));
  const device = await openAs(browser, world.server, held(shop), `/dashboard/organisations/${world.shop.organisationId}`, { device: 'desktop', extra: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const { page } = device;
  await page.getByRole('tab', { name: 'Offers' }).click();
  await page.getByRole('button', { name: 'Edit “Cinema ticket”' }).click();
  const dialog = page.getByRole('dialog', { name: /Cinema ticket/ });
  const secret = dialog.getByTestId('issuer-secret');
  await secret.getByText('Signing key for your issuer').waitFor();
  const key = (await secret.locator('code').innerText()).trim();
  assert.ok(key.length >= 20, `a signing key is shown (${key.length} characters)`);
  await secret.getByRole('button', { name: 'Copy' }).click();
  await secret.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key);
  await done(device, held(shop));
});

test('at the till, a voucher typed by its short code is checked, used once, and refused at a second till', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const citizen = world.server.citizens[0];
  assert.ok(citizen);
  const voucher = await redeemByApi(world, citizen, coffeeId);
  const tillPath = `/dashboard/organisations/${world.shop.organisationId}/till`;

  // The counter's phone.
  const counter = await openAs(browser, world.server, held(shop), tillPath, { device: 'phone' });
  const { page } = counter;
  await page.getByRole('heading', { level: 1, name: 'Till' }).waitFor();
  const code = page.getByLabel('Or type the short code');
  await code.fill('ABCDE-FGHJK');
  await page.getByRole('button', { name: 'Check voucher' }).click();
  const typo = page.getByRole('alert').filter({ hasText: 'That short code has a typo. Check each character and try again.' });
  await typo.waitFor();
  await typo.getByTestId('till-reference').getByText('Reference').waitFor();
  assert.doesNotMatch(await typo.innerText(), /\b[A-Z]+_[A-Z_]+\b/, 'the refusal is a sentence, not a code');
  await page.getByRole('button', { name: 'Try another code' }).click();

  // Typed as people type: lower case, a space for the dash.
  await code.fill(voucher.shortCode.toLowerCase().replace('-', ' '));
  await page.getByRole('button', { name: 'Check voucher' }).click();
  const checked = page.getByTestId('till-voucher');
  await checked.getByRole('heading', { name: 'Free coffee' }).waitFor();
  await checked.getByText('Ready to use').waitFor();
  await checked.getByText('100 points').waitFor();
  await page.screenshot({ path: screenshotPath('rewards-till-checked-phone'), fullPage: true });

  // A second till (the back office's desktop) has the same voucher on screen.
  const backOffice = await newSession(world.server, world.shop.ownerEmail);
  const other = await openAs(browser, world.server, holderOf(backOffice), tillPath, { device: 'desktop' });
  await other.page.getByLabel('Or type the short code').fill(voucher.shortCode);
  await other.page.getByRole('button', { name: 'Check voucher' }).click();
  await other.page.getByTestId('till-voucher').getByText('Ready to use').waitFor();

  await checked.getByRole('button', { name: 'Mark as used' }).click();
  await page.getByRole('status').filter({ hasText: 'Used: Free coffee' }).waitFor();
  await page.getByText('The voucher (100 points) is done and can\'t be used again.').waitFor();
  await page.screenshot({ path: screenshotPath('rewards-till-used-phone'), fullPage: true });

  await other.page.getByTestId('till-voucher').getByRole('button', { name: 'Mark as used' }).click();
  const usedRefusal = other.page.getByRole('alert').filter({ hasText: 'This voucher was already used. Don\'t accept it again.' });
  await usedRefusal.waitFor();
  assert.doesNotMatch(await usedRefusal.innerText(), /\b[A-Z]+_[A-Z_]+\b/, 'the refusal is a sentence, not a code');
  // The card under the refusal is read again: it no longer says the voucher is ready.
  await other.page.getByTestId('till-voucher').getByText('Already used. Don\'t accept it again.').waitFor();
  await other.page.screenshot({ path: screenshotPath('rewards-till-refused-desktop'), fullPage: true });

  // Checked again, it says so before anyone tries.
  await page.getByLabel('Or type the short code').fill(voucher.shortCode);
  await page.getByRole('button', { name: 'Check voucher' }).click();
  await page.getByTestId('till-voucher').getByText('Already used. Don\'t accept it again.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Mark as used' }).count(), 0);

  const mine = await call(world.server, citizen.accessToken, 'GET', `/api/v1/rewards/vouchers/${voucher.id}`);
  assert.equal(field(mine.body, 'voucher')['status'], 'used');
  assert.deepEqual(unexpected(other.errors), []);
  await other.context.close();
  await done(counter, held(shop));
});

test('at the till, the camera reads the QR code on the customer’s phone', { timeout: 180_000 }, async () => {
  const { world } = stage;
  const citizen = world.server.citizens[0];
  assert.ok(citizen);
  const voucher = await redeemByApi(world, citizen, coffeeId);
  // Chromium's fake camera films the voucher's QR code.
  const camera = await launchBrowserFilming(voucher.code);
  try {
    const till = await openAs(camera.browser, world.server, held(shop), `/dashboard/organisations/${world.shop.organisationId}/till`, { device: 'phone' });
    const { page } = till;
    await page.getByRole('button', { name: 'Scan the QR code' }).click();
    const checked = page.getByTestId('till-voucher');
    await checked.getByRole('heading', { name: 'Free coffee' }).waitFor();
    await checked.getByText('Ready to use').waitFor();
    await page.screenshot({ path: screenshotPath('rewards-till-camera-phone'), fullPage: true });
    await checked.getByRole('button', { name: 'Mark as used' }).click();
    await page.getByRole('status').filter({ hasText: 'Used: Free coffee' }).waitFor();
    const mine = await call(world.server, citizen.accessToken, 'GET', `/api/v1/rewards/vouchers/${voucher.id}`);
    assert.equal(field(mine.body, 'voucher')['status'], 'used');
    await done(till, held(shop));
  } finally {
    await camera.close();
  }
});

test('a charity sees the donations its causes received and downloads the month’s statement as CSV', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const citizen = world.server.citizens[1];
  assert.ok(citizen);
  const donated = await call(world.server, citizen.accessToken, 'POST', `/api/v1/rewards/causes/${causeId}/donations`, { points: 30 }, { 'idempotency-key': `donate-${crypto.randomUUID()}` });
  assert.equal(donated.status, 201, JSON.stringify(donated.body));

  const device = await openAs(browser, world.server, held(charity), `/dashboard/organisations/${world.charity.organisationId}`, { device: 'desktop' });
  const { page } = device;
  await page.getByRole('tab', { name: 'Causes' }).click();
  const cause = page.getByRole('row').filter({ hasText: 'Winter coats for kids' });
  await cause.getByText('30 points').waitFor();
  await cause.getByText('of 5,000 points').waitFor();

  await page.getByRole('tab', { name: 'Donations' }).click();
  await page.getByTestId('rewards-balance').filter({ hasText: '30 points' }).waitFor();
  await page.getByRole('row').filter({ hasText: 'Winter coats for kids' }).getByText('30 points').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^heyblue-statement-harbour-food-bank-\d{4}-\d{2}\.csv$/);
  const csv = await readFile(await file.path(), 'utf8');
  assert.match(csv, /Harbour Food Bank/);
  assert.match(csv, /Winter coats for kids,30,0\.30,/, 'the donation and its money value at a cent a point');
  await page.getByRole('status').filter({ hasText: /^Saved as heyblue-statement-harbour-food-bank-/ }).waitFor();
  await page.screenshot({ path: screenshotPath('rewards-donations-desktop'), fullPage: true });
  await done(device, held(charity));
});

test('an admin edits an earning rule, which becomes version 3 (the seeded version 1 and migration 0009’s version 2 before it), previews what a connection earns, and lets citizens gift', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const device = await openAs(browser, world.server, held(admin), '/dashboard', { device: 'desktop' });
  const { page } = device;
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Earning rules' }).click();
  const connection = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Connection', exact: true }) });
  await connection.getByTestId('rule-version').filter({ hasText: 'Version 2' }).waitFor();
  await connection.getByRole('link', { name: 'Connection', exact: true }).click();

  await page.getByRole('heading', { level: 1, name: 'Connection' }).waitFor();
  await page.getByLabel('Citizen earns').fill('12');
  await page.getByRole('button', { name: 'Save as version 3' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved as version 3' }).waitFor();
  const versions = page.getByTestId('rule-versions');
  await versions.getByText('Version 3').waitFor();
  await versions.getByText('Version 2').waitFor();
  await versions.getByText('Version 1').waitFor();
  await versions.getByText(/citizen 12, officer 5/).waitFor();
  await page.getByRole('button', { name: 'Save as version 4' }).waitFor();
  await page.screenshot({ path: screenshotPath('rewards-rule-saved-desktop'), fullPage: true });

  // A connection by code, location not verified: only the rule for any connection pays, at its new version.
  const preview = page.locator('form').filter({ has: page.getByRole('button', { name: 'Preview' }) });
  await preview.getByRole('combobox', { name: 'Connection' }).selectOption('qr');
  await preview.getByLabel('Location verified').uncheck();
  await preview.getByRole('button', { name: 'Preview' }).click();
  const citizenSide = page.getByTestId('preview-citizen');
  await citizenSide.getByText('12 points', { exact: true }).first().waitFor();
  await citizenSide.getByText('Version 3').waitFor();
  await page.getByTestId('preview-officer').getByText('5 points', { exact: true }).first().waitFor();

  await page.getByRole('link', { name: 'All rules' }).click();
  await connection.getByTestId('rule-version').filter({ hasText: 'Version 3' }).waitFor();

  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Rewards settings' }).click();
  const gifts = page.getByRole('switch', { name: 'Citizens can gift points to each other' });
  assert.equal(await gifts.getAttribute('aria-checked'), 'false');
  await gifts.click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('status').filter({ hasText: 'Settings saved. They apply from now on.' }).waitFor();
  await page.screenshot({ path: screenshotPath('rewards-settings-desktop'), fullPage: true });
  const citizen = world.server.citizens[1];
  assert.ok(citizen);
  const wallet = await call(world.server, citizen.accessToken, 'GET', '/api/v1/rewards/wallet');
  assert.equal(field(wallet.body, 'wallet')['canGift'], true, 'citizens may gift now');
  await done(device, held(admin));
});

test('the dashboard’s rewards pages pass an accessibility audit in English and Spanish', { timeout: 240_000 }, async () => {
  const { world, browser } = stage;
  const { shop: retailer, charity: food } = world;
  const ruleId = '00000000-0000-4000-8000-000000000201';
  // An admin sees every organisation, so one desktop audits them all.
  const device = await openAs(browser, world.server, held(admin), '/dashboard', { device: 'desktop' });
  const { page } = device;
  // Audits are heavy; on a busy machine a page may take longer to settle between them.
  page.setDefaultTimeout(60_000);
  const table = (p: Page) => p.getByRole('table').waitFor();
  const pages: Array<{ path: string; what: string; loaded: (page: Page) => Promise<unknown> }> = [
    { path: `/dashboard/organisations/${retailer.organisationId}?tab=offers`, what: 'a shop’s offers', loaded: table },
    { path: `/dashboard/organisations/${retailer.organisationId}?tab=redemptions`, what: 'a shop’s redemptions', loaded: table },
    { path: `/dashboard/organisations/${retailer.organisationId}/till`, what: 'the till', loaded: (p) => p.getByRole('button', { name: /Check voucher|Comprobar vale/ }).waitFor() },
    { path: `/dashboard/organisations/${food.organisationId}?tab=causes`, what: 'a charity’s causes', loaded: table },
    { path: `/dashboard/organisations/${food.organisationId}?tab=donations`, what: 'a charity’s donations', loaded: table },
    { path: '/dashboard/admin/rules', what: 'the earning rules', loaded: table },
    { path: `/dashboard/admin/rules/${ruleId}`, what: 'an earning rule', loaded: (p) => p.getByTestId('rule-versions').waitFor() },
    { path: '/dashboard/admin/rules/new', what: 'a new earning rule', loaded: (p) => p.getByRole('switch').waitFor() },
    { path: '/dashboard/admin/rewards-settings', what: 'the rewards settings', loaded: (p) => p.getByRole('switch').waitFor() },
  ];
  for (const language of ['en', 'es'] as const) {
    await useLanguage(page, language);
    for (const screen of pages) {
      await page.goto(`${world.server.url}${screen.path}`);
      await page.getByTestId('dashboard-account').waitFor();
      await page.locator('h1').waitFor();
      await screen.loaded(page);
      await audit(page, screen.what, language);
    }
    // With the offer form open over the offers.
    await page.goto(`${world.server.url}/dashboard/organisations/${retailer.organisationId}?tab=offers`);
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: language === 'en' ? 'New offer' : 'Nueva oferta' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: language === 'en' ? 'Add a place' : 'Añadir un lugar' }).click();
    await audit(page, 'the offer form', language);
  }
  await page.screenshot({ path: screenshotPath('rewards-offer-form-es-desktop') });
  await done(device, held(admin));
});
