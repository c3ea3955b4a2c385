/** Sign-in helpers for browser tests: codes come from the server's development outbox. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

interface OutboxMessage {
  id: string;
  to: string;
  text: string;
}

function isOutboxMessage(value: unknown): value is OutboxMessage {
  return typeof value === 'object' && value !== null && 'id' in value && 'to' in value && 'text' in value && typeof value.to === 'string' && typeof value.text === 'string';
}

/** The dev outbox's messages, newest first. */
export async function outbox(serverUrl: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${serverUrl}/api/v1/dev/outbox`);
  assert.equal(response.status, 200, 'the test server keeps a dev outbox');
  const body: unknown = await response.json();
  assert.ok(typeof body === 'object' && body !== null && 'messages' in body && Array.isArray(body.messages));
  return body.messages.filter(isOutboxMessage);
}

/** The newest code sent to `to` that is not one of `seen` (waits up to 5 s for it to arrive). */
export async function latestCode(serverUrl: string, to: string, seen: readonly string[] = []): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const message = (await outbox(serverUrl)).find((m) => m.to === to);
    const code = message ? /(?<!\d)\d{6}(?!\d)/.exec(message.text)?.[0] : undefined;
    if (code && !seen.includes(code)) return code;
    if (Date.now() > deadline) assert.fail(`no new code for ${to} in the dev outbox`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A fresh email address, so each test is a new citizen and per-address limits never bite. */
export function newEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Asks for a code for `email` on the sign-in page (already open) and waits for the code step. */
export async function requestCode(page: Page, email: string, labels = { field: 'Email address', send: 'Send code' }): Promise<void> {
  await page.getByLabel(labels.field).fill(email);
  await page.getByRole('button', { name: labels.send }).click();
  await page.locator('input[autocomplete="one-time-code"]').waitFor();
}

/** Signs in through the UI from any page of the PWA and waits until the app shows the account. */
export async function signInThroughUi(page: Page, serverUrl: string, email: string, options: { welcome?: 'skip' | 'by-api' } = {}): Promise<void> {
  await page.goto(`${serverUrl}/sign-in`);
  await requestCode(page, email);
  await page.locator('input[autocomplete="one-time-code"]').pressSequentially(await latestCode(serverUrl, email));
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.getByTestId('account-email').or(page.locator('.hb-pwa__account')).first().waitFor();
  if (options.welcome === 'skip') return;
  // A new person is asked for a name at the welcome step: tests about something else answer it through
  // the API and reopen the page the sign-in was heading to.
  await welcomeByApi(page, `Tester ${email.slice(0, 1).toUpperCase()}.`);
  const landed = new URL(page.url());
  const next = landed.pathname === '/welcome' ? (landed.searchParams.get('next') ?? '/') : `${landed.pathname}${landed.search}`;
  await page.goto(`${serverUrl}${next}`);
  await page.getByTestId('account-email').or(page.locator('.hb-pwa__account')).first().waitFor();
}

/** Completes the welcome step with a name, from inside the page with a token from its refresh cookie (the app's own is out of reach). */
export async function welcomeByApi(page: Page, displayName: string): Promise<void> {
  const status = await page.evaluate(async (displayName) => {
    const run = async (): Promise<number> => {
      const refreshed = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { accept: 'application/json' } });
      if (!refreshed.ok) return refreshed.status;
      const { accessToken } = (await refreshed.json()) as { accessToken: string };
      const answer = await fetch('/api/v1/profiles/me/welcome', {
        method: 'PUT',
        headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ displayName, language: 'en' }),
      });
      return answer.status;
    };
    // The app's refresh lock, as its own tabs take it, so the rotated cookie is never presented twice.
    return navigator.locks ? navigator.locks.request('heyblue.session.refresh', run) : run();
  }, displayName);
  assert.equal(status, 200, 'the welcome step was answered');
}

/** Console errors except the browser's own "Failed to load resource" lines for answers a test provoked on purpose. */
export function unexpected(errors: readonly string[]): string[] {
  return errors.filter((error) => !error.includes('Failed to load resource'));
}
