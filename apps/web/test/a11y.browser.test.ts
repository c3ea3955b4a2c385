import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions } from 'playwright-core';
import { desktop, phone, screenshotPath } from './support/browser.ts';
import { useStage } from './support/stage.ts';

const stage = useStage();

interface Screen {
  path: string;
  device: BrowserContextOptions;
  /** Wait for the server status to settle so axe sees the loaded state. */
  hasStatus: boolean;
}

const screens: Screen[] = [
  { path: '/', device: phone, hasStatus: true },
  { path: '/rewards', device: phone, hasStatus: false },
  { path: '/profile', device: phone, hasStatus: false },
  { path: '/no-such-page', device: phone, hasStatus: false },
  { path: '/dashboard', device: desktop, hasStatus: true },
  { path: '/dashboard/catalogue', device: desktop, hasStatus: false },
];

const onlineLabel = { en: 'Online', es: 'En línea' } as const;

async function audit(screen: Screen, language: 'en' | 'es', colorScheme: 'light' | 'dark') {
  const context = await stage.browser.newContext({ ...screen.device, colorScheme, serviceWorkers: 'block' });
  await context.addInitScript((lang) => localStorage.setItem('heyblue.language', lang), language);
  const page = await context.newPage();
  try {
    await page.goto(`${stage.server.url}${screen.path}`);
    await page.locator('h1').waitFor();
    if (screen.hasStatus) await page.getByText(onlineLabel[language], { exact: true }).waitFor();

    assert.equal(await page.locator('html').getAttribute('lang'), language);
    assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
    assert.equal(await page.locator('main#main').count(), 1, 'one main landmark');

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const report = serious
      .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`)
      .join('\n');
    assert.equal(serious.length, 0, `axe found serious problems on ${screen.path} (${language}, ${colorScheme}):\n${report}`);
    if (colorScheme === 'dark' && language === 'en') {
      const name = screen.path === '/' ? 'home' : screen.path.replaceAll('/', '-').replace(/^-/, '');
      await page.screenshot({ path: screenshotPath(`dark-${name}`) });
    }
  } finally {
    await context.close();
  }
}

for (const language of ['en', 'es'] as const) {
  for (const screen of screens) {
    test(`${screen.path} has no serious accessibility problems in ${language.toUpperCase()}`, () =>
      audit(screen, language, 'light'));
  }
}

for (const screen of screens.filter((s) => s.path === '/' || s.path === '/dashboard')) {
  test(`${screen.path} has no serious accessibility problems in dark mode`, () => audit(screen, 'en', 'dark'));
}
