import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { desktop, phone, screenshotPath } from './support/browser.ts';
import { latestCode, newEmail, requestCode, welcomeByApi } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

const stage = useStage();

interface Screen {
  path: string;
  device: BrowserContextOptions;
  /** Names the screen in test titles and screenshots when the path alone does not. */
  label?: string;
  /** Brings the page into the state to audit, after it has loaded. */
  prepare?: (page: Page, language: Language) => Promise<void>;
}

type Language = 'en' | 'es';

const signInLabels = {
  en: { field: 'Email address', send: 'Send code' },
  es: { field: 'Correo electrónico', send: 'Enviar código' },
} as const;

/** Step 2 of sign-in: a code was sent, the code field waits. */
async function toCodeStep(page: Page, language: Language) {
  await requestCode(page, newEmail(`a11y-${language}`), signInLabels[language]);
}

/** A new citizen signed in through the UI, on the welcome step. */
async function toWelcome(page: Page, language: Language) {
  const email = newEmail(`a11y-welcome-${language}`);
  await requestCode(page, email, signInLabels[language]);
  await page.locator('input[autocomplete="one-time-code"]').pressSequentially(await latestCode(stage.server.url, email));
  await page.waitForURL((url) => url.pathname === '/welcome');
  await page.getByTestId('account-email').or(page.locator('.hb-pwa__account')).first().waitFor();
  await page.locator('.hb-welcome').waitFor();
}

/** A new citizen signed in through the UI, welcomed, on their profile. */
async function toSignedInProfile(page: Page, language: Language) {
  const email = newEmail(`a11y-profile-${language}`);
  await requestCode(page, email, signInLabels[language]);
  await page.locator('input[autocomplete="one-time-code"]').pressSequentially(await latestCode(stage.server.url, email));
  await page.waitForURL((url) => url.pathname === '/welcome');
  await welcomeByApi(page, 'Ana A.');
  await page.goto(`${stage.server.url}/profile`);
  await page.getByTestId('account-email').waitFor();
}

const screens: Screen[] = [
  { path: '/', device: phone },
  { path: '/rewards', device: phone },
  { path: '/profile', device: phone },
  { path: '/no-such-page', device: phone },
  { path: '/sign-in', device: phone },
  { path: '/sign-in', label: '/sign-in (code step)', device: phone, prepare: toCodeStep },
  { path: '/sign-in', label: '/profile (signed in)', device: phone, prepare: toSignedInProfile },
  { path: '/sign-in', label: '/welcome (a new account)', device: phone, prepare: toWelcome },
  { path: '/dev/outbox', device: phone },
  // Signed out, every dashboard page is the dashboard's sign-in screen; signed in, see dashboard-a11y.browser.test.ts.
  { path: '/dashboard', device: desktop },
  { path: '/dashboard/catalogue', device: desktop },
];

async function audit(screen: Screen, language: Language, colorScheme: 'light' | 'dark') {
  const context = await stage.browser.newContext({ ...screen.device, colorScheme, serviceWorkers: 'block' });
  await context.addInitScript((lang) => localStorage.setItem('heyblue.language', lang), language);
  const page = await context.newPage();
  try {
    await page.goto(`${stage.server.url}${screen.path}`);
    await page.locator('h1').waitFor();
    await screen.prepare?.(page, language);

    assert.equal(await page.locator('html').getAttribute('lang'), language);
    assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
    assert.equal(await page.locator('main#main').count(), 1, 'one main landmark');

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const report = serious
      .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`)
      .join('\n');
    assert.equal(serious.length, 0, `axe found serious problems on ${screen.label ?? screen.path} (${language}, ${colorScheme}):\n${report}`);
    if (colorScheme === 'dark' && language === 'en') {
      const title = screen.label ?? screen.path;
      const name = title === '/' ? 'home' : title.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
      await page.screenshot({ path: screenshotPath(`dark-${name}`) });
    }
  } finally {
    await context.close();
  }
}

for (const language of ['en', 'es'] as const) {
  for (const screen of screens) {
    test(`${screen.label ?? screen.path} has no serious accessibility problems in ${language.toUpperCase()}`, () =>
      audit(screen, language, 'light'));
  }
}

for (const screen of screens.filter((s) => s.path === '/' || s.path === '/dashboard' || s.path === '/sign-in')) {
  test(`${screen.label ?? screen.path} has no serious accessibility problems in dark mode`, () => audit(screen, 'en', 'dark'));
}
