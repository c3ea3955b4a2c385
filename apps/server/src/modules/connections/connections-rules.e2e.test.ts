import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { waitUntil } from '../../../test/support/wait.ts';
import { offset, startStage, type Stage } from './connections.e2e-harness.ts';

const BRYANT_PARK = { lat: 40.7536, lon: -73.9832 };

describe('connections refuse what they must, each with its own code', () => {
  let stage: Stage;
  before(async () => {
    stage = await startStage({ officers: 5, citizens: 6, settings: { DISCONNECT_GRACE_SECONDS: '1' } });
  });
  after(() => stage.close());

  test('bad location messages: out of range, stale, too frequent, inaccurate, an officer without a window, impossible travel (flagged for admins)', async () => {
    const [citizen] = stage.citizens;
    const officer = stage.officers[4];
    assert.ok(citizen && officer);
    const live = await stage.live(citizen);
    const rejected = async (message: object, advance = true): Promise<unknown> => {
      const since = live.messages.length;
      live.send({ type: 'location', ...message });
      if (advance) stage.clock.advance(1000);
      return (await live.next('location.rejected', () => true, since)).code;
    };
    const now = () => stage.clock.now().getTime();
    assert.equal(await rejected({ lat: 91, lon: 0, accuracy: 5, at: now() }), 'CONNECTIONS_LOCATION_INVALID');
    // A field of the wrong type does not fit the message's contract: the gateway refuses it before connections sees it.
    const typeConfused = live.messages.length;
    live.send({ type: 'location', lat: 40, lon: 'x', accuracy: 5, at: now() });
    assert.equal((await live.next('error', () => true, typeConfused)).code, 'WS_MALFORMED_MESSAGE');
    assert.equal(await rejected({ lat: 40.75, lon: -73.98, accuracy: 5, at: now() - 5 * 60_000 }), 'CONNECTIONS_LOCATION_STALE');
    assert.equal(await rejected({ lat: 40.75, lon: -73.98, accuracy: 900, at: now() }), 'CONNECTIONS_LOCATION_INACCURATE');
    // A burst of three is allowed (fixes bunched by a slow network); past it the phone is told once, then the rest are dropped silently.
    stage.fix(live, BRYANT_PARK.lat, BRYANT_PARK.lon);
    const flood = live.messages.length;
    for (let i = 0; i < 8; i++) live.send({ type: 'location', lat: BRYANT_PARK.lat, lon: BRYANT_PARK.lon, accuracy: 5, at: now() });
    assert.equal((await live.next('location.rejected', () => true, flood)).code, 'CONNECTIONS_LOCATION_TOO_FREQUENT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(live.of('location.rejected').length - live.messages.slice(0, flood).filter((m) => m.type === 'location.rejected').length, 1, 'told once');
    stage.clock.advance(5000);
    const brooklyn = offset(BRYANT_PARK.lat, BRYANT_PARK.lon, -10_000, 0);
    assert.equal(await rejected({ ...brooklyn, accuracy: 5, at: now() }), 'CONNECTIONS_LOCATION_FLAGGED');
    assert.equal(stage.probe.map?.fixOf(citizen.accountId)?.lat, BRYANT_PARK.lat, 'the flagged fix was not used');

    const officerLive = await stage.live(officer);
    const since = officerLive.messages.length;
    officerLive.send({ type: 'location', lat: 40.75, lon: -73.98, accuracy: 5, at: now() });
    assert.equal((await officerLive.next('location.rejected', () => true, since)).code, 'CONNECTIONS_NO_OPEN_WINDOW');

    await waitUntil(async () => (await stage.call(stage.admin, 'GET', '/connections/fraud-flags')).json().items.length > 0, 5000, 'the fraud flag');
    const flag = (await stage.call(stage.admin, 'GET', '/connections/fraud-flags')).json().items[0];
    assert.equal(flag.accountId, citizen.accountId);
    assert.equal(flag.kind, 'impossible-travel');
    assert.equal(flag.distanceKm, 10);
    assert.deepEqual(Object.keys(flag).sort(), ['accountId', 'distanceKm', 'flaggedAt', 'id', 'kind', 'speedKmh'], 'what, never where');
    assert.equal((await stage.call(citizen, 'GET', '/connections/fraud-flags')).statusCode, 403);
  });

  test('requests: to an unavailable officer, from too far, by an officer, too many pending, after a decline, by someone else, twice, lapsed', async () => {
    const [o1, o2, o3, o4] = stage.officers;
    const [, citizen, other] = stage.citizens;
    assert.ok(o1 && o2 && o3 && o4 && citizen && other);
    const ask = (who = citizen, officerId = o1.accountId, kind = 'virtual') => stage.call(who, 'POST', '/connections/requests', { officerId, kind });
    assert.equal((await ask()).json().error.code, 'CONNECTIONS_OFFICER_UNAVAILABLE');
    assert.equal((await stage.call(citizen, 'POST', '/connections/availability', { inPerson: true, virtual: true })).json().error.code, 'CONNECTIONS_OFFICERS_ONLY');
    assert.equal((await stage.call(o1, 'POST', '/connections/availability', { inPerson: false, virtual: false })).json().error.code, 'CONNECTIONS_MODE_REQUIRED');
    for (const officer of [o1, o2, o3, o4]) assert.equal((await stage.call(officer, 'POST', '/connections/availability', { inPerson: true, virtual: true })).statusCode, 201);
    assert.equal((await ask(o2)).json().error.code, 'CONNECTIONS_CITIZENS_ONLY');
    assert.equal((await ask(citizen, o1.accountId, 'proximity')).json().error.code, 'CONNECTIONS_NOT_NEAR', 'no position shared yet');

    const made: Array<{ id: string }> = [];
    for (const officer of [o1, o2, o3]) made.push((await ask(citizen, officer.accountId)).json().request);
    const [r1, r2, r3] = made;
    assert.ok(r1 && r2 && r3);
    const fourth = await ask(citizen, o4.accountId);
    assert.equal(fourth.statusCode, 429);
    assert.equal(fourth.json().error.code, 'CONNECTIONS_TOO_MANY_PENDING');

    assert.equal((await stage.call(o2, 'POST', `/connections/requests/${r1.id}/accept`)).json().error.code, 'CONNECTIONS_REQUEST_NOT_FOUND', 'another officer’s request');
    assert.equal((await stage.call(o1, 'POST', `/connections/requests/${r1.id}/decline`)).statusCode, 200);
    assert.equal((await stage.call(o1, 'POST', `/connections/requests/${r1.id}/accept`)).json().error.code, 'CONNECTIONS_REQUEST_NOT_PENDING');
    assert.equal((await ask(citizen, o1.accountId)).json().error.code, 'CONNECTIONS_DECLINE_COOLDOWN');
    assert.equal((await stage.call(citizen, 'POST', `/connections/requests/${r2.id}/cancel`)).json().request.status, 'cancelled');

    // The third lapses after two minutes: both are told, and it can no longer be accepted.
    const citizenLive = await stage.live(citizen);
    stage.clock.advance(121_000);
    const updated = await citizenLive.next('request.updated', (m) => (m.request as { id: string }).id === r3.id, 0, 6000);
    assert.equal((updated.request as { status: string }).status, 'expired');
    assert.equal((await stage.call(o3, 'POST', `/connections/requests/${r3.id}/accept`)).json().error.code, 'CONNECTIONS_REQUEST_EXPIRED');
    for (const officer of [o1, o2, o3, o4]) await stage.call(officer, 'DELETE', '/connections/availability');
  });

  test('acceptance checks both are still near by the server’s latest positions', async () => {
    const officer = stage.officers[0];
    const citizen = stage.citizens[3];
    assert.ok(officer && citizen);
    assert.equal((await stage.call(officer, 'POST', '/connections/availability', { inPerson: true, virtual: false })).statusCode, 201);
    const officerLive = await stage.live(officer);
    const citizenLive = await stage.live(citizen);
    stage.fix(officerLive, BRYANT_PARK.lat, BRYANT_PARK.lon);
    await waitUntil(() => stage.probe.map?.areaOf(officer.accountId) !== undefined, 5000, 'the officer placed');
    const near = offset(BRYANT_PARK.lat, BRYANT_PARK.lon, 100, 0);
    stage.fix(citizenLive, near.lat, near.lon);
    await citizenLive.next('nearby.entered');
    const asked = (await stage.call(citizen, 'POST', '/connections/requests', { officerId: officer.accountId, kind: 'proximity' })).json().request;
    // The citizen drives off (3 km in 100 s, a plausible 108 km/h) before the officer answers.
    stage.clock.advance(100_000);
    const away = offset(BRYANT_PARK.lat, BRYANT_PARK.lon, 3000, 0);
    stage.fix(citizenLive, away.lat, away.lon);
    await citizenLive.next('nearby.left');
    const accepted = await stage.call(officer, 'POST', `/connections/requests/${asked.id}/accept`);
    assert.equal(accepted.json().error.code, 'CONNECTIONS_NO_LONGER_NEAR', accepted.body);
    assert.equal((await stage.call(officer, 'GET', '/connections/requests')).json().incoming[0]?.id, asked.id, 'still pending: they may come back');
    await stage.call(officer, 'DELETE', '/connections/availability');
  });

  test('a window closes by itself after 15 minutes, and when the officer’s socket stays away past the grace', async () => {
    const officer = stage.officers[1];
    const citizen = stage.citizens[4];
    assert.ok(officer && citizen);
    const opened = (await stage.call(officer, 'POST', '/connections/availability', { inPerson: true, virtual: false })).json().window;
    assert.equal(new Date(opened.closesAt).getTime() - new Date(opened.startedAt).getTime(), 15 * 60_000);
    const officerLive = await stage.live(officer);
    const citizenLive = await stage.live(citizen);
    stage.fix(officerLive, BRYANT_PARK.lat, BRYANT_PARK.lon);
    await waitUntil(() => stage.probe.map?.areaOf(officer.accountId) !== undefined, 5000, 'the officer placed');
    stage.fix(citizenLive, BRYANT_PARK.lat, BRYANT_PARK.lon);
    await citizenLive.next('nearby.entered');
    stage.clock.advance(16 * 60_000);
    assert.equal((await officerLive.next('availability.changed', (m) => m.window === null, 0, 6000)).reason, 'expired');
    await citizenLive.next('nearby.left', () => true, 0, 6000);
    assert.equal((await stage.call(officer, 'GET', '/connections/availability')).json().window, null);

    assert.equal((await stage.call(officer, 'POST', '/connections/availability', { inPerson: true, virtual: false })).statusCode, 201);
    await officerLive.close();
    await waitUntil(async () => (await stage.call(officer, 'GET', '/connections/availability')).json().window === null, 6000, 'the window closed after the grace');
    const ended = await sql<{ end_reason: string }>`select end_reason from connections.windows where officer_id = ${officer.accountId} order by started_at desc limit 1`.execute(stage.server.database.db);
    assert.equal(ended.rows[0]?.end_reason, 'disconnected');
  });

  test('a pair connects at most three times a day unless an admin changes the setting', async () => {
    const officer = stage.officers[2];
    const citizen = stage.citizens[5];
    assert.ok(officer && citizen);
    for (let i = 0; i < 3; i++) {
      const shown: { token: string } = (await stage.call(officer, 'POST', '/connections/qr')).json();
      assert.equal((await stage.call(citizen, 'POST', '/connections/qr/scan', { token: shown.token })).statusCode, 201);
    }
    const fourth: { token: string } = (await stage.call(officer, 'POST', '/connections/qr')).json();
    const refused = await stage.call(citizen, 'POST', '/connections/qr/scan', { token: fourth.token });
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().error.code, 'CONNECTIONS_PAIR_DAILY_LIMIT');

    // The limit is a rewards setting an admin changes in the dashboard: raised to four, a fourth goes through, then no more.
    const current = (await stage.call(stage.admin, 'GET', '/rewards/settings')).json().settings;
    assert.equal(current.pairConnectionsPerDay, 3, 'three by default');
    assert.equal((await stage.call(stage.admin, 'PUT', '/rewards/settings', { ...current, pairConnectionsPerDay: 4 })).statusCode, 200);
    try {
      const again: { token: string } = (await stage.call(officer, 'POST', '/connections/qr')).json();
      assert.equal((await stage.call(citizen, 'POST', '/connections/qr/scan', { token: again.token })).statusCode, 201);
      const fifth: { token: string } = (await stage.call(officer, 'POST', '/connections/qr')).json();
      assert.equal((await stage.call(citizen, 'POST', '/connections/qr/scan', { token: fifth.token })).json().error.code, 'CONNECTIONS_PAIR_DAILY_LIMIT');
      const outOfRange = await stage.call(stage.admin, 'PUT', '/rewards/settings', { ...current, pairConnectionsPerDay: 0 });
      assert.equal(outOfRange.statusCode, 400, 'at least one');
    } finally {
      await stage.call(stage.admin, 'PUT', '/rewards/settings', current);
    }
  });
});
