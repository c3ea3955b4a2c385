import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './api-error.ts';
import { apiGet, apiPost, apiPut } from './http.ts';
import { decodeServerMeta } from './meta.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function answer(status: number, body: string, headers: Record<string, string> = {}) {
  const calls: Request[] = [];
  globalThis.fetch = async (input, init) => {
    calls.push(new Request(new URL(String(input), 'http://app.test'), init));
    return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return calls;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

test('a successful GET returns the decoded body', async () => {
  const meta = { name: 'Hey Blue!', version: '1.0.0', mode: 'embedded', time: '2030-01-01T00:00:00Z', timeZone: 'America/New_York', geocoder: false };
  const calls = answer(200, JSON.stringify(meta));
  assert.deepEqual(await apiGet('/api/v1/meta', { decode: decodeServerMeta }), meta);
  assert.equal(calls[0]?.method, 'GET');
  assert.equal(calls[0]?.headers.get('accept'), 'application/json');
});

test('a POST sends its body as JSON', async () => {
  const calls = answer(201, '{"ok":true}');
  await apiPost('/api/v1/things', { name: 'x' });
  assert.equal(calls[0]?.headers.get('content-type'), 'application/json');
  assert.deepEqual(await calls[0]?.json(), { name: 'x' });
});

test('a FormData body goes as multipart with the boundary the runtime chose, and no body means no content type', async () => {
  const calls = answer(200, '{"ok":true}');
  const form = new FormData();
  form.append('avatar', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'me.png');
  await apiPut('/api/v1/profiles/me/avatar', form);
  assert.match(calls[0]?.headers.get('content-type') ?? '', /^multipart\/form-data; boundary=/);
  const sent = await calls[0]?.formData();
  const file = sent?.get('avatar');
  assert.ok(file instanceof Blob);
  assert.equal(file.size, 3);
  await apiPost('/api/v1/me/passkeys/options');
  assert.equal(calls[1]?.headers.get('content-type'), null);
});

test("a failure carries the server's status, code, message and request id", async () => {
  answer(409, JSON.stringify({ error: { code: 'REWARDS_INSUFFICIENT_BALANCE', message: 'Not enough points', requestId: 'r-1' } }));
  const error = await rejection(apiGet('/api/v1/balance'));
  assert.deepEqual(
    { status: error.status, code: error.code, message: error.message, requestId: error.requestId },
    { status: 409, code: 'REWARDS_INSUFFICIENT_BALANCE', message: 'Not enough points', requestId: 'r-1' },
  );
});

test("an error's details come along, e.g. the attempts left on a wrong code", async () => {
  answer(400, JSON.stringify({ error: { code: 'IDENTITY_CODE_INCORRECT', message: 'Wrong', requestId: 'r-2', details: { attemptsLeft: 3 } } }));
  assert.deepEqual((await rejection(apiPost('/api/v1/auth/codes/x/verify', { code: '000000' }))).details, { attemptsLeft: 3 });
});

test('the request id falls back to the x-request-id header', async () => {
  answer(404, JSON.stringify({ error: { code: 'PLATFORM_NOT_FOUND', message: 'Nothing here' } }), { 'x-request-id': 'hdr-9' });
  assert.equal((await rejection(apiGet('/api/v1/x'))).requestId, 'hdr-9');
});

test('an error body that is not the envelope becomes NETWORK_ERROR with the status', async () => {
  answer(502, '<html>Bad gateway</html>');
  const error = await rejection(apiGet('/api/v1/meta'));
  assert.equal(error.code, 'NETWORK_ERROR');
  assert.equal(error.status, 502);
});

test('no connection at all becomes NETWORK_ERROR with status 0', async () => {
  globalThis.fetch = async () => {
    throw new TypeError('Failed to fetch');
  };
  const error = await rejection(apiGet('/api/v1/meta'));
  assert.equal(error.code, 'NETWORK_ERROR');
  assert.equal(error.status, 0);
});

test('a body that does not fit the decoder becomes NETWORK_ERROR', async () => {
  answer(200, '{"name":"Hey Blue!"}');
  assert.equal((await rejection(apiGet('/api/v1/meta', { decode: decodeServerMeta }))).code, 'NETWORK_ERROR');
});

test("a caller's abort rejects with the abort reason, not an ApiError", async () => {
  globalThis.fetch = (_input, init) =>
    new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
  const controller = new AbortController();
  const pending = apiGet('/api/v1/meta', { signal: controller.signal });
  controller.abort(new Error('left the page'));
  await assert.rejects(pending, { message: 'left the page' });
});
