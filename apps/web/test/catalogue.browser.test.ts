import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { audit } from './support/axe.ts';
import { screenshotPath } from './support/browser.ts';
import { bandedPng, putPicture } from './support/pictures.ts';
import { closeAs, createCause, createOffer, holderOf, offerInput, openAs, useRewardsStage } from './support/rewards.ts';
import type { Device, Holder } from './support/rewards.ts';
import { unexpected } from './support/sign-in.ts';

// The catalogue that sells: on a small phone (375×667) the Offers tab opens on category chips and
// picture cards, each saying whether the wallet covers it or how many points are still to go; a
// chip filters at a tap; the rest of the filters are folded away; nearest first when the browser
// already lets the site read the position, and the position is never asked for on arrival. A shop
// owner gives an offer a picture from the dashboard, and takes it away again.
const small = { viewport: { width: 375, height: 667 } };
/** The citizens' points: enough for the coffee and the bike check, not for the rest. */
const balance = 150;
const holders = new Map<string, Holder>();
const stage = useRewardsStage({ officers: 0, citizens: 4 }, { citizens: [balance, balance, balance, balance] }, async (world) => {
  const picture = async (partner: typeof world.shop, offerId: string, from: string, to: string) =>
    putPicture(world.server, partner.owner.accessToken, `/api/v1/rewards/organisations/${partner.organisationId}/offers/${offerId}/image`, bandedPng(960, 600, from, to));
  // Made oldest first: without a position the newest comes first.
  await createOffer(world, world.town, offerInput({ title: 'Parking fine discount', description: 'Half off one parking fine.', category: 'civic-fees', pricePoints: 300, stock: 100, locations: [] }));
  await createOffer(world, world.shop, offerInput({ title: 'Bike repair check', description: 'Brakes, gears and tyres.', category: 'services', pricePoints: 80, locations: [{ name: 'Battery Park', lat: 40.7033, lon: -74.017 }] }));
  const garden = await createOffer(world, world.town, offerInput({ title: 'Botanic garden day pass', description: 'Free entry for one adult.', category: 'culture-leisure', pricePoints: 200, stock: 50, locations: [{ name: 'Botanic Garden', lat: 40.7614, lon: -73.9776 }] }));
  await picture(world.town, garden, '#2f7d32', '#c5e1a5');
  const pool = await createOffer(world, world.town, offerInput({ title: 'Swimming pool entry', description: 'One swim, any day.', category: 'sport-fitness', pricePoints: 160, stock: 40, locations: [{ name: 'Harlem pool', lat: 40.8116, lon: -73.9465 }] }));
  await picture(world.town, pool, '#0277bd', '#b3e5fc');
  const coffee = await createOffer(world, world.shop, offerInput({ title: 'Free coffee', pricePoints: 120, stock: 30 }));
  await picture(world.shop, coffee, '#6d4c41', '#ffcc80');
  const cause = await createCause(world, { kind: 'cause', title: 'Winter coats for kids', description: 'Warm coats for children in the harbour district.', goalPoints: 5000 });
  await putPicture(world.server, world.charity.owner.accessToken, `/api/v1/rewards/organisations/${world.charity.organisationId}/causes/${cause}/image`, bandedPng(800, 500, '#ad1457', '#f8bbd0'));
  for (const person of [...world.server.citizens, world.shop.owner]) holders.set(person.email, holderOf(person));
});

function holder(person: { email: string } | undefined): Holder {
  const found = person ? holders.get(person.email) : undefined;
  assert.ok(found, 'a seeded person');
  return found;
}

async function done(device: Device, who: Holder): Promise<void> {
  assert.deepEqual(unexpected(device.errors), []);
  await closeAs(device, who);
}

/** Counts the page's requests for a position (a prompt, unless already allowed) from now on; the offers page reads navigator.geolocation when it needs it. */
async function countPositionRequests(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const calls = { count: 0 };
    Object.assign(window, { positionRequests: calls });
    const geolocation = navigator.geolocation;
    const get = geolocation.getCurrentPosition.bind(geolocation);
    const watch = geolocation.watchPosition.bind(geolocation);
    geolocation.getCurrentPosition = (...args) => {
      calls.count += 1;
      get(...args);
    };
    geolocation.watchPosition = (...args) => {
      calls.count += 1;
      return watch(...args);
    };
  });
  return () => page.evaluate(() => (window as unknown as { positionRequests: { count: number } }).positionRequests.count);
}

/** Whether the element lies wholly within the first screen, unscrolled, and nothing (the tab bar) covers its bottom edge. */
async function aboveTheFold(page: Page, element: Locator, what: string): Promise<void> {
  const box = await element.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  assert.ok(box, `${what} is shown`);
  assert.ok(box.y >= 0 && box.y + box.height <= height, `${what} is above the fold: ${Math.round(box.y)}–${Math.round(box.y + box.height)} px of ${height}`);
  const uncovered = await element.evaluate((node, y) => {
    const rect = node.getBoundingClientRect();
    const top = document.elementFromPoint(rect.left + rect.width / 2, y);
    // Within its card or chip row (a card's link is stretched over all of it), not under the tab bar.
    const scope = node.closest('article, [role="group"]') ?? node;
    return top !== null && scope.contains(top);
  }, box.y + box.height - 2);
  assert.ok(uncovered, `${what} is not covered at its bottom edge (${Math.round(box.y + box.height)} px)`);
}

/** The card of an offer. */
function card(page: Page, title: string): Locator {
  return page.getByTestId('offers-list').getByTestId('offer').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** Nothing on the page is wider than the phone. */
async function fitsThePhone(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
  assert.ok(widths.page <= widths.screen, `${what} is ${widths.page}px wide on a ${widths.screen}px phone`);
}

for (const [index, language] of (['en', 'es'] as const).entries()) {
  const words = language === 'en'
    ? { all: 'All', culture: 'Culture & leisure', afford: 'You can afford this', gardenToGo: '50 points to go', poolToGo: '10 points to go', filters: 'Filters', search: 'Search offers', affordableOnly: 'Only what I can afford', categories: 'Categories', offers: 'Offers' }
    : { all: 'Todas', culture: 'Cultura y ocio', afford: 'Te alcanza', gardenToGo: 'Te faltan 50 puntos', poolToGo: 'Te faltan 10 puntos', filters: 'Filtros', search: 'Buscar ofertas', affordableOnly: 'Solo lo que me alcanza', categories: 'Categorías', offers: 'Ofertas' };

  test(`(${language}) the Offers tab opens on chips and picture cards above the fold on a 375×667 phone; a chip filters; each card says what the wallet covers; the position is never asked for`, { timeout: 180_000 }, async () => {
    const { world, browser } = stage;
    const citizen = world.server.citizens[index];
    const device = await openAs(browser, world.server, holder(citizen), '/rewards', { language, extra: small });
    const { page } = device;
    const positionRequests = await countPositionRequests(page);
    await page.locator('.hb-rewards-nav').getByRole('link', { name: words.offers }).click();
    const list = page.getByTestId('offers-list');
    await list.getByTestId('offer').nth(4).waitFor();
    assert.equal(await list.getByTestId('offer').count(), 5);

    // First screen: the chips and the newest offer's picture, loaded.
    const chips = page.getByRole('group', { name: words.categories });
    await aboveTheFold(page, chips.getByRole('button', { name: words.all }), 'the “All” chip');
    await aboveTheFold(page, chips.getByRole('button').nth(1), 'the first category’s chip');
    const newest = list.getByTestId('offer').first();
    await newest.getByRole('link', { name: 'Free coffee' }).waitFor();
    const picture = newest.locator('img');
    await page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth === 800, await picture.elementHandle());
    await aboveTheFold(page, picture, 'the first card’s picture');
    await aboveTheFold(page, list.getByTestId('offer').nth(1).locator('img'), 'the second card’s picture');
    assert.equal(await card(page, 'Parking fine discount').locator('img').count(), 0, 'an offer without a picture shows its category’s artwork');
    await card(page, 'Parking fine discount').locator('[data-art="civic-fees"]').waitFor();

    // What the wallet covers.
    await card(page, 'Free coffee').getByTestId('offer-afford').filter({ hasText: words.afford }).waitFor();
    await card(page, 'Botanic garden day pass').getByTestId('offer-afford').filter({ hasText: words.gardenToGo }).waitFor();
    await card(page, 'Swimming pool entry').getByTestId('offer-afford').filter({ hasText: words.poolToGo }).waitFor();

    // The filters are folded away.
    assert.equal(await page.getByRole('searchbox', { name: words.search }).count(), 0, 'no search box until Filters is opened');
    await fitsThePhone(page, 'the catalogue');
    await page.screenshot({ path: screenshotPath(`catalogue-phone-${language}`) });
    await page.screenshot({ path: screenshotPath(`catalogue-phone-${language}-full`), fullPage: true });

    // A tap on a chip shows that category only; "All" brings the rest back.
    await chips.getByRole('button', { name: words.culture }).click();
    await list.getByTestId('offer').filter({ hasText: 'Free coffee' }).waitFor({ state: 'detached' });
    await card(page, 'Botanic garden day pass').waitFor();
    assert.deepEqual(await list.getByTestId('offer').getByRole('link').allInnerTexts(), ['Botanic garden day pass']);
    assert.equal(await chips.getByRole('button', { name: words.culture }).getAttribute('aria-pressed'), 'true');
    await page.screenshot({ path: screenshotPath(`catalogue-chip-${language}`) });
    await chips.getByRole('button', { name: words.all }).click();
    await list.getByTestId('offer').nth(4).waitFor();

    // Unfolded: only what the wallet covers.
    await page.getByRole('button', { name: words.filters }).click();
    await page.getByRole('searchbox', { name: words.search }).waitFor();
    await page.getByRole('switch', { name: words.affordableOnly }).click();
    await list.getByTestId('offer').filter({ hasText: 'Botanic garden day pass' }).waitFor({ state: 'detached' });
    await card(page, 'Free coffee').waitFor();
    assert.deepEqual((await list.getByTestId('offer').getByRole('link').allInnerTexts()).sort(), ['Bike repair check', 'Free coffee']);
    await fitsThePhone(page, 'the unfolded filters');
    const toggle = await page.locator('.hb-offers__filters-toggle').boundingBox();
    const view = await page.locator('.hb-offers__toolbar .hb-segmented').boundingBox();
    assert.ok(toggle && view && Math.abs(toggle.y + toggle.height / 2 - (view.y + view.height / 2)) < 4, 'Filters (with its count) and list-or-map stay on one row');
    await page.screenshot({ path: screenshotPath(`catalogue-filters-${language}`), fullPage: true });
    await audit(page, 'the catalogue with its filters unfolded', language);

    assert.equal(await positionRequests(), 0, 'the position was never asked for');
    await done(device, holder(citizen));
  });
}

test('with the position already allowed, offers come nearest first, those without a place last', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const citizen = world.server.citizens[2];
  // Standing by the Harlem pool.
  const device = await openAs(browser, world.server, holder(citizen), '/rewards', { extra: { ...small, permissions: ['geolocation'], geolocation: { latitude: 40.8105, longitude: -73.9479 } } });
  const { page } = device;
  const positionRequests = await countPositionRequests(page);
  await page.locator('.hb-rewards-nav').getByRole('link', { name: 'Offers' }).click();
  await page.getByTestId('offers-nearest').waitFor();
  assert.equal(await positionRequests(), 1, 'allowed already: the position is read once, without a prompt');
  const list = page.getByTestId('offers-list');
  await list.getByTestId('offer').nth(4).waitFor();
  assert.deepEqual(await list.getByTestId('offer').getByRole('link').allInnerTexts(), ['Swimming pool entry', 'Botanic garden day pass', 'Free coffee', 'Bike repair check', 'Parking fine discount']);
  await card(page, 'Swimming pool entry').getByText('0.2 km away').waitFor();
  await page.screenshot({ path: screenshotPath('catalogue-nearest-phone') });
  await done(device, holder(citizen));
});

test('a shop owner gives an offer a picture in the dashboard, sees it in the list and in the app, and removes it', { timeout: 180_000 }, async () => {
  const { world, browser } = stage;
  const owner = holder(world.shop.owner);
  const device = await openAs(browser, world.server, owner, '/dashboard', { device: 'desktop' });
  const { page } = device;
  await page.locator('.hb-dash-org-card').filter({ hasText: 'Corner Café' }).getByRole('link', { name: 'Offers', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: 'Bike repair check' });
  await row.waitFor();
  assert.equal(await row.getByTestId('picture-thumb').locator('img').count(), 0, 'no picture yet: the category’s artwork');
  await row.getByRole('button', { name: 'Edit “Bike repair check”' }).click();
  const dialog = page.getByRole('dialog', { name: /Bike repair check/ });
  await dialog.getByText('No picture yet: the app shows the category’s artwork instead.').waitFor();
  await dialog.getByTestId('picture-input').setInputFiles({ name: 'bike.png', mimeType: 'image/png', buffer: bandedPng(1200, 900, '#37474f', '#ffab40') });
  await dialog.getByRole('img', { name: 'The new picture, as the app will show it' }).waitFor();
  await dialog.getByText('The new picture is saved with the rest.').waitFor();
  await dialog.getByTestId('picture-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('catalogue-picture-dialog-desktop') });
  await audit(page, 'the offer dialog with a new picture', 'en');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: 'Bike repair check' }).waitFor();
  const thumb = row.getByTestId('picture-thumb').locator('img');
  await thumb.waitFor();
  assert.match(String(await thumb.getAttribute('src')), /\/api\/v1\/rewards\/offers\/[0-9a-f-]+\/image\?v=[a-z0-9]+$/);
  await page.screenshot({ path: screenshotPath('catalogue-dashboard-offers-desktop'), fullPage: true });

  // The dashboard's catalogue shows it too.
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Catalogue' }).click();
  await page.getByRole('region', { name: 'Corner Café' }).getByTestId('catalogue-offer').filter({ hasText: 'Bike repair check' }).locator('img').waitFor();
  await page.goBack();

  await row.getByRole('button', { name: 'Edit “Bike repair check”' }).click();
  await dialog.getByRole('img', { name: 'The current picture' }).waitFor();
  await dialog.getByRole('button', { name: 'Remove picture' }).click();
  await dialog.getByText('The picture will be removed when you save.').waitFor();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await row.getByTestId('picture-thumb').locator('[data-art="services"]').waitFor();
  await done(device, owner);
});
