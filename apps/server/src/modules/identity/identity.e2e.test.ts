import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import WebSocket from 'ws';
import type { Server } from '../../composition.ts';
import { composeTestServer } from '../../../test/support/server.ts';

/** A clock tests can move. */
const clock = { current: new Date(), now(): Date { return new Date(this.current); } };

let server: Server;
before(async () => {
  server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '10000' }, { clock });
  await server.app.ready();
});
after(async () => server?.stop('test over'));

async function latestCodeFor(address: string): Promise<string> {
  const response = await server.app.inject('/api/v1/dev/outbox');
  const message = response.json<{ messages: Array<{ to: string; text: string }> }>().messages.find((m) => m.to === address);
  const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1];
  assert.ok(code, `no code was sent to ${address}`);
  return code;
}

let clients = 0;
/** Each call comes from its own client address unless told, so per-client limits do not leak between tests. */
async function requestCode(address: string, channel = 'email', ip = `10.1.${Math.floor(++clients / 250)}.${clients % 250}`) {
  return server.app.inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { channel, address }, remoteAddress: ip });
}

async function verify(challengeId: string, code: string) {
  return server.app.inject({ method: 'POST', url: `/api/v1/auth/codes/${challengeId}/verify`, payload: { code }, remoteAddress: `10.2.${Math.floor(++clients / 250)}.${clients % 250}` });
}

function refreshCookieOf(response: { cookies: Array<{ name: string; value: string }> }): string {
  const cookie = response.cookies.find((c) => c.name === 'heyblue_refresh');
  assert.ok(cookie, 'the refresh cookie is set');
  return cookie.value;
}

async function signIn(address: string): Promise<{ accessToken: string; refresh: string; accountId: string; isNew: boolean }> {
  const requested = await requestCode(address);
  assert.equal(requested.statusCode, 202, requested.body);
  const signedIn = await verify(requested.json().challengeId, await latestCodeFor(address.trim().toLowerCase()));
  assert.equal(signedIn.statusCode, 200, signedIn.body);
  const body = signedIn.json<{ accessToken: string; account: { id: string; isNew: boolean } }>();
  return { accessToken: body.accessToken, refresh: refreshCookieOf(signedIn), accountId: body.account.id, isNew: body.account.isNew };
}

function me(accessToken: string) {
  return server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${accessToken}` } });
}

function refresh(cookie: string) {
  return server.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { heyblue_refresh: cookie } });
}

describe('sign-in by one-time code', () => {
  test('a citizen signs up by email code, gets a session and an account-created event', async () => {
    const session = await signIn('Ana@Example.org ');
    assert.equal(session.isNew, true);
    const response = await me(session.accessToken);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().email, 'ana@example.org');
    assert.deepEqual(response.json().roles, ['citizen']);
    const events = await sql<{ type: string }>`select type from platform.outbox where payload->>'accountId' = ${session.accountId}`.execute(server.database.db);
    assert.deepEqual(events.rows.map((r) => r.type), ['identity.account-created.v1']);
    const audit = await sql<{ action: string }>`select action from identity.audit_log where actor_id = ${session.accountId} order by id`.execute(server.database.db);
    assert.deepEqual(audit.rows.map((r) => r.action), ['account.created', 'sign-in']);
  });

  test('signing in again finds the same account', async () => {
    const first = await signIn('ben@example.org');
    const second = await signIn('ben@example.org');
    assert.equal(second.accountId, first.accountId);
    assert.equal(second.isNew, false);
  });

  test('the answer is the same whether or not an account exists', async () => {
    await signIn('known@example.org');
    const known = await requestCode('known@example.org');
    const unknown = await requestCode('nobody-yet@example.org');
    assert.equal(known.statusCode, unknown.statusCode);
    assert.deepEqual(Object.keys(known.json()).sort(), Object.keys(unknown.json()).sort());
  });

  test('an SMS code goes to the phone in international format', async () => {
    const requested = await requestCode('+1 415 555 2671', 'sms');
    assert.equal(requested.statusCode, 202);
    const signedIn = await verify(requested.json().challengeId, await latestCodeFor('+14155552671'));
    assert.equal(signedIn.statusCode, 200);
    assert.equal((await me(signedIn.json().accessToken)).json().phone, '+14155552671');
  });

  test('bad addresses get IDENTITY_ADDRESS_INVALID', async () => {
    for (const [channel, address] of [['email', 'not-an-email'], ['sms', '12345'], ['sms', '+1 000']]) {
      const response = await requestCode(address ?? '', channel);
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, 'IDENTITY_ADDRESS_INVALID');
    }
  });
});

describe('abuse: code guessing and replays', () => {
  test('guessing is stopped after five wrong codes, even for the right code after', async () => {
    const requested = await requestCode('guess@example.org');
    assert.equal(requested.statusCode, 202, requested.body);
    const challengeId = requested.json().challengeId;
    const right = await latestCodeFor('guess@example.org');
    const wrong = right === '000000' ? '000001' : '000000';
    for (let left = 4; left >= 1; left--) {
      const response = await verify(challengeId, wrong);
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, 'IDENTITY_CODE_INCORRECT');
      assert.equal(response.json().error.details.attemptsLeft, left);
    }
    const fifth = await verify(challengeId, wrong);
    assert.equal(fifth.statusCode, 429);
    assert.equal(fifth.json().error.code, 'IDENTITY_CODE_ATTEMPTS_EXHAUSTED');
    const late = await verify(challengeId, right);
    assert.equal(late.json().error.code, 'IDENTITY_CODE_ATTEMPTS_EXHAUSTED');
  });

  test('a code works once', async () => {
    const requested = await requestCode('once@example.org');
    const code = await latestCodeFor('once@example.org');
    assert.equal((await verify(requested.json().challengeId, code)).statusCode, 200);
    assert.equal((await verify(requested.json().challengeId, code)).json().error.code, 'IDENTITY_CODE_USED');
  });

  test('a code expires after ten minutes', async () => {
    const requested = await requestCode('late@example.org');
    const code = await latestCodeFor('late@example.org');
    clock.current = new Date(clock.current.getTime() + 10 * 60_000 + 1);
    assert.equal((await verify(requested.json().challengeId, code)).json().error.code, 'IDENTITY_CODE_EXPIRED');
  });

  test('codes are limited per address (5 an hour) and per client (10 a minute)', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await requestCode('flood@example.org', 'email', '10.9.9.9')).statusCode);
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
    assert.equal((await requestCode('flood@example.org', 'email', '10.9.9.8')).json().error.code, 'IDENTITY_TOO_MANY_CODES');
    const fromOneClient = [];
    for (let i = 0; i < 11; i++) fromOneClient.push((await requestCode(`spray${i}@example.org`, 'email', '10.7.7.7')).statusCode);
    assert.deepEqual(fromOneClient.slice(-2), [202, 429]);
  });
});

describe('sessions', () => {
  test('a refresh rotates the token; replaying a rotated one revokes the whole family', async () => {
    const session = await signIn('rotate@example.org');
    const first = await refresh(session.refresh);
    assert.equal(first.statusCode, 200);
    const second = refreshCookieOf(first);
    assert.notEqual(second, session.refresh);
    assert.equal((await me(first.json().accessToken)).statusCode, 200);

    const soon = await refresh(session.refresh);
    assert.equal(soon.statusCode, 200, 'within seconds the old token still works (a lost answer)');
    clock.current = new Date(clock.current.getTime() + 11_000);
    const replay = await refresh(session.refresh);
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().error.code, 'IDENTITY_REFRESH_REUSED');
    assert.equal((await refresh(second)).json().error.code, 'IDENTITY_REFRESH_INVALID');
    assert.equal((await me(first.json().accessToken)).statusCode, 401);
    const audit = await sql<{ n: number }>`select count(*)::int as n from identity.audit_log where action = 'session.reuse-detected' and actor_id = ${session.accountId}`.execute(server.database.db);
    assert.equal(audit.rows[0]?.n, 1);
  });

  test('sign-out ends this device’s session at once', async () => {
    const session = await signIn('out@example.org');
    const out = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', cookies: { heyblue_refresh: session.refresh } });
    assert.equal(out.statusCode, 204);
    assert.equal((await me(session.accessToken)).statusCode, 401);
    assert.equal((await refresh(session.refresh)).statusCode, 401);
  });

  test('sign-out everywhere ends every session of the account', async () => {
    const phone = await signIn('everywhere@example.org');
    const laptop = await signIn('everywhere@example.org');
    const out = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere', headers: { authorization: `Bearer ${laptop.accessToken}` } });
    assert.equal(out.statusCode, 204);
    assert.equal((await me(phone.accessToken)).statusCode, 401);
    assert.equal((await me(laptop.accessToken)).statusCode, 401);
  });

  test('forged or missing tokens are refused', async () => {
    assert.equal((await me('not.a.token')).json().error.code, 'PLATFORM_UNAUTHENTICATED');
    assert.equal((await server.app.inject('/api/v1/me')).statusCode, 401);
    assert.equal((await refresh('made-up')).json().error.code, 'IDENTITY_REFRESH_INVALID');
  });

  test('the websocket accepts the same session', async () => {
    const session = await signIn('live@example.org');
    const base = await server.listen();
    const socket = new WebSocket(`${base.replace('http', 'ws')}/ws?token=${session.accessToken}`);
    const welcome = await new Promise<{ type: string; userId: string }>((resolve, reject) => {
      socket.once('message', (data) => resolve(JSON.parse(String(data))));
      socket.once('error', reject);
    });
    assert.equal(welcome.type, 'welcome');
    assert.equal(welcome.userId, session.accountId);
    socket.close();
  });
});

describe('your data', () => {
  test('an account holder downloads what identity keeps about them', async () => {
    const session = await signIn('export@example.org');
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/me/export', headers: { authorization: `Bearer ${session.accessToken}` } });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-disposition']), /attachment/);
    const data = response.json();
    assert.equal(data.identity.account.email, 'export@example.org');
    assert.equal(data.identity.sessions.length, 1);
    assert.deepEqual(data.identity.passkeys, []);
    assert.deepEqual(data.identity.memberships, []);
    assert.ok(data.identity.securityLog.some((e: { action: string }) => e.action === 'sign-in'));
  });

  test('deleting an account removes personal data, ends sessions and tells other modules', async () => {
    const session = await signIn('leaving@example.org');
    const refused = await server.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: { authorization: `Bearer ${session.accessToken}` }, payload: {} });
    assert.equal(refused.statusCode, 400);
    const deleted = await server.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: { authorization: `Bearer ${session.accessToken}` }, payload: { confirm: 'DELETE' } });
    assert.equal(deleted.statusCode, 204);
    assert.equal((await me(session.accessToken)).statusCode, 401);
    const row = await sql<{ email: string | null; deleted: boolean }>`select email, deleted_at is not null as deleted from identity.accounts where id = ${session.accountId}`.execute(server.database.db);
    assert.deepEqual(row.rows[0], { email: null, deleted: true });
    const leftovers = await sql<{ n: number }>`select count(*)::int as n from identity.sign_in_challenges where address = 'leaving@example.org'`.execute(server.database.db);
    assert.equal(leftovers.rows[0]?.n, 0);
    const events = await sql<{ type: string }>`select type from platform.outbox where payload->>'accountId' = ${session.accountId} order by seq`.execute(server.database.db);
    assert.deepEqual(events.rows.map((r) => r.type), ['identity.account-created.v1', 'identity.account-deleted.v1']);
    const again = await signIn('leaving@example.org');
    assert.notEqual(again.accountId, session.accountId, 'signing in again makes a new account');
  });
});

describe('one device per phone', () => {
  test('signing in by SMS on a new phone signs the old device out', async () => {
    const first = await requestCode('+34 612 345 678', 'sms');
    const oldDevice = await verify(first.json().challengeId, await latestCodeFor('+34612345678'));
    const oldToken = oldDevice.json().accessToken;
    assert.equal((await me(oldToken)).statusCode, 200);
    const second = await requestCode('+34 612 345 678', 'sms');
    const newDevice = await verify(second.json().challengeId, await latestCodeFor('+34612345678'));
    assert.equal((await me(newDevice.json().accessToken)).statusCode, 200);
    assert.equal((await me(oldToken)).statusCode, 401, 'the old device is signed out');
  });

  test('adding a phone verifies it by code and makes this device the only one', async () => {
    const laptop = await signIn('phone-owner@example.org');
    const phone = await signIn('phone-owner@example.org');
    const auth = { authorization: `Bearer ${phone.accessToken}` };
    const requested = await server.app.inject({ method: 'POST', url: '/api/v1/me/phone', headers: auth, payload: { phone: '+44 20 7946 0958' } });
    assert.equal(requested.statusCode, 202);
    const code = await latestCodeFor('+442079460958');
    const otherAccount = await signIn('someone-else@example.org');
    const stolen = await server.app.inject({ method: 'POST', url: '/api/v1/me/phone/verify', headers: { authorization: `Bearer ${otherAccount.accessToken}` }, payload: { challengeId: requested.json().challengeId, code } });
    assert.equal(stolen.json().error.code, 'IDENTITY_CHALLENGE_NOT_FOUND', 'a code is bound to the account that asked for it');
    const verified = await server.app.inject({ method: 'POST', url: '/api/v1/me/phone/verify', headers: auth, payload: { challengeId: requested.json().challengeId, code } });
    assert.equal(verified.statusCode, 200);
    assert.equal((await me(phone.accessToken)).json().phone, '+442079460958');
    assert.equal((await me(laptop.accessToken)).statusCode, 401, 'the other device is signed out');
  });
});
