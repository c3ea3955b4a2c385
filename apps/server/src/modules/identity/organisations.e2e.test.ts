import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Server } from '../../composition.ts';
import { composeTestServer } from '../../../test/support/server.ts';

let server: Server;
let clients = 0;
before(async () => {
  server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '100000' });
  await server.app.ready();
});
after(async () => server?.stop('test over'));

const ip = (): string => `10.3.${Math.floor(++clients / 250)}.${clients % 250}`;

async function outboxText(to: string): Promise<string> {
  const messages = (await server.app.inject('/api/v1/dev/outbox')).json<{ messages: Array<{ to: string; text: string }> }>().messages;
  const message = messages.find((m) => m.to === to);
  assert.ok(message, `nothing was sent to ${to}`);
  return message.text;
}

async function signIn(email: string): Promise<{ token: string; accountId: string; refresh: string }> {
  const requested = await server.app.inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { channel: 'email', address: email }, remoteAddress: ip() });
  const code = /\b(\d{6})\b/.exec(await outboxText(email))?.[1] ?? '';
  const verified = await server.app.inject({ method: 'POST', url: `/api/v1/auth/codes/${requested.json().challengeId}/verify`, payload: { code }, remoteAddress: ip() });
  assert.equal(verified.statusCode, 200, verified.body);
  const refresh = verified.cookies.find((c) => c.name === 'heyblue_refresh')?.value ?? '';
  return { token: verified.json().accessToken, accountId: verified.json().account.id, refresh };
}

function call(token: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return server.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}`, ...headers }, ...(payload === undefined ? {} : typeof payload === 'string' ? { payload } : { payload: payload as object }) });
}

async function adminToken(email: string): Promise<string> {
  await server.commands.get('admin.create')?.run({ email });
  return (await signIn(email)).token;
}

async function rolesAfterRefresh(refresh: string): Promise<string[]> {
  const refreshed = await server.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { heyblue_refresh: refresh } });
  const me = await call(refreshed.json().accessToken, 'GET', '/me');
  return me.json().roles;
}

describe('a retailer joins, is approved, and invites staff', () => {
  test('request → admin approval → invitation → staff signs in and joins', async () => {
    const owner = await signIn('owner@shop.example');
    const requested = await call(owner.token, 'POST', '/organisations', { type: 'retailer', name: 'Corner Shop' });
    assert.equal(requested.statusCode, 201);
    const org = requested.json();
    assert.equal(org.status, 'pending');

    const outsider = await signIn('outsider@example.org');
    assert.equal((await call(outsider.token, 'GET', `/organisations/${org.id}`)).statusCode, 404, 'another person cannot see it');
    assert.equal((await call(owner.token, 'POST', `/organisations/${org.id}/invitations`, { email: 'staff@shop.example', role: 'staff' })).statusCode, 403, 'no invitations while pending');
    assert.equal((await call(owner.token, 'GET', '/admin/organisations?status=pending')).statusCode, 403, 'the owner is no admin');

    const admin = await adminToken('admin@heyblue.example');
    const pending = await call(admin, 'GET', '/admin/organisations?status=pending');
    assert.ok(pending.json().organisations.some((o: { id: string }) => o.id === org.id));
    assert.equal((await call(admin, 'POST', `/admin/organisations/${org.id}/decision`, { approve: true })).statusCode, 204);
    assert.equal((await call(admin, 'POST', `/admin/organisations/${org.id}/decision`, { approve: false })).json().error.code, 'IDENTITY_ORGANISATION_NOT_PENDING');
    assert.equal((await call(owner.token, 'GET', `/organisations/${org.id}`)).json().status, 'active');

    const invited = await call(owner.token, 'POST', `/organisations/${org.id}/invitations`, { email: 'Staff@Shop.example', role: 'staff' });
    assert.equal(invited.statusCode, 201);
    const link = /\/invitations\/([A-Za-z0-9_-]+)/.exec(await outboxText('staff@shop.example'))?.[1] ?? '';
    assert.equal((await server.app.inject(`/api/v1/invitations/${link}`)).json().organisationName, 'Corner Shop');

    assert.equal((await call(outsider.token, 'POST', `/invitations/${link}/accept`)).json().error.code, 'IDENTITY_INVITATION_WRONG_ACCOUNT');
    const staff = await signIn('staff@shop.example');
    const accepted = await call(staff.token, 'POST', `/invitations/${link}/accept`);
    assert.equal(accepted.statusCode, 200);
    assert.equal((await call(staff.token, 'POST', `/invitations/${link}/accept`)).json().error.code, 'IDENTITY_INVITATION_USED');

    const members = (await call(staff.token, 'GET', `/organisations/${org.id}/members`)).json().members;
    assert.deepEqual(members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`), ['owner@shop.example:owner', 'staff@shop.example:staff']);
    assert.equal((await call(staff.token, 'POST', `/organisations/${org.id}/invitations`, { email: 'x@shop.example', role: 'staff' })).statusCode, 403, 'staff cannot invite');
    assert.equal((await call(outsider.token, 'GET', `/organisations/${org.id}/members`)).statusCode, 404);
    assert.deepEqual((await call(staff.token, 'GET', '/organisations')).json().organisations.map((o: { name: string; role: string }) => `${o.name}:${o.role}`), ['Corner Shop:staff']);

    const events = await sql<{ type: string }>`select type from platform.outbox where payload->>'organisationId' = ${org.id} order by seq`.execute(server.database.db);
    assert.deepEqual(events.rows.map((r) => r.type), ['identity.member-added.v1', 'identity.organisation-approved.v1', 'identity.member-added.v1']);
  });
});

describe('officers are verified by their precinct', () => {
  let precinct: string;
  let ownerToken: string;
  let admin: string;
  before(async () => {
    ownerToken = (await signIn('chief@precinct.example')).token;
    precinct = (await call(ownerToken, 'POST', '/organisations', { type: 'precinct', name: '5th Precinct' })).json().id;
    admin = await adminToken('admin2@heyblue.example');
    await call(admin, 'POST', `/admin/organisations/${precinct}/decision`, { approve: true });
  });

  test('an officer who signed up as a citizen becomes verified when the roster is uploaded; bad rows are reported', async () => {
    const officer = await signIn('dana@police.example');
    assert.deepEqual((await call(officer.token, 'GET', '/me')).json().roles, ['citizen']);
    const csv = ['name,email,badge_number,department', 'Dana Cruz,DANA@police.example,B-100,Central', ',nameless@police.example,B-101,Central', 'Eve,not-an-email,B-102,Central', 'Finn Ode,finn@police.example,B-103,North', 'Gus,gus@police.example,B 104!,North', ''].join('\n');
    const report = await call(ownerToken, 'POST', `/organisations/${precinct}/roster`, csv, { 'content-type': 'text/csv' });
    assert.equal(report.statusCode, 200, report.body);
    const body = report.json<{ rows: number; accepted: number; rejected: Array<{ line: number; reason: string }>; officersVerified: number }>();
    assert.deepEqual({ ...body, rejected: body.rejected.map((r) => r.line) }, { rows: 5, accepted: 2, rejected: [3, 4, 6], officersVerified: 1 });
    assert.match(body.rejected[1]?.reason ?? '', /not a valid address/);
    const refreshed = await server.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { heyblue_refresh: officer.refresh } });
    assert.deepEqual((await call(refreshed.json().accessToken, 'GET', '/me')).json().roles, ['citizen', 'officer']);

    const again = await call(ownerToken, 'POST', `/organisations/${precinct}/roster`, csv, { 'content-type': 'text/csv' });
    assert.equal(again.json().officersVerified, 0, 'uploading the same roster twice changes nothing');
    const roster = (await call(ownerToken, 'GET', `/organisations/${precinct}/roster?limit=10`)).json();
    assert.deepEqual(roster.entries.map((e: { email: string }) => e.email), ['dana@police.example', 'finn@police.example']);
  });

  test('a new sign-up already on the roster is an officer at once', async () => {
    const finn = await signIn('finn@police.example');
    assert.deepEqual((await call(finn.token, 'GET', '/me')).json().roles, ['citizen', 'officer']);
    const events = await sql<{ via: string }>`select payload->>'via' as via from platform.outbox where type = 'identity.officer-verified.v1' and payload->>'accountId' = ${finn.accountId}`.execute(server.database.db);
    assert.deepEqual(events.rows, [{ via: 'roster' }]);
    while ((await server.relay.runOnce()) > 0);
    const profile = (await server.app.inject(`/api/v1/profiles/${finn.accountId}`)).json();
    assert.equal(profile.precinct, '5th Precinct', 'an officer’s public profile shows their precinct');
  });

  test('an approved email domain verifies its officers', async () => {
    const hal = await signIn('hal@pd.city.example');
    const requested = await call(ownerToken, 'POST', `/organisations/${precinct}/officer-domains`, { domain: '@PD.city.example' });
    assert.deepEqual(requested.json(), { domain: 'pd.city.example', status: 'pending', officersVerified: 0 });
    const approved = await call(admin, 'POST', `/organisations/${precinct}/officer-domains`, { domain: 'pd.city.example' });
    assert.deepEqual(approved.json(), { domain: 'pd.city.example', status: 'approved', officersVerified: 1 });
    assert.deepEqual(await rolesAfterRefresh(hal.refresh), ['citizen', 'officer']);
  });

  test('an officer whose roster entry has another email claims it by badge number; the precinct confirms', async () => {
    await call(ownerToken, 'POST', `/organisations/${precinct}/roster`, 'name,email,badge_number,department\nIvy Lee,ivy.old@precinct-mail.example,B-777,Harbour', { 'content-type': 'text/csv' });
    const ivy = await signIn('ivy@personal.example');
    const precincts = (await call(ivy.token, 'GET', '/precincts')).json().precincts;
    assert.ok(precincts.some((p: { id: string }) => p.id === precinct));
    const wrong = await call(ivy.token, 'POST', '/officer-claims', { organisationId: precinct, badgeNumber: 'B-000', department: 'Harbour' });
    const wrongId = wrong.json().claimId;
    const claim = await signIn('ivy2@personal.example');
    const claimed = await call(claim.token, 'POST', '/officer-claims', { organisationId: precinct, badgeNumber: 'B-777', department: 'harbour' });
    assert.equal(claimed.statusCode, 201);
    const pending = (await call(ownerToken, 'GET', `/organisations/${precinct}/officer-claims`)).json().claims;
    assert.deepEqual(pending.map((c: { email: string; rosterName: string | null }) => `${c.email}:${c.rosterName}`).sort(), ['ivy2@personal.example:Ivy Lee', 'ivy@personal.example:null']);
    assert.equal((await call(ownerToken, 'POST', `/organisations/${precinct}/officer-claims/${wrongId}/decision`, { confirm: true })).json().error.code, 'IDENTITY_CLAIM_NOT_ON_ROSTER');
    assert.equal((await call(ownerToken, 'POST', `/organisations/${precinct}/officer-claims/${claimed.json().claimId}/decision`, { confirm: true })).statusCode, 204);
    assert.deepEqual(await rolesAfterRefresh(claim.refresh), ['citizen', 'officer']);
    assert.equal((await call(claim.token, 'POST', '/officer-claims', { organisationId: precinct, badgeNumber: 'B-777', department: 'Harbour' })).json().error.code, 'IDENTITY_CLAIM_ALREADY_CONFIRMED');
    assert.equal((await call(ivy.token, 'GET', `/organisations/${precinct}/officer-claims`)).statusCode, 404, 'claimants do not see the queue');
  });

  test('rosters are the precinct’s own business', async () => {
    const retailer = await signIn('owner2@shop.example');
    const shop = (await call(retailer.token, 'POST', '/organisations', { type: 'retailer', name: 'Shop Two' })).json().id;
    await call(admin, 'POST', `/admin/organisations/${shop}/decision`, { approve: true });
    const csv = 'name,email,badge_number,department\nX,x@police.example,B-1,C';
    assert.equal((await call(retailer.token, 'POST', `/organisations/${shop}/roster`, csv, { 'content-type': 'text/csv' })).statusCode, 403, 'a retailer has no roster');
    assert.equal((await call(retailer.token, 'POST', `/organisations/${precinct}/roster`, csv, { 'content-type': 'text/csv' })).statusCode, 404, 'another organisation’s roster');
    assert.equal((await call(ownerToken, 'POST', `/organisations/${precinct}/roster`, 'email,name\nx@y.example,X', { 'content-type': 'text/csv' })).json().error.code, 'IDENTITY_ROSTER_NOT_CSV');
  });

  test('admins read the audit log; nobody else does', async () => {
    const audit = await call(admin, 'GET', '/admin/audit?limit=200');
    assert.equal(audit.statusCode, 200);
    const actions = new Set(audit.json().entries.map((e: { action: string }) => e.action));
    for (const action of ['sign-in', 'organisation.requested', 'organisation.approved', 'roster.uploaded', 'officer.verified', 'admin.granted']) assert.ok(actions.has(action), action);
    assert.equal((await call(ownerToken, 'GET', '/admin/audit')).statusCode, 403);
  });
});

describe('the first admin of a new development server', () => {
  test('the printed one-time link makes the first admin, once', async () => {
    const dev = await composeTestServer({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
    const printed: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => void printed.push(args.join(' '));
    try {
      await dev.listen();
    } finally {
      console.log = original;
    }
    try {
      const token = /\/setup\/([A-Za-z0-9_-]+)/.exec(printed.join('\n'))?.[1];
      assert.ok(token, 'a setup link was printed');
      assert.match(printed.join('\n'), /http:\/\/localhost:[1-9]\d*\/setup\//, 'the link names the real port, on localhost (passkeys need a host name)');
      const redeemed = await dev.app.inject({ method: 'POST', url: '/api/v1/auth/first-admin', payload: { token, email: 'first@heyblue.example' } });
      assert.equal(redeemed.statusCode, 200, redeemed.body);
      assert.deepEqual(redeemed.json().account.roles, ['citizen', 'admin']);
      const again = await dev.app.inject({ method: 'POST', url: '/api/v1/auth/first-admin', payload: { token, email: 'second@heyblue.example' } });
      assert.equal(again.json().error.code, 'IDENTITY_BOOTSTRAP_INVALID');
    } finally {
      await dev.stop('test over');
    }
  });
});
