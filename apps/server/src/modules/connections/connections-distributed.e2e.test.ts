// Distributed mode: two instances on one PostgreSQL and one NATS. A citizen whose socket is on
// instance B finds an officer whose socket is on instance A within one update interval (a second),
// whichever of them moves last; requests, acceptance and goodbyes cross instances too.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Server } from '../../composition.ts';
import { tempDir } from '../../../test/support/config.ts';
import { composeTestServer } from '../../../test/support/server.ts';
import { distributedSettings, skipWithoutNats, skipWithoutPostgres } from '../../../test/support/services.ts';
import { waitUntil } from '../../../test/support/wait.ts';
import { LiveClient, offset } from './connections.e2e-harness.ts';

const UNION_SQUARE = { lat: 40.7359, lon: -73.9911 };

describe('the live map across instances', { skip: skipWithoutPostgres || skipWithoutNats }, () => {
  let a: Server;
  let b: Server;
  let urlA: string;
  let urlB: string;
  let drop: () => Promise<void>;
  let people: Array<{ accountId: string; accessToken: string; role: string }>;
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
    a = await composeTestServer(distributed.settings, { natsSubjectPrefix: distributed.subjectPrefix });
    b = await composeTestServer(distributed.settings, { natsSubjectPrefix: distributed.subjectPrefix });
    urlA = await a.listen();
    urlB = await b.listen();
    const file = path.join(tempDir(), 'sessions.jsonl');
    await a.commands.get('seed.accounts')?.run({ citizens: '2', officers: '2', prefix: 'dist', sessionsFile: file });
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
});
