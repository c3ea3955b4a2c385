import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { waitUntil } from '../../../test/support/wait.ts';
import { offset, startStage, type Stage } from './connections.e2e-harness.ts';

// Times Square, New York.
const SQUARE = { lat: 40.758, lon: -73.9855 };

describe('connections end to end: available officer, nearby citizen, request, acceptance, QR and virtual', () => {
  let stage: Stage;
  before(async () => {
    stage = await startStage({ officers: 4, citizens: 6 });
  });
  after(() => stage.close());

  test('an officer goes available, a citizen 150 m away is told at once — band and area, never coordinates — asks, the officer accepts and both celebrate', async () => {
    const [officer] = stage.officers;
    const [citizen] = stage.citizens;
    assert.ok(officer && citizen);
    const opened = await stage.call(officer, 'POST', '/connections/availability', { inPerson: true, virtual: false });
    assert.equal(opened.statusCode, 201, opened.body);
    assert.equal((await stage.call(officer, 'POST', '/connections/availability', { inPerson: true, virtual: false })).json().error.code, 'CONNECTIONS_WINDOW_ALREADY_OPEN');

    const officerLive = await stage.live(officer);
    const citizenLive = await stage.live(citizen);
    stage.fix(officerLive, SQUARE.lat, SQUARE.lon);
    const near = offset(SQUARE.lat, SQUARE.lon, 150, 0);
    await waitUntil(() => stage.probe.map?.areaOf(officer.accountId) !== undefined, 5000, 'the officer placed');
    stage.fix(citizenLive, near.lat, near.lon);
    const entered = await citizenLive.next('nearby.entered');
    const told = entered.officer as { officerId: string; band: string; precinctName: string; area: { centre: { lat: number; lon: number }; cell: string } };
    assert.equal(told.officerId, officer.accountId);
    assert.match(told.band, /^within-(500m|1km)$/);
    assert.match(told.precinctName, /seed precinct/);
    assert.notEqual(told.area.centre.lat, SQUARE.lat);
    const everything = JSON.stringify(citizenLive.messages);
    assert.ok(!everything.includes(String(SQUARE.lat)) && !everything.includes(String(SQUARE.lon)), 'the citizen never receives the officer’s coordinates');
    assert.equal((await stage.call(citizen, 'GET', '/connections/nearby')).json().officers[0].officerId, officer.accountId);

    const asked = await stage.call(citizen, 'POST', '/connections/requests', { officerId: officer.accountId, kind: 'proximity' });
    assert.equal(asked.statusCode, 201, asked.body);
    const again = await stage.call(citizen, 'POST', '/connections/requests', { officerId: officer.accountId, kind: 'proximity' });
    assert.equal(again.statusCode, 200, 'a double tap finds the same request');
    assert.equal(again.json().request.id, asked.json().request.id);
    const received = await officerLive.next('request.received');
    assert.equal((received.request as { citizenId: string }).citizenId, citizen.accountId);
    assert.equal(officerLive.of('request.received').length, 1, 'the officer is told once');

    const accepted = await stage.call(officer, 'POST', `/connections/requests/${asked.json().request.id}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.body);
    const connection = accepted.json().connection;
    assert.equal(connection.kind, 'proximity');
    assert.equal(connection.locationVerified, true);
    assert.match(connection.zip, /^10[01]\d\d$/, 'a Manhattan ZIP code, from the cell centre');
    assert.ok(connection.meetUntil, 'they may see each other to meet');
    for (const live of [officerLive, citizenLive]) assert.equal(((await live.next('connection.made')).connection as { id: string }).id, connection.id);

    // During the meet period the citizen sees the officer's moves, and only then.
    const moved = offset(SQUARE.lat, SQUARE.lon, 20, 20);
    stage.fix(officerLive, moved.lat, moved.lon);
    const meet = await citizenLive.next('meet.position');
    assert.equal(meet.userId, officer.accountId);
    assert.equal(meet.lat, moved.lat);

    // The event carries a coarse cell and a ZIP code; profiles count the connection.
    const events = await sql<{ payload: Record<string, unknown> }>`select payload from platform.outbox where type = 'connections.connection-made.v1'`.execute(stage.server.database.db);
    const made = events.rows.map((r) => r.payload).find((p) => p.connectionId === connection.id);
    assert.ok(made);
    assert.equal(made.kind, 'proximity');
    assert.match(String(made.cell), /^87[0-9a-f]+$/, 'an H3 resolution-7 cell');
    assert.ok(!JSON.stringify(made).includes('40.75'), 'no coordinates in the event');
    await waitUntil(async () => (await stage.call(citizen, 'GET', '/profiles/me')).json().counts.connectionsMade === 1, 5000, 'the profile counts it');
    const history = (await stage.call(citizen, 'GET', '/connections')).json();
    assert.equal(history.items[0].id, connection.id);

    // The officer stops: the citizen is told they left.
    assert.equal((await stage.call(officer, 'DELETE', '/connections/availability')).statusCode, 204);
    assert.equal((await citizenLive.next('nearby.left')).officerId, officer.accountId);
    assert.equal((await officerLive.next('availability.changed')).reason, 'stopped');
  });

  test('a QR code shown by an officer and scanned by a citizen connects them once; replayed, tampered, foreign-role and own codes are refused with their own codes', async () => {
    const officer = stage.officers[1];
    const [, citizen, otherCitizen] = stage.citizens;
    assert.ok(officer && citizen && otherCitizen);
    const shown = await stage.call(officer, 'POST', '/connections/qr');
    assert.equal(shown.statusCode, 201, shown.body);
    const { token, shortCode } = shown.json();
    assert.match(shortCode, /^[0-9A-HJKMNP-TV-Z]{8}$/);

    assert.equal((await stage.call(officer, 'POST', '/connections/qr/scan', { token })).json().error.code, 'CONNECTIONS_QR_OWN_CODE');
    const tampered = token.replace(/\.([A-Za-z0-9_-])([A-Za-z0-9_-]*)\.(.+)$/, (_m: string, first: string, rest: string, tail: string) => `.${first === 'A' ? 'B' : 'A'}${rest}.${tail}`);
    assert.equal((await stage.call(citizen, 'POST', '/connections/qr/scan', { token: tampered })).json().error.code, 'CONNECTIONS_QR_TAMPERED');
    assert.equal((await stage.call(citizen, 'POST', '/connections/qr/scan', { token: 'not a code' })).json().error.code, 'CONNECTIONS_QR_MALFORMED');

    const scanned = await stage.call(citizen, 'POST', '/connections/qr/scan', { token });
    assert.equal(scanned.statusCode, 201, scanned.body);
    assert.equal(scanned.json().connection.kind, 'qr');
    assert.equal(scanned.json().connection.locationVerified, false, 'no recent positions: made, but not location-verified');
    const replay = await stage.call(otherCitizen, 'POST', '/connections/qr/scan', { token });
    assert.equal(replay.statusCode, 409);
    assert.equal(replay.json().error.code, 'CONNECTIONS_QR_ALREADY_USED');
    assert.equal((await stage.call(otherCitizen, 'POST', '/connections/qr/scan', { shortCode })).json().error.code, 'CONNECTIONS_QR_ALREADY_USED');

    const citizenCode = (await stage.call(citizen, 'POST', '/connections/qr')).json();
    assert.equal((await stage.call(otherCitizen, 'POST', '/connections/qr/scan', { token: citizenCode.token })).json().error.code, 'CONNECTIONS_QR_WRONG_AUDIENCE');
    assert.equal((await stage.call(otherCitizen, 'POST', '/connections/qr/scan', { shortCode: 'ZZZZ-ZZZZ' })).json().error.code, 'CONNECTIONS_QR_UNKNOWN_SHORT_CODE');

    // The other direction, by typed short code: the officer types the citizen's code.
    const typed = await stage.call(officer, 'POST', '/connections/qr/scan', { shortCode: `${citizenCode.shortCode.slice(0, 4).toLowerCase()}-${citizenCode.shortCode.slice(4)}` });
    assert.equal(typed.statusCode, 201, typed.body);
    assert.equal(typed.json().connection.citizenId, citizen.accountId);

    // Codes expire after 30 seconds.
    const late = (await stage.call(officer, 'POST', '/connections/qr')).json();
    stage.clock.advance(31_000);
    assert.equal((await stage.call(otherCitizen, 'POST', '/connections/qr/scan', { token: late.token })).json().error.code, 'CONNECTIONS_QR_EXPIRED');
    assert.equal((await stage.call(otherCitizen, 'POST', '/connections/qr/scan', { shortCode: late.shortCode })).json().error.code, 'CONNECTIONS_QR_EXPIRED');
  });

  test('a QR scan between people whose recent positions are far apart is refused; close together it is location-verified', async () => {
    const officer = stage.officers[2];
    const [, , , citizen] = stage.citizens;
    assert.ok(officer && citizen);
    assert.equal((await stage.call(officer, 'POST', '/connections/availability', { inPerson: true, virtual: false })).statusCode, 201);
    const officerLive = await stage.live(officer);
    const citizenLive = await stage.live(citizen);
    const park = { lat: 40.7829, lon: -73.9654 };
    stage.fix(officerLive, park.lat, park.lon);
    const far = offset(park.lat, park.lon, 0, 900);
    stage.fix(citizenLive, far.lat, far.lon);
    await waitUntil(() => stage.probe.map?.fixOf(citizen.accountId) !== undefined && stage.probe.map.fixOf(officer.accountId) !== undefined, 5000, 'both positions');
    const code = (await stage.call(officer, 'POST', '/connections/qr')).json();
    assert.equal((await stage.call(citizen, 'POST', '/connections/qr/scan', { token: code.token })).json().error.code, 'CONNECTIONS_QR_NOT_TOGETHER');
    const close = offset(park.lat, park.lon, 30, 30);
    stage.clock.advance(60_000);
    stage.fix(citizenLive, close.lat, close.lon);
    stage.fix(officerLive, park.lat, park.lon);
    await waitUntil(() => stage.probe.map?.fixOf(citizen.accountId)?.lat === close.lat, 5000, 'the citizen moved');
    const fresh = (await stage.call(officer, 'POST', '/connections/qr')).json();
    const made = await stage.call(citizen, 'POST', '/connections/qr/scan', { token: fresh.token });
    assert.equal(made.statusCode, 201, made.body);
    assert.equal(made.json().connection.locationVerified, true);
    assert.equal(made.json().connection.zip, '10024');
    await stage.call(officer, 'DELETE', '/connections/availability');
  });

  test('an officer available virtually is listed without a position; a virtual request accepted makes a virtual connection', async () => {
    const officer = stage.officers[3];
    const citizen = stage.citizens[4];
    assert.ok(officer && citizen);
    assert.equal((await stage.call(officer, 'POST', '/connections/availability', { inPerson: false, virtual: true })).statusCode, 201);
    const listed = (await stage.call(citizen, 'GET', '/connections/virtual-officers')).json();
    const entry = listed.officers.find((o: { officerId: string }) => o.officerId === officer.accountId);
    assert.ok(entry, 'listed');
    assert.deepEqual(Object.keys(entry).sort(), ['officerId', 'precinctId', 'precinctName', 'zip']);
    assert.equal((await stage.call(citizen, 'POST', '/connections/requests', { officerId: officer.accountId, kind: 'proximity' })).json().error.code, 'CONNECTIONS_OFFICER_UNAVAILABLE');
    const asked = await stage.call(citizen, 'POST', '/connections/requests', { officerId: officer.accountId, kind: 'virtual' });
    assert.equal(asked.statusCode, 201, asked.body);
    assert.equal((await stage.call(officer, 'GET', '/connections/requests')).json().incoming[0].id, asked.json().request.id);
    const accepted = await stage.call(officer, 'POST', `/connections/requests/${asked.json().request.id}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().connection.kind, 'virtual');
    assert.equal(accepted.json().connection.locationVerified, false);
    assert.equal(accepted.json().connection.meetUntil, null);
    await stage.call(officer, 'DELETE', '/connections/availability');
  });
});
