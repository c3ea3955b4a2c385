/** Helpers for the partner-dashboard browser tests: sign-ins, the first admin, and API shortcuts. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TestServer } from './server.ts';
import { latestCode, outbox, welcomeByApi } from './sign-in.ts';

/** The one-time first-admin token a fresh development server prints on stdout. */
export async function firstAdminToken(server: TestServer): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const token = /\/setup\/([A-Za-z0-9_-]{20,})/.exec(server.stdout())?.[1];
    if (token) return token;
    if (Date.now() > deadline) assert.fail(`the server printed no first-admin link:\n${server.stdout().slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Makes `email` the first admin from inside the page, so the page's browser holds the admin's refresh
 * cookie; then opens `path` (the app restores the session from the cookie).
 */
export async function becomeFirstAdmin(page: Page, server: TestServer, email: string, path = '/dashboard'): Promise<void> {
  const token = await firstAdminToken(server);
  await page.goto(`${server.url}/dashboard/catalogue`);
  const status = await page.evaluate(
    async ({ token, email }) => {
      const response = await fetch('/api/v1/auth/first-admin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, email }) });
      // The app only asks the server for a session when it has seen one in this browser.
      localStorage.setItem('heyblue.session.present', '1');
      return response.status;
    },
    { token, email },
  );
  assert.equal(status, 200, 'the first-admin link works once');
  // The app welcomes every new person once (a name, a language): the admin answers it here.
  await welcomeByApi(page, 'Admin A.');
  await page.goto(`${server.url}${path}`);
  await page.getByTestId('dashboard-account').filter({ hasText: email }).waitFor();
}

export const dashboardLabels = {
  en: { field: 'Email address', send: 'Send code' },
  es: { field: 'Correo electrónico', send: 'Enviar código' },
} as const;

/** Signs in with an emailed code on the dashboard's own sign-in screen (the page shows it when signed out). */
export async function signInOnDashboard(page: Page, server: TestServer, email: string, path = '/dashboard', labels: { field: string; send: string } = dashboardLabels.en): Promise<void> {
  if (!page.url().startsWith(`${server.url}${path}`)) await page.goto(`${server.url}${path}`);
  const seen = await codesSentTo(server, email);
  await page.getByLabel(labels.field).fill(email);
  await page.getByRole('button', { name: labels.send }).click();
  const code = page.locator('input[autocomplete="one-time-code"]');
  await code.waitFor();
  await code.pressSequentially(await latestCode(server.url, email, seen));
  await page.getByTestId('dashboard-account').filter({ hasText: email }).waitFor();
}

async function codesSentTo(server: TestServer, email: string): Promise<string[]> {
  return (await outbox(server.url))
    .filter((message) => message.to === email)
    .map((message) => /(?<!\d)\d{6}(?!\d)/.exec(message.text)?.[0] ?? '')
    .filter(Boolean);
}

/** The invitation token of the newest invitation emailed to `email`. */
export async function invitationToken(server: TestServer, email: string): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const message = (await outbox(server.url)).find((m) => m.to === email && /\/invitations\//.test(m.text));
    const token = message ? /\/invitations\/([A-Za-z0-9_-]+)/.exec(message.text)?.[1] : undefined;
    if (token) return token;
    if (Date.now() > deadline) assert.fail(`no invitation for ${email} in the dev outbox`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One API call for `apiFromPage`. */
export interface PageCall {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

/**
 * Calls the API from inside the page with one fresh access token from the page's refresh cookie (the
 * app's own token lives in memory, out of reach). Returns each call's status and JSON body.
 */
export async function apiCallsFromPage(page: Page, calls: PageCall[]): Promise<Array<{ status: number; body: unknown }>> {
  return page.evaluate(async (calls) => {
    // Take the app's refresh lock, as its own tabs do, so the rotated cookie is never presented twice.
    const run = async () => {
      const refreshed = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { accept: 'application/json' } });
      if (!refreshed.ok) return [{ status: refreshed.status, body: await refreshed.json() }];
      const { accessToken } = (await refreshed.json()) as { accessToken: string };
      const results: Array<{ status: number; body: unknown }> = [];
      for (const { method, path, body } of calls) {
        const response = await fetch(path, {
          method,
          headers: { accept: 'application/json', authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        results.push({ status: response.status, body: text ? JSON.parse(text) : undefined });
      }
      return results;
    };
    return navigator.locks ? navigator.locks.request('heyblue.session.refresh', run) : run();
  }, calls);
}

/** One API call from inside the page (see `apiCallsFromPage`). */
export async function apiFromPage(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const [result] = await apiCallsFromPage(page, [{ method, path, body }]);
  assert.ok(result);
  return result;
}
