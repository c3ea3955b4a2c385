// Retention: once an officer's window has closed (plus the grace) and the citizen has gone, no trace of
// either one's coordinates is left in the live map's structures, any database table, or the logs —
// logged at trace level with every request in the access log; the fix memory, which keeps each one's
// last trusted fix to judge their next, forgets it ten minutes after it was trusted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pino from 'pino';
import { waitUntil } from '../../../test/support/wait.ts';
import { startStage, type Stage } from './connections.e2e-harness.ts';

// Distinctive coordinates near Grand Central, so any copy of them is easy to find.
const OFFICER = { lat: 40.7527318, lon: -73.9772294 };
const CITIZEN = { lat: 40.7536629, lon: -73.9769187 };
const needles = [OFFICER.lat, OFFICER.lon, CITIZEN.lat, CITIZEN.lon].map((v) => String(v).slice(0, String(v).indexOf('.') + 6));

describe('retention of live positions', () => {
  const logLines: string[] = [];
  let stage: Stage;
  before(async () => {
    const logger = pino({ level: 'trace' }, { write: (line: string) => void logLines.push(line) });
    stage = await startStage({ officers: 1, citizens: 1, settings: { DISCONNECT_GRACE_SECONDS: '1', ACCESS_LOG: 'all' }, logger });
  });
  after(() => stage.close());

  test('after the window closes plus grace, the coordinates are in no live-map structure, no table and no log line, and ten minutes on in no memory at all', async () => {
    const [officer] = stage.officers;
    const [citizen] = stage.citizens;
    assert.ok(officer && citizen);
    assert.equal((await stage.call(officer, 'POST', '/connections/availability', { inPerson: true, virtual: false })).statusCode, 201);
    const officerLive = await stage.live(officer);
    const citizenLive = await stage.live(citizen);
    stage.fix(officerLive, OFFICER.lat, OFFICER.lon);
    await waitUntil(() => stage.probe.map?.areaOf(officer.accountId) !== undefined, 5000, 'the officer placed');
    stage.fix(citizenLive, CITIZEN.lat, CITIZEN.lon);
    await citizenLive.next('nearby.entered');
    const asked = (await stage.call(citizen, 'POST', '/connections/requests', { officerId: officer.accountId, kind: 'proximity' })).json().request;
    assert.equal((await stage.call(officer, 'POST', `/connections/requests/${asked.id}/accept`)).statusCode, 200);
    stage.fix(officerLive, OFFICER.lat, OFFICER.lon);
    await citizenLive.next('meet.position');
    const map = stage.probe.map;
    assert.ok(map);
    assert.ok(map.holdsCoordinate(OFFICER.lat) && map.holdsCoordinate(CITIZEN.lat), 'while the window is open, the map holds both (the test can see them)');

    // The officer stops and leaves; the citizen closes the app.
    await stage.call(officer, 'DELETE', '/connections/availability');
    await officerLive.close();
    await citizenLive.close();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const value of [OFFICER.lat, OFFICER.lon, CITIZEN.lat, CITIZEN.lon]) assert.equal(map.holdsCoordinate(value), false, `memory still holds ${value}`);
    assert.equal(map.stats.positions, 0);
    assert.equal(map.stats.placed, 0);
    const hub = stage.probe.hub;
    assert.ok(hub);
    assert.ok(hub.remembersCoordinate(OFFICER.lat) && hub.remembersCoordinate(CITIZEN.lat), 'the fix memory keeps each one’s last trusted fix');
    stage.clock.advance(10 * 60_000);
    hub.sweep();
    for (const value of [OFFICER.lat, OFFICER.lon, CITIZEN.lat, CITIZEN.lon]) assert.equal(hub.remembersCoordinate(value), false, `the fix memory still holds ${value} ten minutes on`);

    await stage.server.relay.runOnce();
    const tables = await sql<{ schema: string; name: string }>`select table_schema as schema, table_name as name from information_schema.tables
      where table_schema in ('platform', 'identity', 'profiles', 'connections') and table_type = 'BASE TABLE'`.execute(stage.server.database.db);
    assert.ok(tables.rows.length > 10);
    for (const { schema, name } of tables.rows) {
      const rows = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(`${schema}.${name}`)} t`.execute(stage.server.database.db);
      for (const { row } of rows.rows) for (const needle of needles) assert.ok(!row.includes(needle), `${schema}.${name} holds ${needle}: ${row.slice(0, 200)}`);
    }

    const logs = logLines.join('');
    assert.ok(logs.includes('/api/v1/connections/requests'), 'the logs did record the requests');
    for (const needle of needles) assert.ok(!logs.includes(needle), `a log line holds ${needle}`);
  });
});
