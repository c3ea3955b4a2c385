/** Launches the system Chromium for browser tests and holds the viewports we test at. */
import { chromium } from 'playwright-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** Collects uncaught page errors and console errors so a test can assert there were none. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}
