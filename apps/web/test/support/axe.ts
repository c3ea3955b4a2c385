/** The accessibility audit the rewards browser tests run on a page in the state people see it. */
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** A page's language, as the app's switch sets it. */
export type Language = 'en' | 'es';

/** Switches the app's language for the next page load. */
export async function useLanguage(page: Page, language: Language): Promise<void> {
  await page.evaluate((lang) => localStorage.setItem('heyblue.language', lang), language);
}

/**
 * Checks the page's language, its one h1 and main landmark, and that axe finds nothing serious or
 * critical against WCAG 2.2 AA and best practice. AXE_ALL=1 lists every finding.
 */
export async function audit(page: Page, what: string, language: Language): Promise<void> {
  assert.equal(await page.locator('html').getAttribute('lang'), language, `${what} is in ${language}`);
  assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${what}`);
  assert.equal(await page.locator('main#main').count(), 1, `one main landmark on ${what}`);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  if (process.env['AXE_ALL']) console.log(what, language, results.violations.map((v) => `${v.impact ?? ''} ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
  assert.equal(serious.length, 0, `axe found serious problems on ${what} (${language}):\n${report}`);
}
