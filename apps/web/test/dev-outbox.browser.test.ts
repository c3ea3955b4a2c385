import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phone, screenshotPath, watchForErrors } from './support/browser.ts';
import { latestCode, newEmail, unexpected } from './support/sign-in.ts';
import { useStage } from './support/stage.ts';

const stage = useStage();

async function openPhone(path: string) {
  const context = await stage.browser.newContext({ ...phone, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${stage.server.url}${path}`);
  await page.locator('h1').waitFor();
  return { context, page, errors };
}

test('the dev outbox page says it is empty, with a way to sign-in', async () => {
  const { context, page } = await openPhone('/dev/outbox');
  await page.getByRole('heading', { name: 'No messages yet' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Go to sign-in' }).getAttribute('href'), '/sign-in');
  await context.close();
});

test('the dev outbox page lists the sent code, newest first, and refreshes by itself', async () => {
  const { context, page, errors } = await openPhone('/dev/outbox');
  await page.getByRole('heading', { level: 1, name: 'Development outbox' }).waitFor();
  assert.equal(await page.getByText('Development outbox — not in production').isVisible(), true);

  const email = newEmail('outbox');
  const response = await fetch(`${stage.server.url}/api/v1/auth/codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'email', address: email }),
  });
  assert.equal(response.status, 202);
  const code = await latestCode(stage.server.url, email);

  // No click: the page polls every 3 s.
  const newest = page.getByRole('listitem').first();
  await newest.getByText(email).waitFor({ timeout: 8000 });
  assert.equal(await newest.getByTestId('outbox-code').textContent(), code);
  assert.match((await newest.textContent()) ?? '', /Email/);
  assert.match((await newest.textContent()) ?? '', /sign-in-code/);
  await page.screenshot({ path: screenshotPath('dev-outbox') });

  await page.getByRole('button', { name: 'Refresh' }).click();
  await newest.getByText(email).waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the dev outbox page explains itself where the server has no outbox', async () => {
  const context = await stage.browser.newContext({ ...phone, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/api/v1/dev/outbox', (route) =>
    route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'PLATFORM_NOT_FOUND', message: 'Not found', requestId: 'r-404' } }) }),
  );
  await page.goto(`${stage.server.url}/dev/outbox`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /The dev outbox exists only in development/);
  await context.close();
});
