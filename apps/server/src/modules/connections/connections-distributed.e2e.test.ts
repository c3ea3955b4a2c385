// Distributed mode: two instances on one PostgreSQL and one NATS. A citizen whose socket is on
// instance B finds an officer whose socket is on instance A within one update interval (a second),
// whichever of them moves last; requests, acceptance and goodbyes cross instances too. A person's fix
// allowance and last trusted fix follow them from one instance to the other.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Server } from '../../composition.ts';
import { tempDir } from '../../../test/support/config.ts';
import { composeTestServer } from '../../../test/support/server.ts';
import { distributedSettings, skipWithoutNats, skipWithoutPostgres } from '../../../test/support/services.ts';
import { waitUntil } from '../../../test/support/wait.ts';
import { LiveClient, offset } from './connections.e2e-harness.ts';
import { createConnectionsModule, type ConnectionsProbe } from './index.ts';

const UNION_SQUARE = { lat: 40.7359, lon: -73.9911 };

describe('the live map across instances', { skip: skipWithoutPostgres || skipWithoutNats }, () => {
  let a: Server;
  let b: Server;
  let urlA: string;
  let urlB: string;
  let drop: () => Promise<void>;
  let people: Array<{ accountId: string; accessToken: string; role: string }>;
  const probeA: ConnectionsProbe = { map: undefined };
  const probeB: ConnectionsProbe = { map: undefined };
  const clients: LiveClient[] = [];
  const live = async (url: string, token: string): Promise<LiveClient> => {
    const client = new LiveClient(url, token);
    clients.push(client);
    await client.opened;
    await client.next('welcome');
    return client;
  };
  const call = (server: Server, token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  before(async () => {
    const distributed = await distributedSettings();
    drop = distributed.drop;
    a = await composeTestServer(distributed.settings, { natsSubjectPrefix: distributed.subjectPrefix, product: { connections: createConnectionsModule(probeA) } });
    b = await composeTestServer(distributed.settings, { natsSubjectPrefix: distributed.subjectPrefix, product: { connections: createConnectionsModule(probeB) } });
    urlA = await a.listen();
    urlB = await b.listen();
    const file = path.join(tempDir(), 'sessions.jsonl');
    await a.commands.get('seed.accounts')?.run({ citizens: '3', officers: '2', prefix: 'dist', sessionsFile: file });
    people = fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const officer = people.find((p) => p.role === 'officer');
    await waitUntil(async () => (await call(b, officer?.accessToken ?? '', 'GET', '/connections/availability')).statusCode === 200, 15_000, 'officers known');
  });
  after(async () => {
    for (const client of clients) await client.close();
    await b?.stop('test over');
    await a?.stop('test over');
    await drop?.();
  });

  test('an officer on A and a citizen on B: told within a second whichever moves last; request, acceptance and goodbye cross instances', async () => {
    const [o1, o2] = people.filter((p) => p.role === 'officer');
    const [c1, c2] = people.filter((p) => p.role === 'citizen');
    assert.ok(o1 && o2 && c1 && c2);

    // The officer moves first (on A), the citizen arrives later (on B).
    assert.equal((await call(a, o1.accessToken, 'POST', '/connections/availability', { inPerson: true, virtual: false })).statusCode, 201);
    const officerLive = await live(urlA, o1.accessToken);
    officerLive.send({ type: 'location', ...UNION_SQUARE, accuracy: 8, at: Date.now() });
    const citizenLive = await live(urlB, c1.accessToken);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const near = offset(UNION_SQUARE.lat, UNION_SQUARE.lon, 150, 0);
    const sent = Date.now();
    citizenLive.send({ type: 'location', ...near, accuracy: 8, at: Date.now() });
    const entered = await citizenLive.next('nearby.entered', () => true, 0, 1000);
    assert.equal((entered.officer as { officerId: string }).officerId, o1.accountId);
    const firstLatency = Date.now() - sent;

    // The citizen is there first (on B); the officer becomes available and moves (on A).
    const c2Live = await live(urlB, c2.accessToken);
    c2Live.send({ type: 'location', ...offset(UNION_SQUARE.lat, UNION_SQUARE.lon, -200, 100), accuracy: 8, at: Date.now() });
    assert.equal((await call(a, o2.accessToken, 'POST', '/connections/availability', { inPerson: true, virtual: false })).statusCode, 201);
    const o2Live = await live(urlA, o2.accessToken);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const moved = Date.now();
    o2Live.send({ type: 'location', ...offset(UNION_SQUARE.lat, UNION_SQUARE.lon, -100, 0), accuracy: 8, at: Date.now() });
    await c2Live.next('nearby.entered', (m) => (m.officer as { officerId: string }).officerId === o2.accountId, 0, 1000);
    const secondLatency = Date.now() - moved;

    // A request made on B reaches the officer's socket on A; acceptance on A reaches the citizen on B.
    const asked = await call(b, c1.accessToken, 'POST', '/connections/requests', { officerId: o1.accountId, kind: 'proximity' });
    assert.equal(asked.statusCode, 201, asked.body);
    await officerLive.next('request.received');
    const accepted = await call(a, o1.accessToken, 'POST', `/connections/requests/${asked.json().request.id}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.body);
    await citizenLive.next('connection.made');

    // Stopping on A says goodbye on B.
    assert.equal((await call(a, o1.accessToken, 'DELETE', '/connections/availability')).statusCode, 204);
    await citizenLive.next('nearby.left', (m) => m.officerId === o1.accountId, 0, 1000);
    assert.ok(firstLatency < 1000 && secondLatency < 1000, `told in ${firstLatency} ms and ${secondLatency} ms`);
  });

  test('a citizen who stops on A and starts again on B keeps their allowance and last trusted fix: teleports are refused, too-fast fixes dropped, and the jump flagged', async () => {
    const citizen = people.filter((p) => p.role === 'citizen')[2];
    assert.ok(citizen);
    const flagsOf = async (accountId: string): Promise<string[]> =>
      (await sql<{ kind: string }>`select kind from connections.fraud_flags where account_id = ${accountId}`.execute(b.database.db)).rows.map((r) => r.kind);
    const onA = await live(urlA, citizen.accessToken);
    const here = offset(UNION_SQUARE.lat, UNION_SQUARE.lon, 300, 300);
    for (let i = 0; i < 3; i++) onA.send({ type: 'location', ...here, accuracy: 8, at: Date.now() });
    await waitUntil(() => probeB.map?.fixOf(citizen.accountId)?.lat === here.lat, 2000, 'B applies the fixes A accepted');
    onA.send({ type: 'location.stop' });
    await onA.close();
    await waitUntil(() => probeB.map?.fixOf(citizen.accountId) === undefined, 2000, 'B forgets the position');

    // On B, within three seconds of spending the burst on A: at most two fixes are looked at, none is used.
    const onB = await live(urlB, citizen.accessToken);
    const far = offset(here.lat, here.lon, 0, 9000);
    for (let i = 0; i < 3; i++) onB.send({ type: 'location', ...far, accuracy: 8, at: Date.now() });
    await onB.next('location.rejected', (m) => m.code === 'CONNECTIONS_LOCATION_TOO_FREQUENT', 0, 2000);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    onB.send({ type: 'location', ...far, accuracy: 8, at: Date.now() });
    await onB.next('location.rejected', (m) => m.code === 'CONNECTIONS_LOCATION_FLAGGED', 0, 2000);
    assert.equal(probeA.map?.fixOf(citizen.accountId), undefined, 'the far point reached no map');
    assert.equal(probeB.map?.fixOf(citizen.accountId), undefined);
    await waitUntil(async () => (await flagsOf(citizen.accountId)).length === 1, 2000, 'the jump flagged');
    assert.deepEqual(await flagsOf(citizen.accountId), ['impossible-travel']);
  });
});
