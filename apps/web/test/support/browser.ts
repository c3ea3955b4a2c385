/** Launches the system Chromium for browser tests and holds the viewports we test at. */
import { chromium } from 'playwright-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'node:test';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Starts a headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A phone (iPhone 12–15 size). */
export const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'en-US',
};

/** A laptop screen. */
export const desktop: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  locale: 'en-US',
};

/** Where screenshots go: HEYBLUE_SCREENSHOT_DIR or the system temp folder. */
export function screenshotPath(name: string): string {
  return join(process.env['HEYBLUE_SCREENSHOT_DIR'] ?? tmpdir(), `heyblue-${name}.png`);
}

/** Pages a test opened and has not closed yet: what they show is printed when the test fails. */
const openPages = new Set<Page>();

/** The most of a page's text a failure prints: enough to see which state the page is in. */
const failureTextLimit = 2000;

/** Where a failed test's pages stood: their address and text, and a screenshot, so a CI log explains a timeout. */
async function reportOpenPages(testName: string): Promise<void> {
  let index = 0;
  for (const page of openPages) {
    const screenshot = screenshotPath(`failed-${testName.slice(0, 40).replace(/[^\w]+/g, '-')}-${index++}`);
    try {
      const text = await page.evaluate(() => document.body.innerText);
      await page.screenshot({ path: screenshot, fullPage: true, timeout: 10_000 });
      console.log(`--- what ${page.url()} showed when "${testName}" failed (screenshot ${screenshot}):\n${text.slice(0, failureTextLimit)}\n---`);
    } catch (error) {
      console.log(`--- ${page.url()} could not be read after "${testName}" failed: ${(error as Error).message}`);
    }
  }
  openPages.clear();
}

afterEach(async (t) => {
  if ('passed' in t && !t.passed) await reportOpenPages(t.name);
});

/** Collects uncaught page errors and console errors so a test can assert there were none; a failing test prints what the page shows. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/**
 * Loads a page that resumes its session from the refresh cookie, and waits for the server's answer:
 * the answer rotates the cookie, and navigating away while it is in flight would leave the browser
 * the old cookie, which works only for a few seconds more.
 */
export async function resumeSession(page: Page, load: () => Promise<unknown>): Promise<void> {
  const resumed = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/refresh'), { timeout: 60_000 });
  await load();
  await resumed;
}
