import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { isApiError } from './api-error.ts';
import { createSession } from './session.ts';
import type { BroadcastLike, Session, SessionOptions } from './session.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

type Handler = (request: Request) => Response | Promise<Response>;

function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function failure(status: number, code: string): Response {
  return json(status, { error: { code, message: code, requestId: 'r' } });
}

const me = { id: '6f1c2b9e-3d4a-4e5f-8a7b-9c0d1e2f3a4b', email: 'ada@example.com', phone: null, roles: ['citizen'], createdAt: '2030-01-01T00:00:00.000Z' };

/** A fake server: routes by "METHOD /path" and records every request. */
function fakeServer(routes: Record<string, Handler>) {
  const calls: Request[] = [];
  globalThis.fetch = async (input, init) => {
    const request = new Request(new URL(String(input), 'http://app.test'), init);
    calls.push(request);
    const handler = routes[`${request.method} ${new URL(request.url).pathname}`];
    if (!handler) return failure(404, 'PLATFORM_NOT_FOUND');
    return handler(request);
  };
  const count = (route: string) => calls.filter((c) => `${c.method} ${new URL(c.url).pathname}` === route).length;
  return { calls, count };
}

/** Refresh hands out token-1, token-2, … */
function rotatingRefresh(expiresIn = 900): Handler {
  let n = 0;
  return () => json(200, { accessToken: `token-${++n}`, expiresIn });
}

/** `/me` answers for any bearer token in the set. */
function meFor(valid: (token: string) => boolean): Handler {
  return (request) => {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    return valid(token) ? json(200, me) : failure(401, 'PLATFORM_UNAUTHENTICATED');
  };
}

function fakeTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  return {
    pending,
    options: {
      setTimer: (callback: () => void, ms: number) => {
        pending.set(++next, { callback, ms });
        return next;
      },
      clearTimer: (handle: unknown) => {
        pending.delete(Number(handle));
      },
    } satisfies SessionOptions,
    /** Fires every pending timer once. */
    fire() {
      const due = [...pending.values()];
      pending.clear();
      for (const timer of due) timer.callback();
    },
  };
}

function session(extra: SessionOptions = {}): Session {
  return createSession({ broadcast: null, hint: null, withLock: (run) => run(), setTimer: () => 0, clearTimer: () => {}, ...extra });
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    assert.ok(isApiError(error), `expected an ApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

test('the session starts as restoring and restores from the refresh cookie on start', async () => {
  const server = fakeServer({ 'POST /api/v1/auth/refresh': rotatingRefresh(), 'GET /api/v1/me': meFor((t) => t === 'token-1') });
  const timers = fakeTimers();
  const s = session(timers.options);
  assert.equal(s.getState().status, 'restoring');
  const seen: string[] = [];
  s.subscribe(() => seen.push(s.getState().status));

  await s.restore();
  assert.deepEqual(s.getState(), { status: 'signed-in', account: me, restoreError: undefined });
  assert.equal(s.accessToken(), 'token-1');
  assert.deepEqual(seen, ['signed-in']);
  const refreshCall = server.calls[0];
  assert.equal(refreshCall?.credentials, 'same-origin', 'the cookie goes along');
  assert.equal(server.calls[1]?.headers.get('authorization'), 'Bearer token-1');
  assert.deepEqual([...timers.pending.values()].map((t) => t.ms), [840_000], 'a refresh is due a minute before expiry');
});

test('without a session cookie the restore ends signed out, with no account call', async () => {
  const server = fakeServer({ 'POST /api/v1/auth/refresh': () => failure(401, 'IDENTITY_REFRESH_INVALID') });
  const s = session();
  await s.restore();
  assert.deepEqual(s.getState(), { status: 'signed-out', account: undefined, restoreError: undefined });
  assert.equal(server.count('GET /api/v1/me'), 0);
  assert.equal(s.accessToken(), undefined);
});

test('when the server cannot be reached the restore ends signed out and says why', async () => {
  globalThis.fetch = async () => {
    throw new TypeError('Failed to fetch');
  };
  const s = session();
  await s.restore();
  assert.equal(s.getState().status, 'signed-out');
  assert.equal(s.getState().restoreError?.code, 'NETWORK_ERROR');
});

test('concurrent refreshes share one request, and one restore runs at a time', async () => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const refresh = rotatingRefresh();
  const server = fakeServer({
    'POST /api/v1/auth/refresh': async (request) => {
      await held;
      return refresh(request);
    },
    'GET /api/v1/me': meFor(() => true),
  });
  const s = session();
  const tokens = Promise.all([s.refresh(), s.refresh(), s.refresh()]);
  const restores = Promise.all([s.restore(), s.restore()]);
  release();
  assert.deepEqual(await tokens, ['token-1', 'token-1', 'token-1']);
  await restores;
  assert.equal(server.count('POST /api/v1/auth/refresh'), 1);
  assert.equal(s.getState().status, 'signed-in');

  assert.equal(await s.refresh(), 'token-2', 'once settled, the next refresh is a new request');
});

test('refreshes run inside the cross-tab lock', async () => {
  fakeServer({ 'POST /api/v1/auth/refresh': rotatingRefresh() });
  const events: string[] = [];
  const s = session({
    withLock: async (run) => {
      events.push('locked');
      const result = await run();
      events.push('released');
      return result;
    },
  });
  await s.refresh();
  assert.deepEqual(events, ['locked', 'released']);
});

test('a 401 from an authed call refreshes once and retries with the new token', async () => {
  const server = fakeServer({
    'POST /api/v1/auth/refresh': rotatingRefresh(),
    'GET /api/v1/me': meFor((t) => t === 'token-1'),
    'GET /api/v1/things': (request) =>
      request.headers.get('authorization') === 'Bearer token-2' ? json(200, { things: [] }) : failure(401, 'PLATFORM_UNAUTHENTICATED'),
  });
  const s = session();
  await s.restore();
  assert.deepEqual(await s.get('/api/v1/things'), { things: [] });
  const things = server.calls.filter((c) => c.url.endsWith('/things')).map((c) => c.headers.get('authorization'));
  assert.deepEqual(things, ['Bearer token-1', 'Bearer token-2']);
  assert.equal(s.accessToken(), 'token-2');
});

test('two calls refused together share one refresh', async () => {
  const server = fakeServer({
    'POST /api/v1/auth/refresh': rotatingRefresh(),
    'GET /api/v1/me': meFor((t) => t === 'token-1'),
    'POST /api/v1/things': (request) =>
      request.headers.get('authorization') === 'Bearer token-2' ? json(201, { ok: true }) : failure(401, 'PLATFORM_UNAUTHENTICATED'),
  });
  const s = session();
  await s.restore();
  await Promise.all([s.post('/api/v1/things', { a: 1 }), s.post('/api/v1/things', { a: 2 }), s.post('/api/v1/things', { a: 3 })]);
  assert.equal(server.count('POST /api/v1/auth/refresh'), 2, 'one on start, one for the three refusals');
});

test('a call refused again after the refresh is not retried a second time and signs out', async () => {
  const server = fakeServer({
    'POST /api/v1/auth/refresh': rotatingRefresh(),
    'GET /api/v1/me': meFor((t) => t === 'token-1'),
    'GET /api/v1/things': () => failure(401, 'PLATFORM_UNAUTHENTICATED'),
  });
  const s = session();
  await s.restore();
  const error = await rejection(s.get('/api/v1/things'));
  assert.equal(error.code, 'PLATFORM_UNAUTHENTICATED');
  assert.equal(server.count('GET /api/v1/things'), 2);
  assert.equal(server.count('POST /api/v1/auth/refresh'), 2);
  assert.equal(s.getState().status, 'signed-out');
});

test('when the refresh is refused too, the session ends with the refresh error', async () => {
  let refreshes = 0;
  fakeServer({
    'POST /api/v1/auth/refresh': () => (++refreshes === 1 ? json(200, { accessToken: 'token-1', expiresIn: 900 }) : failure(401, 'IDENTITY_REFRESH_REUSED')),
    'GET /api/v1/me': meFor((t) => t === 'token-1'),
    'GET /api/v1/things': () => failure(401, 'PLATFORM_UNAUTHENTICATED'),
  });
  const s = session();
  await s.restore();
  assert.equal((await rejection(s.get('/api/v1/things'))).code, 'IDENTITY_REFRESH_REUSED');
  assert.deepEqual(s.getState(), { status: 'signed-out', account: undefined, restoreError: undefined });
  assert.equal(s.accessToken(), undefined);
});

test('other failures are not retried', async () => {
  const server = fakeServer({
    'POST /api/v1/auth/refresh': rotatingRefresh(),
    'GET /api/v1/me': meFor(() => true),
    'GET /api/v1/things': () => failure(403, 'PLATFORM_FORBIDDEN'),
  });
  const s = session();
  await s.restore();
  assert.equal((await rejection(s.get('/api/v1/things'))).code, 'PLATFORM_FORBIDDEN');
  assert.equal(server.count('GET /api/v1/things'), 1);
  assert.equal(s.getState().status, 'signed-in');
});

test('the token is refreshed shortly before it expires, and a failed try is retried later', async () => {
  let offline = false;
  const refresh = rotatingRefresh(120);
  fakeServer({
    'POST /api/v1/auth/refresh': (request) => (offline ? failure(503, 'PLATFORM_NOT_READY') : refresh(request)),
    'GET /api/v1/me': meFor(() => true),
  });
  const timers = fakeTimers();
  const s = session(timers.options);
  await s.restore();
  assert.deepEqual([...timers.pending.values()].map((t) => t.ms), [60_000], 'at most half the life ahead');

  timers.fire();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(s.accessToken(), 'token-2');
  assert.equal(timers.pending.size, 1);

  offline = true;
  timers.fire();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(s.accessToken(), 'token-2', 'the old token is kept while it lasts');
  assert.equal(s.getState().status, 'signed-in');
  const retry = [...timers.pending.values()][0];
  assert.ok(retry && retry.ms >= 2_500 && retry.ms <= 5_000, `a retry with backoff (${retry?.ms} ms)`);
});

test('signing in with verified tokens loads the account', async () => {
  const server = fakeServer({ 'GET /api/v1/me': meFor((t) => t === 'fresh') });
  const s = session();
  assert.deepEqual(await s.signIn({ accessToken: 'fresh', expiresIn: 900 }), me);
  assert.equal(s.getState().status, 'signed-in');
  assert.equal(server.count('POST /api/v1/auth/refresh'), 0);
});

test('send uses any method with the bearer token and retries once after a refresh', async () => {
  const server = fakeServer({
    'POST /api/v1/auth/refresh': () => json(200, { accessToken: 'fresh', expiresIn: 900 }),
    'GET /api/v1/me': meFor(() => true),
    'PATCH /api/v1/profiles/me': (request) =>
      request.headers.get('authorization') === 'Bearer fresh' ? json(200, { displayName: 'Ada' }) : failure(401, 'PLATFORM_UNAUTHENTICATED'),
  });
  const s = session();
  await s.signIn({ accessToken: 'stale', expiresIn: 900 });
  assert.deepEqual(await s.send('PATCH', '/api/v1/profiles/me', { displayName: 'Ada' }), { displayName: 'Ada' });
  assert.equal(server.count('PATCH /api/v1/profiles/me'), 2);
  assert.equal(server.count('POST /api/v1/auth/refresh'), 1);
});

test('reloading the account updates the state, e.g. after a phone is verified', async () => {
  let phone: string | null = null;
  fakeServer({ 'GET /api/v1/me': () => json(200, { ...me, phone }) });
  const s = session();
  await s.signIn({ accessToken: 'fresh', expiresIn: 900 });
  const seen: Array<string | null | undefined> = [];
  s.subscribe(() => seen.push(s.getState().account?.phone));
  phone = '+12025550143';
  await s.reloadAccount();
  assert.equal(s.getState().account?.phone, '+12025550143');
  assert.deepEqual(seen, ['+12025550143']);
});

test('signing out ends the server session and clears the token, the account and the timer', async () => {
  const server = fakeServer({
    'POST /api/v1/auth/refresh': rotatingRefresh(),
    'GET /api/v1/me': meFor(() => true),
    'POST /api/v1/auth/sign-out': () => new Response(null, { status: 204 }),
  });
  const timers = fakeTimers();
  const s = session(timers.options);
  await s.restore();
  await s.signOut();
  assert.equal(server.count('POST /api/v1/auth/sign-out'), 1);
  assert.deepEqual(s.getState(), { status: 'signed-out', account: undefined, restoreError: undefined });
  assert.equal(s.accessToken(), undefined);
  assert.equal(timers.pending.size, 0);
});

test('signing out while offline fails and keeps the session, so it can be tried again', async () => {
  let offline = false;
  fakeServer({
    'POST /api/v1/auth/refresh': rotatingRefresh(),
    'GET /api/v1/me': meFor(() => true),
    'POST /api/v1/auth/sign-out': () => (offline ? failure(503, 'PLATFORM_NOT_READY') : new Response(null, { status: 204 })),
  });
  const s = session();
  await s.restore();
  offline = true;
  assert.equal((await rejection(s.signOut())).status, 503);
  assert.equal(s.getState().status, 'signed-in');
  offline = false;
  await s.signOut();
  assert.equal(s.getState().status, 'signed-out');
});

test('signing out everywhere uses the bearer token and clears the session', async () => {
  const server = fakeServer({
    'POST /api/v1/auth/refresh': rotatingRefresh(),
    'GET /api/v1/me': meFor(() => true),
    'POST /api/v1/auth/sign-out-everywhere': (request) =>
      request.headers.get('authorization') === 'Bearer token-1' ? new Response(null, { status: 204 }) : failure(401, 'PLATFORM_UNAUTHENTICATED'),
  });
  const s = session();
  await s.restore();
  await s.signOutEverywhere();
  assert.equal(server.count('POST /api/v1/auth/sign-out-everywhere'), 1);
  assert.equal(s.getState().status, 'signed-out');
  assert.equal(s.accessToken(), undefined);
});

test('sign-out waits for a refresh in flight, then ends the session it left behind', async () => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let refreshes = 0;
  fakeServer({
    'POST /api/v1/auth/refresh': async () => {
      if (++refreshes === 2) await held;
      return json(200, { accessToken: `token-${refreshes}`, expiresIn: 900 });
    },
    'GET /api/v1/me': meFor(() => true),
    'POST /api/v1/auth/sign-out': () => new Response(null, { status: 204 }),
  });
  const s = session();
  await s.restore();
  const late = s.refresh();
  const signingOut = s.signOut();
  release();
  await late;
  await signingOut;
  assert.equal(s.getState().status, 'signed-out');
  assert.equal(s.accessToken(), undefined);
});

test('tabs follow each other: sign-out in one ends the other, sign-in in one restores the other', async () => {
  const tabs: Array<(event: { data: unknown }) => void> = [];
  function channel(): BroadcastLike & { index: number } {
    const index = tabs.length;
    tabs.push(() => {});
    return {
      index,
      postMessage: (data) => tabs.forEach((deliver, i) => i !== index && deliver({ data })),
      addEventListener: (_type, listener) => (tabs[index] = listener),
      close: () => {},
    };
  }
  fakeServer({
    'POST /api/v1/auth/refresh': rotatingRefresh(),
    'GET /api/v1/me': meFor(() => true),
    'POST /api/v1/auth/sign-out': () => new Response(null, { status: 204 }),
  });
  const a = session({ broadcast: channel() });
  const b = session({ broadcast: channel() });
  await a.restore();
  await b.restore();
  await a.signOut();
  assert.equal(b.getState().status, 'signed-out');

  await a.signIn({ accessToken: 'new', expiresIn: 900 });
  assert.equal(b.getState().status, 'restoring', 'the other tab picks the new session up by itself');
  await b.restore();
  assert.equal(b.getState().status, 'signed-in');
});

function memoryHint(initial: boolean) {
  let present = initial;
  return { get: () => present, set: (value: boolean) => void (present = value) };
}

test('a browser that never signed in is signed out at once, without asking the server', async () => {
  const server = fakeServer({ 'POST /api/v1/auth/refresh': rotatingRefresh() });
  const s = session({ hint: memoryHint(false) });
  await s.restore();
  assert.equal(s.getState().status, 'signed-out');
  assert.equal(server.calls.length, 0);
});

test('the hint follows the session: set by sign-in, kept when offline, dropped by sign-out and by a refused refresh', async () => {
  let mode: 'ok' | 'offline' | 'refused' = 'ok';
  const refresh = rotatingRefresh();
  fakeServer({
    'POST /api/v1/auth/refresh': (request) =>
      mode === 'ok' ? refresh(request) : mode === 'offline' ? failure(503, 'PLATFORM_NOT_READY') : failure(401, 'IDENTITY_REFRESH_INVALID'),
    'GET /api/v1/me': meFor(() => true),
    'POST /api/v1/auth/sign-out': () => new Response(null, { status: 204 }),
  });
  const hint = memoryHint(false);
  const s = session({ hint });
  await s.signIn({ accessToken: 'fresh', expiresIn: 900 });
  assert.equal(hint.get(), true);

  await s.signOut();
  assert.equal(hint.get(), false);

  hint.set(true);
  mode = 'offline';
  await s.restore();
  assert.equal(s.getState().restoreError?.status, 503);
  assert.equal(hint.get(), true, 'an unreachable server says nothing about the cookie');

  mode = 'refused';
  await s.restore();
  assert.deepEqual(s.getState(), { status: 'signed-out', account: undefined, restoreError: undefined });
  assert.equal(hint.get(), false);
});
