import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { audit, useLanguage } from './support/axe.ts';
import { screenshotPath } from './support/browser.ts';
import { call, closeAs, createCause, createOffer, holderOf, offerInput, openAs, redeemByApi, useRewardsStage } from './support/rewards.ts';
import type { Device, Holder } from './support/rewards.ts';
import { unexpected } from './support/sign-in.ts';

// The rewards pages of the app on a phone: the wallet and its history, offers and vouchers, giving
// to a cause, and officers gifting each other. Each journey has its own person, funded before the
// server started; the catalogue (a shop's offer, a city scheme, a charity's causes) is made here.
let coffeeId = '';
/** Each person's current session, handed from one device to the next. */
const holders = new Map<string, Holder>();
const stage = useRewardsStage({ officers: 2, citizens: 4 }, { citizens: [500, 500, 500, 300], officers: [500] }, async (world) => {
  coffeeId = await createOffer(world, world.shop, offerInput({ title: 'Free coffee', pricePoints: 120, stock: 10, perUserLimit: 10 }));
  await createOffer(world, world.town, offerInput({ title: 'Botanic garden day pass', description: 'Free entry for one adult.', pricePoints: 200, stock: 50, perUserLimit: 1, category: 'culture-leisure', locations: [{ name: 'Botanic Garden', lat: 40.7614, lon: -73.9776 }] }));
  await createCause(world, { kind: 'cause', title: 'Winter coats for kids', description: 'Warm coats for children in the harbour district.', goalPoints: 5000 });
  for (const person of [...world.server.citizens, ...world.server.officers]) holders.set(person.email, holderOf(person));
});

function holder(person: { email: string } | undefined): Holder {
  const found = person ? holders.get(person.email) : undefined;
  assert.ok(found, 'a seeded person');
  return found;
}

/** Nothing on the page is wider than the phone: no sideways scrolling. */
async function fitsThePhone(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
  assert.ok(widths.page <= widths.screen, `${what} is ${widths.page}px wide on a ${widths.screen}px phone`);
}

async function done(device: Device, who: Holder): Promise<void> {
  assert.deepEqual(unexpected(device.errors), []);
  await closeAs(device, who);
}

test('a citizen sees their balance and their history, ten movements at a time, with what brought each', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const citizen = world.server.citizens[0];
  assert.ok(citizen);
  // Five vouchers got and cancelled: ten movements, after the welcome points.
  for (let round = 0; round < 5; round++) {
    const voucher = await redeemByApi(world, citizen, coffeeId);
    const cancelled = await call(world.server, citizen.accessToken, 'POST', `/api/v1/rewards/vouchers/${voucher.id}/cancel`, {}, { 'idempotency-key': `cancel-${voucher.id}` });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  }

  const phone = await openAs(browser, world.server, holder(citizen), '/rewards');
  const { page } = phone;
  await page.getByTestId('wallet-balance').filter({ hasText: /^500\s+points$/ }).waitFor();
  const history = page.getByTestId('history-list');
  await history.getByTestId('movement').nth(9).waitFor();
  assert.equal(await history.getByTestId('movement').count(), 10, 'the first page holds ten movements');
  const newest = history.getByTestId('movement').first();
  assert.equal(await newest.getAttribute('data-kind'), 'refund');
  await newest.getByText('+120').waitFor();
  await newest.getByRole('link', { name: 'See the voucher' }).waitFor();
  await history.getByTestId('movement').filter({ hasText: 'Spent on an offer' }).first().getByText('−120').waitFor();
  await fitsThePhone(page, 'the wallet');
  await page.screenshot({ path: screenshotPath('rewards-wallet-phone'), fullPage: true });

  await page.getByTestId('history-card').getByRole('button', { name: 'Load more' }).click();
  const welcome = history.getByTestId('movement').filter({ hasText: 'Welcome points' });
  await welcome.waitFor();
  assert.equal(await welcome.getAttribute('data-kind'), 'adjustment');
  assert.equal(await history.getByTestId('movement').count(), 11);
  await page.getByTestId('history-card').getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
  await done(phone, holder(citizen));
});

test('a citizen finds an offer, confirms spending the points, shows the voucher’s QR and short code, then cancels it and gets the points back', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const citizen = world.server.citizens[1];
  assert.ok(citizen);
  const phone = await openAs(browser, world.server, holder(citizen), '/rewards');
  const { page } = phone;
  await page.getByTestId('wallet-balance').filter({ hasText: /^500\s/ }).waitFor();

  await page.getByRole('navigation', { name: 'Rewards sections' }).getByRole('link', { name: 'Offers' }).click();
  const offers = page.getByTestId('offers-list');
  await offers.getByRole('link', { name: 'Botanic garden day pass' }).waitFor();
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('searchbox', { name: 'Search offers' }).fill('coffee');
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await offers.getByRole('link', { name: 'Botanic garden day pass' }).waitFor({ state: 'detached' });
  await fitsThePhone(page, 'the offers');
  await offers.getByRole('link', { name: 'Free coffee' }).click();

  const offer = page.getByTestId('offer-card');
  await offer.getByRole('heading', { name: 'Free coffee' }).waitFor();
  await offer.getByText('From Corner Café').waitFor();
  await page.getByRole('button', { name: 'Get this voucher' }).click();
  const confirm = page.getByRole('dialog', { name: 'Spend your points?' });
  await confirm.getByText('Spend 120 points on “Free coffee”? You will have 380 points left.').waitFor();
  await page.screenshot({ path: screenshotPath('rewards-redeem-confirm-phone') });
  await confirm.getByRole('button', { name: 'Spend points' }).click();

  await page.waitForURL(/\/rewards\/vouchers\/[0-9a-f-]{36}$/);
  const voucher = page.getByTestId('voucher-card');
  await voucher.getByText('Voucher issued. You have 380 points left.').waitFor();
  const qr = voucher.getByRole('img', { name: 'Voucher code for Free coffee, as a QR code' });
  await qr.waitFor();
  assert.match((await qr.getAttribute('data-code')) ?? '', /^hbv\d+\./, 'the QR carries the voucher code');
  const shortCode = (await voucher.getByTestId('voucher-short-code').getAttribute('data-code')) ?? '';
  assert.match(shortCode, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/, 'a short code to type at the till');
  await voucher.getByText('Ready to use').waitFor();
  await fitsThePhone(page, 'the voucher');
  await page.screenshot({ path: screenshotPath('rewards-voucher-phone'), fullPage: true });

  await voucher.getByRole('button', { name: 'Cancel voucher' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel this voucher?' });
  await cancel.getByText('Cancel “Free coffee”? Its 120 points go back to your wallet and the code stops working.').waitFor();
  await cancel.getByRole('button', { name: 'Cancel voucher' }).click();
  await voucher.getByText('Voucher cancelled. 120 points came back: you now have 500 points.').waitFor();
  await voucher.getByText('Cancelled', { exact: true }).first().waitFor();
  assert.equal(await voucher.getByTestId('voucher-code').count(), 0, 'a cancelled voucher shows no code');

  await page.getByRole('navigation', { name: 'Rewards sections' }).getByRole('link', { name: 'Wallet' }).click();
  await page.getByTestId('wallet-balance').filter({ hasText: /^500\s/ }).waitFor();
  await page.getByTestId('history-list').getByTestId('movement').first().filter({ hasText: 'Refund' }).waitFor();
  await done(phone, holder(citizen));
});

test('a citizen donates points to a charity’s cause after reviewing the amount', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const citizen = world.server.citizens[2];
  assert.ok(citizen);
  const phone = await openAs(browser, world.server, holder(citizen), '/rewards/give');
  const { page } = phone;
  const cause = page.getByTestId('causes-list').getByTestId('cause').filter({ hasText: 'Winter coats for kids' });
  await cause.getByText('Harbour Food Bank').waitFor();
  await cause.getByRole('button', { name: 'Donate to Winter coats for kids' }).click();

  const dialog = page.getByRole('dialog', { name: 'Donate to Winter coats for kids' });
  await dialog.getByLabel('Points to give').fill('600');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await dialog.getByText('Enter a whole number of points from 1 to 500.').waitFor();
  await dialog.getByLabel('Points to give').fill('50');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await dialog.getByText('Give 50 points to “Winter coats for kids”? You will have 450 points left.').waitFor();
  await dialog.getByRole('button', { name: 'Give points' }).click();

  await page.getByTestId('causes-card').getByText('Thank you! You gave 50 points to “Winter coats for kids”. You have 450 points left.').waitFor();
  await cause.getByText('50 points of 5,000 points given').waitFor();
  await page.getByText('You have 450 points', { exact: true }).waitFor();
  await fitsThePhone(page, 'the give page');
  await page.screenshot({ path: screenshotPath('rewards-donated-phone'), fullPage: true });

  await page.getByRole('navigation', { name: 'Rewards sections' }).getByRole('link', { name: 'Wallet' }).click();
  const donation = page.getByTestId('history-list').getByTestId('movement').first();
  await donation.filter({ hasText: 'Donation' }).filter({ hasText: 'Winter coats for kids' }).getByText('−50').waitFor();
  await done(phone, holder(citizen));
});

test('an officer gifts a colleague points with a message; the colleague is told at once and sees it in their history', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const [giver, colleague] = world.server.officers;
  assert.ok(giver && colleague);
  // The colleague has the app open: the gift arrives while they look.
  const theirs = await openAs(browser, world.server, holder(colleague), '/rewards');
  await theirs.page.getByTestId('wallet-balance').filter({ hasText: /^0\s/ }).waitFor();

  const mine = await openAs(browser, world.server, holder(giver), '/rewards/offers');
  const { page } = mine;
  await page.getByTestId('offers-list').getByRole('link', { name: 'Free coffee' }).click();
  await page.getByText('Officers don’t redeem offers for themselves. You can donate your points or gift them to a colleague instead.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Get this voucher' }).count(), 0, 'officers have no redeem button');

  await page.getByRole('navigation', { name: 'Rewards sections' }).getByRole('link', { name: 'Give' }).click();
  const form = page.getByTestId('gift-form');
  const choice = form.getByRole('combobox', { name: 'Colleague' });
  await choice.locator('option').nth(1).waitFor({ state: 'attached' });
  assert.equal(await choice.locator('option').count(), 2, 'the one other officer of the precinct, after the prompt');
  const colleagueName = (await choice.locator('option').nth(1).textContent())?.trim() ?? '';
  await choice.selectOption({ index: 1 });
  await form.getByLabel('Points to give').fill('40');
  await form.getByRole('textbox', { name: 'Message (optional)' }).fill('Thanks for covering my shift!');
  await form.getByRole('button', { name: 'Review' }).click();
  await page.getByText(`Give 40 points to ${colleagueName}? You will have 460 points left.`).waitFor();
  await page.getByRole('button', { name: 'Send gift' }).click();
  await page.getByText(`Gift sent: 40 points to ${colleagueName}. You have 460 points left.`).waitFor();
  await fitsThePhone(page, 'the give page');
  await page.screenshot({ path: screenshotPath('rewards-gift-sent-phone'), fullPage: true });

  await theirs.page.getByTestId('rewards-toast').filter({ hasText: /^\+40 points — a gift from / }).waitFor();
  await theirs.page.getByTestId('wallet-balance').filter({ hasText: /^40\s/ }).waitFor();
  const received = theirs.page.getByTestId('history-list').getByTestId('movement').first();
  assert.equal(await received.getAttribute('data-kind'), 'gift-received');
  await received.getByText('Message: “Thanks for covering my shift!”').waitFor();
  await received.getByText('+40').waitFor();
  await theirs.page.screenshot({ path: screenshotPath('rewards-gift-received-phone'), fullPage: true });
  await done(mine, holder(giver));
  await done(theirs, holder(colleague));
});

test('the rewards pages pass an accessibility audit in English and Spanish: wallet, offers, an offer, a voucher, vouchers, giving', { timeout: 240_000 }, async () => {
  const { world, browser } = stage;
  const citizen = world.server.citizens[1];
  assert.ok(citizen);
  const voucher = await redeemByApi(world, citizen, coffeeId);
  const phone = await openAs(browser, world.server, holder(citizen), '/rewards');
  const { page } = phone;
  // Audits are heavy; on a busy machine a page may take longer to settle between them.
  page.setDefaultTimeout(60_000);
  const pages: Array<{ path: string; what: string; loaded: (page: Page) => Promise<unknown> }> = [
    { path: '/rewards', what: 'the wallet', loaded: (p) => p.getByTestId('history-list').waitFor() },
    { path: '/rewards/offers', what: 'the offers', loaded: (p) => p.getByTestId('offers-list').waitFor() },
    { path: `/rewards/offers/${coffeeId}`, what: 'an offer', loaded: (p) => p.getByTestId('offer-card').locator('.hb-rewards-places').waitFor() },
    { path: `/rewards/vouchers/${voucher.id}`, what: 'a voucher', loaded: (p) => p.getByTestId('voucher-short-code').waitFor() },
    { path: '/rewards/vouchers', what: 'the vouchers', loaded: (p) => p.locator('.hb-rewards-list').waitFor() },
    { path: '/rewards/give', what: 'giving', loaded: (p) => p.getByTestId('causes-list').waitFor() },
  ];
  for (const language of ['en', 'es'] as const) {
    await useLanguage(page, language);
    for (const screen of pages) {
      await page.goto(`${world.server.url}${screen.path}`);
      await page.locator('h1').waitFor();
      await screen.loaded(page);
      await audit(page, screen.what, language);
    }
  }
  await page.screenshot({ path: screenshotPath('rewards-give-es-phone'), fullPage: true });
  await done(phone, holder(citizen));
});

test('a voucher on the citizen’s screen follows the till: used at the shop, it says so at once, with no reload and no Cancel button', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const citizen = world.server.citizens[0];
  assert.ok(citizen);
  const voucher = await redeemByApi(world, citizen, coffeeId);
  const phone = await openAs(browser, world.server, holder(citizen), `/rewards/vouchers/${voucher.id}`);
  const card = phone.page.getByTestId('voucher-card');
  await card.getByText('Ready to use').waitFor();
  await card.getByRole('button', { name: 'Cancel voucher' }).waitFor();

  const used = await call(world.server, world.shop.owner.accessToken, 'POST', `/api/v1/rewards/organisations/${world.shop.organisationId}/vouchers/use`, { code: voucher.code });
  assert.equal(used.status, 200, JSON.stringify(used.body));
  await card.getByText('Used', { exact: true }).first().waitFor({ timeout: 5_000 });
  await card.getByRole('button', { name: 'Cancel voucher' }).waitFor({ state: 'detached' });
  assert.equal(await card.getByTestId('voucher-code').count(), 0, 'a used voucher shows no code to use again');
  await phone.page.screenshot({ path: screenshotPath('rewards-voucher-used-live-phone'), fullPage: true });
  await done(phone, holder(citizen));
});

test('spending points the wallet no longer holds is refused in a sentence, in English and in Spanish, never as a code', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const citizen = world.server.citizens[3];
  assert.ok(citizen);
  const labels = {
    en: { redeem: 'Get this voucher', dialog: 'Spend your points?', confirm: 'Spend points', refused: 'You don’t have enough points for that.' },
    es: { redeem: 'Conseguir este vale', dialog: '¿Gastar tus puntos?', confirm: 'Gastar puntos', refused: 'No tienes puntos suficientes para eso.' },
  } as const;
  for (const language of ['en', 'es'] as const) {
    const words = labels[language];
    const phone = await openAs(browser, world.server, holder(citizen), `/rewards/offers/${coffeeId}`, { language });
    const { page } = phone;
    await page.getByRole('button', { name: words.redeem }).click();
    const dialog = page.getByRole('dialog', { name: words.dialog });
    await dialog.getByRole('button', { name: words.confirm }).waitFor();
    // Meanwhile the same person spends 240 of their 300 points elsewhere: 60 are left for a 120-point offer.
    const spent = [await redeemByApi(world, citizen, coffeeId), await redeemByApi(world, citizen, coffeeId)];
    await dialog.getByRole('button', { name: words.confirm }).click();
    await dialog.getByText(words.refused).waitFor();
    assert.doesNotMatch(await dialog.innerText(), /\b[A-Z]+_[A-Z_]+\b/, `${language}: the refusal is a sentence, not a code`);
    if (language === 'es') await page.screenshot({ path: screenshotPath('rewards-redeem-refused-es') });
    // The points come back for the next round.
    for (const voucher of spent) {
      const cancelled = await call(world.server, citizen.accessToken, 'POST', `/api/v1/rewards/vouchers/${voucher.id}/cancel`, {}, { 'idempotency-key': `cancel-${voucher.id}` });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    }
    await done(phone, holder(citizen));
  }
});
