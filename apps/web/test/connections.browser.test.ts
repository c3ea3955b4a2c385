import { after, test } from 'node:test';
import sharp from 'sharp';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshotPath } from './support/browser.ts';
import { launchBrowserFilming, north, openHome, timesSquare, useConnectionsStage, watchForCoordinates } from './support/connections.ts';
import { unexpected } from './support/sign-in.ts';
import { startTileServer, tileColour } from './support/tile-server.ts';

// Officers and citizens find each other on two phones: near each other, by QR code (camera and typed
// short code), and by chat. Each test has its own officer and citizen, seeded and signed in before
// the server starts, so no test waits on another's limits or windows.
// The basemap comes from a local tile server, through the app's own map proxy.
const tiles = await startTileServer();
after(() => tiles.close());
const stage = useConnectionsStage({ officers: 5, citizens: 5 }, () => ({ MAP_STYLE_URL: tiles.styleUrl }));
const citizenSpot = north(timesSquare, 150);
/** Where the officer walks to, to meet the citizen. */
const officerMoved = north(timesSquare, 30);

/** The celebration both phones show once a connection is made: a dialog with a quote. */
async function celebrates(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: "You're connected!" });
  await dialog.getByTestId('celebration').waitFor();
  await dialog.locator('blockquote').filter({ hasText: /\w/ }).waitFor();
  assert.match(await dialog.locator('.hb-celebration__author').innerText(), /^— \S/);
}

/** Waits until the map's pixels show the local tile server's colour (the basemap was drawn). */
async function expectTilesDrawn(map: import('playwright-core').Locator): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { data, info } = await sharp(await map.screenshot()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let tinted = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (Math.abs((data[i] ?? 0) - tileColour.r) < 40 && Math.abs((data[i + 1] ?? 0) - tileColour.g) < 40 && Math.abs((data[i + 2] ?? 0) - tileColour.b) < 40) tinted++;
    }
    if (tinted > (data.length / info.channels) * 0.2) return;
    if (Date.now() > deadline) assert.fail(`the basemap's tiles were not drawn (${tinted} of ${data.length / info.channels} pixels)`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The officer stops being available; nobody else's test finds them afterwards. */
async function stopAvailable(page: Page): Promise<void> {
  const card = page.getByTestId('availability-card');
  await card.getByRole('button', { name: 'Stop' }).click();
  await card.getByText("You're no longer available.").waitFor();
}

/** The officer's availability card: choose how, go available, and wait for the countdown. */
async function goAvailable(page: Page, how: { inPerson: boolean; virtual: boolean }): Promise<void> {
  const card = page.getByTestId('availability-card');
  const start = card.getByRole('button', { name: 'Go available' });
  await start.waitFor();
  for (const [label, wanted] of [['Available in person', how.inPerson], ['Available virtually', how.virtual]] as const) {
    const toggle = card.getByRole('switch', { name: label });
    if ((await toggle.getAttribute('aria-checked')) !== String(wanted)) await toggle.click();
    assert.equal(await toggle.getAttribute('aria-checked'), String(wanted));
  }
  await start.click();
  await card.getByRole('heading', { name: "You're available" }).waitFor();
  await card.getByRole('timer', { name: /^Closes in \d+:\d\d$/ }).waitFor();
}

test('an officer goes available, a citizen 150 m away is told an officer is near, asks, and both celebrate once the officer accepts', { timeout: 120_000 }, async () => {
  const { browser, server } = stage;
  const [officerPerson, citizenPerson] = [server.officers[0], server.citizens[0]];
  assert.ok(officerPerson && citizenPerson);

  const officer = await openHome(browser, server, officerPerson, timesSquare);
  await goAvailable(officer.page, { inPerson: true, virtual: false });
  await officer.page.getByTestId('availability-card').getByText('Available: in person').waitFor();
  // The officer's phone shares its position only while available in person.
  await officer.page.getByTestId('availability-card').getByText('Sharing your location while this page is open.').waitFor();

  let leaks: ReturnType<typeof watchForCoordinates> | undefined;
  const citizen = await openHome(browser, server, citizenPerson, citizenSpot, (page) => (leaks = watchForCoordinates(page, [timesSquare, officerMoved])));
  assert.ok(leaks);
  const nearby = citizen.page.getByTestId('nearby-card');
  const row = nearby.getByTestId('nearby-officer').filter({ hasText: /within about (500 m|1 km)/ });
  await row.waitFor();
  assert.equal(await nearby.getByTestId('nearby-officer').count(), 1);
  await nearby.getByText('1 officer near you').waitFor();
  await citizen.page.getByTestId('connections-announcer').filter({ hasText: /An officer from .+ is within about (500 m|1 km)\./ }).waitFor();
  // The map draws the officer's coarse area, not a pin, on the basemap — whose tiles came through our server.
  const map = nearby.getByRole('region', { name: 'Map of the officers near you' });
  await map.waitFor();
  await nearby.locator('[data-basemap="shown"] .maplibregl-canvas').waitFor();
  await expectTilesDrawn(map);
  assert.ok(tiles.requests.some((r) => r.path.startsWith('/t/')), 'tiles were fetched');
  assert.ok(tiles.requests.every((r) => r.userAgent === 'HeyBlue-map-proxy/1'), 'the tile server saw only the app’s server, never the browser');
  await citizen.page.screenshot({ path: screenshotPath('connections-officer-near'), fullPage: true });

  await row.getByRole('button', { name: /^Ask to connect with / }).click();
  await row.getByText('Request sent').waitFor();
  const outgoing = citizen.page.getByTestId('outgoing-request');
  await outgoing.and(citizen.page.locator('[data-status="pending"]')).getByRole('status').filter({ hasText: /^Waiting for / }).waitFor();

  const incoming = officer.page.getByTestId('incoming-request').filter({ hasText: /Wants to meet in person · within about (500 m|1 km)/ });
  await incoming.getByRole('timer', { name: /^Time left to answer \d+:\d\d$/ }).waitFor();
  await officer.page.screenshot({ path: screenshotPath('connections-request-received'), fullPage: true });

  // Until the officer accepts, nothing the citizen's phone received holds the officer's position.
  const before = await leaks.sightings();
  assert.deepEqual(before, [], 'the citizen never receives the officer’s coordinates before the meet');
  leaks.allowFromNow();
  await incoming.getByRole('button', { name: /^Accept .+'s request$/ }).click();

  await Promise.all([celebrates(officer.page), celebrates(citizen.page)]);
  await citizen.page.getByTestId('outgoing-request').and(citizen.page.locator('[data-status="accepted"]')).getByText(/ accepted!$/).waitFor();
  await officer.page.getByTestId('incoming-requests').getByText('No requests right now.', { exact: false }).waitFor();
  await citizen.page.screenshot({ path: screenshotPath('connections-celebration-citizen'), fullPage: true });
  await officer.page.screenshot({ path: screenshotPath('connections-celebration-officer'), fullPage: true });

  // For the meet period, each sees where the other is: the officer walks towards the citizen.
  await citizen.page.getByRole('dialog', { name: "You're connected!" }).getByRole('button', { name: 'Done' }).click();
  const meet = citizen.page.getByTestId('meet-card');
  await meet.getByRole('heading', { name: 'Find each other' }).waitFor();
  await meet.getByRole('timer', { name: /^Time left \d+:\d\d$/ }).waitFor();
  await officer.moveTo(officerMoved);
  await meet.getByText(/ is within about 10 m of the marked spot\.$/).waitFor();
  await citizen.page.screenshot({ path: screenshotPath('connections-meet-citizen'), fullPage: true });

  // The officer's coordinates reached the citizen only as meet positions, after accepting.
  const after = await leaks.sightings();
  assert.deepEqual(
    after.filter((sighting) => !sighting.allowed || sighting.where !== 'websocket meet.position'),
    [],
    'the officer’s coordinates reach the citizen only as meet positions',
  );
  assert.ok(after.some((sighting) => sighting.where === 'websocket meet.position'), 'the meet position reached the citizen');

  // The officer goes off duty: the citizen's list empties at once.
  await officer.page.getByRole('dialog', { name: "You're connected!" }).getByRole('button', { name: 'Done' }).click();
  await stopAvailable(officer.page);
  await nearby.getByTestId('nearby-empty').waitFor();
  assert.equal(await nearby.getByTestId('nearby-officer').count(), 0);

  assert.deepEqual(unexpected(officer.errors), []);
  assert.deepEqual(unexpected(citizen.errors), []);
  await Promise.all([officer.context.close(), citizen.context.close()]);
});

test('a citizen scans the code on the officer’s phone with the camera, and both celebrate', { timeout: 120_000 }, async () => {
  const { browser, server } = stage;
  const [officerPerson, citizenPerson] = [server.officers[1], server.citizens[1]];
  assert.ok(officerPerson && citizenPerson);

  const officer = await openHome(browser, server, officerPerson, undefined);
  await officer.page.getByTestId('qr-card').getByRole('button', { name: 'Show my code' }).click();
  const shown = officer.page.getByRole('dialog', { name: 'Your code' }).getByTestId('qr-show');
  const image = shown.getByRole('img', { name: 'Your connection code, as a QR code' });
  await image.waitFor();
  const token = await image.getAttribute('data-token');
  assert.ok(token, 'the code shown carries its token');

  // The citizen's phone films that code: Chromium's fake camera plays a video of it.
  const camera = await launchBrowserFilming(token);
  try {
    const citizen = await openHome(camera.browser, server, citizenPerson, north(timesSquare, 5));
    await citizen.page.getByTestId('qr-card').getByRole('button', { name: 'Scan a code' }).click();
    const scan = citizen.page.getByRole('dialog', { name: 'Scan a code' });
    await scan.getByTestId('qr-scan').waitFor();

    await Promise.all([celebrates(citizen.page), celebrates(officer.page)]);
    await scan.waitFor({ state: 'hidden' });
    await citizen.page.screenshot({ path: screenshotPath('connections-qr-camera-citizen'), fullPage: true });
    await citizen.page.getByTestId('connection-history').getByTestId('connection-item').filter({ hasText: 'By code' }).waitFor();

    assert.deepEqual(unexpected(officer.errors), []);
    assert.deepEqual(unexpected(citizen.errors), []);
    await citizen.context.close();
  } finally {
    await camera.close();
  }
  await officer.context.close();
});

test('a citizen types the short code under the officer’s QR code, both celebrate, and meeting again the same day is made but told it pays nothing', { timeout: 120_000 }, async () => {
  const { browser, server } = stage;
  const [officerPerson, citizenPerson] = [server.officers[2], server.citizens[2]];
  assert.ok(officerPerson && citizenPerson);

  const officer = await openHome(browser, server, officerPerson, undefined);
  await officer.page.getByTestId('qr-card').getByRole('button', { name: 'Show my code' }).click();
  const shortCode = officer.page.getByRole('dialog', { name: 'Your code' }).getByTestId('qr-short-code');
  await shortCode.filter({ hasText: /\w/ }).waitFor();
  const typed = (await shortCode.innerText()).trim();

  const citizen = await openHome(browser, server, citizenPerson, undefined);
  await citizen.page.getByTestId('qr-card').getByRole('button', { name: 'Scan a code' }).click();
  const scan = citizen.page.getByRole('dialog', { name: 'Scan a code' });
  // This browser has no camera: the dialog says so and the typed code still works.
  await scan.getByText('No camera can be used here. Type the short code instead.').waitFor();
  await scan.getByLabel('Or type the short code').fill(typed.toLowerCase());
  await scan.getByRole('button', { name: 'Connect' }).click();

  await Promise.all([celebrates(citizen.page), celebrates(officer.page)]);
  // Typed, no position vouches for it: paid as an unverified connection, and the celebration says how much.
  await citizen.page.getByTestId('celebration-points').filter({ hasText: /^You earned \d+ points\.$/ }).waitFor();
  await citizen.page.screenshot({ path: screenshotPath('connections-qr-short-code-citizen'), fullPage: true });

  // They connect again the same day: made, but paid nothing — and both are told why before they ask.
  for (const page of [citizen.page, officer.page]) await page.getByRole('dialog', { name: "You're connected!" }).getByRole('button', { name: 'Done' }).click();
  const codeDialog = officer.page.getByRole('dialog', { name: 'Your code' });
  if (!(await codeDialog.isVisible())) await officer.page.getByTestId('qr-card').getByRole('button', { name: 'Show my code' }).click();
  await shortCode.filter({ hasNotText: typed }).filter({ hasText: /\w/ }).waitFor();
  const second = (await shortCode.innerText()).trim();
  if (!(await scan.isVisible())) await citizen.page.getByTestId('qr-card').getByRole('button', { name: 'Scan a code' }).click();
  await scan.getByLabel('Or type the short code').fill(second);
  await scan.getByRole('button', { name: 'Connect' }).click();
  const unpaid = 'No points this time: you two already earned points for connecting today. Meeting again is still great — points come once a day for each pair.';
  await Promise.all([citizen.page.getByTestId('celebration-points').filter({ hasText: unpaid }).waitFor(), officer.page.getByTestId('celebration-points').filter({ hasText: unpaid }).waitFor()]);
  await citizen.page.screenshot({ path: screenshotPath('connections-met-again-unpaid-citizen'), fullPage: true });

  assert.deepEqual(unexpected(officer.errors), []);
  assert.deepEqual(unexpected(citizen.errors), []);
  await Promise.all([officer.context.close(), citizen.context.close()]);
});

test('an officer available only virtually is asked to chat by a citizen anywhere, accepts, and both celebrate', { timeout: 120_000 }, async () => {
  const { browser, server } = stage;
  const [officerPerson, citizenPerson] = [server.officers[3], server.citizens[3]];
  assert.ok(officerPerson && citizenPerson);

  const officer = await openHome(browser, server, officerPerson, timesSquare);
  await goAvailable(officer.page, { inPerson: false, virtual: true });
  await officer.page.getByTestId('availability-card').getByText('Available: virtually').waitFor();

  // The citizen is across the river: nowhere near, but chats know no distance.
  const citizen = await openHome(browser, server, citizenPerson, north(timesSquare, 5000));
  const virtualCard = citizen.page.getByTestId('virtual-card');
  const row = virtualCard.getByTestId('virtual-officer');
  await row.first().waitFor();
  assert.equal(await row.count(), 1, 'one officer takes chats');
  await citizen.page.getByTestId('nearby-empty').waitFor();
  assert.equal(await citizen.page.getByTestId('nearby-officer').count(), 0, 'a virtual-only officer is not listed as near');

  await row.getByRole('button', { name: /^Ask to chat with / }).click();
  await row.getByText('Request sent').waitFor();
  await citizen.page.getByTestId('outgoing-request').getByText('By chat').waitFor();

  const incoming = officer.page.getByTestId('incoming-request').filter({ hasText: 'Wants to chat' });
  await incoming.getByRole('button', { name: /^Accept .+'s request$/ }).click();

  await Promise.all([celebrates(officer.page), celebrates(citizen.page)]);
  await citizen.page.getByTestId('outgoing-request').getByText("You're connected. Say hello!").waitFor();
  await citizen.page.screenshot({ path: screenshotPath('connections-virtual-citizen'), fullPage: true });
  await officer.page.getByRole('dialog', { name: "You're connected!" }).getByRole('button', { name: 'Done' }).click();
  await stopAvailable(officer.page);

  assert.deepEqual(unexpected(officer.errors), []);
  assert.deepEqual(unexpected(citizen.errors), []);
  await Promise.all([officer.context.close(), citizen.context.close()]);
});

test('an officer the socket says is near stays listed when the nearby list, read before that, arrives after it', { timeout: 120_000 }, async () => {
  const { browser, server } = stage;
  const [officerPerson, citizenPerson] = [server.officers[4], server.citizens[4]];
  assert.ok(officerPerson && citizenPerson);
  // Away from the other tests' officers.
  const spot = north(timesSquare, 6000);
  const officer = await openHome(browser, server, officerPerson, spot);
  await goAvailable(officer.page, { inPerson: true, virtual: false });

  // The citizen's app asks who is near as its socket opens, while its first fix is on its way. The
  // answer is the one a server reading the list just before that fix gives (nobody near), and it
  // arrives only after the socket has said an officer entered: the race that wiped the list.
  let enteredHeard = false;
  let heardEntered: () => void = () => {};
  const entered = new Promise<void>((resolve) => (heardEntered = resolve));
  let delivered: (askedAfterEntered: boolean) => void = () => {};
  const lateAnswer = new Promise<boolean>((resolve) => (delivered = resolve));
  const citizen = await openHome(browser, server, citizenPerson, north(spot, 150), (page) => {
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => {
      if (!String(payload).includes('"nearby.entered"')) return;
      enteredHeard = true;
      heardEntered();
    }));
    let first = true;
    void page.route('**/api/v1/connections/nearby', async (route) => {
      if (!first) return route.continue();
      first = false;
      const askedAfterEntered = enteredHeard;
      await entered;
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ officers: [] }) });
      delivered(askedAfterEntered);
    });
  });
  const nearby = citizen.page.getByTestId('nearby-card');
  await nearby.getByTestId('nearby-officer').first().waitFor();
  assert.equal(await lateAnswer, false, 'the list was asked for before the socket said the officer entered, and answered after');
  // Two frames after the late answer, the officer is still listed, as the screen reader was told.
  await citizen.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.equal(await nearby.getByTestId('nearby-officer').count(), 1, 'the late empty answer did not wipe the officer');
  assert.equal(await nearby.getByTestId('nearby-empty').count(), 0);
  await citizen.page.getByTestId('connections-announcer').filter({ hasText: /An officer from .+ is within about/ }).waitFor();

  await stopAvailable(officer.page);
  await nearby.getByTestId('nearby-empty').waitFor();
  assert.deepEqual(unexpected(officer.errors), []);
  assert.deepEqual(unexpected(citizen.errors), []);
  await Promise.all([officer.context.close(), citizen.context.close()]);
});
