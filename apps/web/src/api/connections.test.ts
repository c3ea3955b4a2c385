import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptRequest,
  askToConnect,
  decodeConnectionPage,
  decodeNearby,
  decodeQrCode,
  decodeRequests,
  decodeSettings,
  extendAvailability,
  locationRejectionCodes,
  getAvailability,
  listConnections,
  listVirtualOfficers,
  scanQrCode,
  startAvailability,
  stopAvailability,
} from './connections.ts';
import type { ConnectionsApi } from './connections.ts';
import { isPrecompiled } from './contract.ts';
import * as contracts from '@heyblue/contracts/connections';
import type { Method, RequestOptions } from './http.ts';
import { parseServerMessage } from './ws-messages.ts';

const ids = {
  officer: '6f1c2a3e-0b1d-4c2e-9f3a-1a2b3c4d5e6f',
  citizen: '0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70',
  request: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d',
  connection: '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b',
  window: '2c3d4e5f-6071-4829-9bac-1d2e3f4a5b6c',
  precinct: '3d4e5f60-7182-4930-acbd-2e3f4a5b6c7d',
};

const officer = {
  officerId: ids.officer,
  precinctName: '5th Precinct',
  band: 'within-500m',
  area: { cell: '882a1072b5fffff', centre: { lat: 40.75, lon: -73.99 }, radiusM: 600 },
  virtual: false,
};

const request = {
  id: ids.request,
  kind: 'proximity',
  status: 'pending',
  citizenId: ids.citizen,
  officerId: ids.officer,
  band: 'within-1km',
  createdAt: '2030-01-01T10:00:00.000Z',
  expiresAt: '2030-01-01T10:02:00.000Z',
  decidedAt: null,
};

const connection = {
  id: ids.connection,
  kind: 'proximity',
  officerId: ids.officer,
  citizenId: ids.citizen,
  locationVerified: true,
  zip: '10001',
  madeAt: '2030-01-01T10:01:00.000Z',
  meetUntil: '2030-01-01T10:11:00.000Z',
};

const window = { id: ids.window, inPerson: true, virtual: false, startedAt: '2030-01-01T10:00:00.000Z', closesAt: '2030-01-01T10:15:00.000Z' };

/** `value` without `key`: a field the server forgot. */
function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...value };
  delete copy[key];
  return copy;
}

/** A session stand-in that records calls and answers with `body`, run through the call's decoder. */
function fakeApi(body: unknown) {
  const calls: Array<{ method: string; path: string; body?: unknown }> = [];
  const answer = <T>(options?: RequestOptions<T>): T => (options?.decode ? options.decode(body) : (body as T));
  const api: ConnectionsApi = {
    async get<T>(path: string, options?: RequestOptions<T>) {
      calls.push({ method: 'GET', path });
      return answer(options);
    },
    async post<T>(path: string, sent?: unknown, options?: RequestOptions<T>) {
      calls.push({ method: 'POST', path, body: sent });
      return answer(options);
    },
    async send<T>(method: Method, path: string, sent?: unknown, options?: RequestOptions<T>) {
      calls.push({ method, path, body: sent });
      return answer(options);
    },
  };
  return { api, calls };
}

test('nearby officers are read with their band and coarse area; a finer band, a wrong type or a missing area is refused', () => {
  assert.deepEqual(decodeNearby({ officers: [officer] }), { officers: [officer] });
  assert.throws(() => decodeNearby({ officers: [{ ...officer, band: 'within-10m' }] }), TypeError);
  assert.throws(() => decodeNearby({ officers: [{ ...officer, area: { ...officer.area, centre: { lat: 'x', lon: 1 } } }] }), TypeError);
  assert.throws(() => decodeNearby({ officers: [without(officer, 'area')] }), TypeError);
});

test('requests are read in both directions; a virtual request has no band; an unknown status is refused', () => {
  const virtual = { ...request, kind: 'virtual', band: null };
  assert.deepEqual(decodeRequests({ incoming: [request], outgoing: [virtual] }), { incoming: [request], outgoing: [virtual] });
  assert.throws(() => decodeRequests({ incoming: [{ ...request, status: 'maybe' }], outgoing: [] }), TypeError);
  assert.throws(() => decodeRequests({ incoming: [{ ...request, officerId: 'o1' }], outgoing: [] }), TypeError, 'an id that is not one');
  assert.throws(() => decodeRequests({ incoming: [] }), TypeError);
});

test('a page of connections keeps its cursor; an unknown kind or a numeric cursor is refused', () => {
  assert.deepEqual(decodeConnectionPage({ items: [connection], nextCursor: 'abc' }), { items: [connection], nextCursor: 'abc' });
  assert.deepEqual(decodeConnectionPage({ items: [], nextCursor: null }), { items: [], nextCursor: null });
  assert.throws(() => decodeConnectionPage({ items: [{ ...connection, kind: 'telepathy' }], nextCursor: null }), TypeError);
  assert.throws(() => decodeConnectionPage({ items: [connection], nextCursor: 42 }), TypeError);
  assert.throws(() => decodeConnectionPage({ items: [without(connection, 'madeAt')], nextCursor: null }), TypeError);
});

test('settings are checked: a missing or mistyped setting is refused', () => {
  const settings = { radiusM: 1000, maxAccuracyM: 150, windowMinutes: 15, requestTtlSeconds: 120, qrRefreshSeconds: 15, meetMinutes: 10 };
  assert.deepEqual(decodeSettings(settings), settings);
  assert.throws(() => decodeSettings({ ...settings, radiusM: '1000' }), TypeError);
  assert.throws(() => decodeSettings(without(settings, 'maxAccuracyM')), TypeError);
});

test('a QR code needs its token and short code', () => {
  const qr = { token: 't', shortCode: 'ABC123', expiresAt: '2030-01-01T10:00:30Z', refreshAt: '2030-01-01T10:00:15Z' };
  assert.deepEqual(decodeQrCode(qr), qr);
  assert.throws(() => decodeQrCode(without(qr, 'shortCode')), TypeError);
  assert.throws(() => decodeQrCode({ ...qr, expiresAt: 'soon' }), TypeError);
});

test('the location rejection codes are the contract’s', () => {
  assert.ok(locationRejectionCodes.includes('CONNECTIONS_LOCATION_STALE'));
  assert.ok(locationRejectionCodes.includes('CONNECTIONS_NO_OPEN_WINDOW'));
  assert.equal(new Set(locationRejectionCodes).size, locationRejectionCodes.length);
});

test('every answer of the connections routes is checked ahead of time, not interpreted', () => {
  const answers = [contracts.ConnectionSettings, contracts.OpenWindowAnswer, contracts.WindowAnswer, contracts.NearbyAnswer, contracts.VirtualOfficerPage, contracts.RequestAnswer, contracts.PendingRequests, contracts.Accepted, contracts.QrCode, contracts.ConnectionAnswer, contracts.ConnectionPage];
  for (const schema of answers) assert.ok(isPrecompiled(schema), JSON.stringify(schema).slice(0, 80));
});

test('availability calls go to their routes and read the window', async () => {
  const open = fakeApi({ window });
  assert.deepEqual(await getAvailability(open.api), window);
  assert.deepEqual(await startAvailability(open.api, { inPerson: true, virtual: false }), window);
  assert.deepEqual(await extendAvailability(open.api), window);
  assert.deepEqual(
    open.calls.map((call) => [call.method, call.path, call.body]),
    [
      ['GET', '/api/v1/connections/availability', undefined],
      ['POST', '/api/v1/connections/availability', { inPerson: true, virtual: false }],
      ['POST', '/api/v1/connections/availability/extend', undefined],
    ],
  );
  assert.equal(await getAvailability(fakeApi({ window: null }).api), null);
  await assert.rejects(startAvailability(fakeApi({ window: null }).api, { inPerson: true, virtual: true }), TypeError);

  const stop = fakeApi(undefined);
  await stopAvailability(stop.api);
  assert.deepEqual(stop.calls, [{ method: 'DELETE', path: '/api/v1/connections/availability', body: undefined }]);
});

test('asking, accepting and scanning send what the contract says', async () => {
  const ask = fakeApi({ request });
  assert.deepEqual(await askToConnect(ask.api, ids.officer, 'proximity'), request);
  assert.deepEqual(ask.calls[0], { method: 'POST', path: '/api/v1/connections/requests', body: { officerId: ids.officer, kind: 'proximity' } });

  const accept = fakeApi({ request: { ...request, status: 'accepted' }, connection });
  const accepted = await acceptRequest(accept.api, 'r/1');
  assert.equal(accept.calls[0]?.path, '/api/v1/connections/requests/r%2F1/accept');
  assert.equal(accepted.connection.id, ids.connection);

  const scan = fakeApi({ connection: { ...connection, kind: 'qr', meetUntil: null } });
  assert.equal((await scanQrCode(scan.api, { shortCode: 'ABC123' })).kind, 'qr');
  assert.deepEqual(scan.calls[0]?.body, { shortCode: 'ABC123' });
});

test('list calls put their paging and filter in the query string', async () => {
  const virtual = fakeApi({ officers: [{ officerId: ids.officer, precinctId: ids.precinct, precinctName: '5th', zip: null }], nextCursor: 'n' });
  const page = await listVirtualOfficers(virtual.api, { precinctId: 'p1', cursor: 'abc', limit: 20 });
  assert.equal(virtual.calls[0]?.path, '/api/v1/connections/virtual-officers?precinctId=p1&cursor=abc&limit=20');
  assert.equal(page.nextCursor, 'n');

  const history = fakeApi({ items: [], nextCursor: null });
  await listConnections(history.api, { limit: 10 });
  assert.equal(history.calls[0]?.path, '/api/v1/connections?limit=10');
});

test('connections socket messages are parsed and checked like HTTP answers', () => {
  const frame = (message: unknown) => parseServerMessage(JSON.stringify(message));
  assert.deepEqual(frame({ type: 'nearby.entered', officer }), { type: 'nearby.entered', officer });
  assert.deepEqual(frame({ type: 'nearby.left', officerId: ids.officer }), { type: 'nearby.left', officerId: ids.officer });
  assert.deepEqual(frame({ type: 'availability.changed', window: null, reason: 'expired' }), { type: 'availability.changed', window: null, reason: 'expired' });
  assert.deepEqual(frame({ type: 'availability.changed', window }), { type: 'availability.changed', window });
  assert.equal(frame({ type: 'availability.changed', window, reason: 'sideways' }), undefined, 'a reason the contract does not list is refused');
  assert.deepEqual(frame({ type: 'request.updated', request }), { type: 'request.updated', request });
  assert.deepEqual(frame({ type: 'connection.made', connection }), { type: 'connection.made', connection });
  const position = { type: 'meet.position', connectionId: ids.connection, userId: ids.officer, lat: 40.7, lon: -73.9, accuracy: 12, until: connection.meetUntil };
  assert.deepEqual(frame(position), position);
  assert.deepEqual(frame({ type: 'location.rejected', code: 'CONNECTIONS_LOCATION_STALE', message: 'stale' }), {
    type: 'location.rejected',
    code: 'CONNECTIONS_LOCATION_STALE',
    message: 'stale',
  });
  assert.equal(frame({ type: 'nearby.entered', officer: { ...officer, band: 'next-door' } }), undefined, 'a finer band than the contract allows is dropped');
  assert.equal(frame({ ...position, lat: 'here' }), undefined);
  assert.equal(frame({ type: 'request.received' }), undefined, 'a message without its request');
  assert.equal(frame({ type: 'connection.made', connection: { ...connection, kind: 'telepathy' } }), undefined);
});
