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
  getAvailability,
  listConnections,
  listVirtualOfficers,
  scanQrCode,
  startAvailability,
  stopAvailability,
} from './connections.ts';
import type { ConnectionsApi } from './connections.ts';
import type { Method, RequestOptions } from './http.ts';
import { parseServerMessage } from './ws-messages.ts';

const officer = {
  officerId: 'o1',
  precinctName: '5th Precinct',
  band: 'within-500m',
  area: { cell: '882a1072b5fffff', centre: { lat: 40.75, lon: -73.99 }, radiusM: 530 },
  virtual: false,
};

const request = {
  id: 'r1',
  kind: 'proximity',
  status: 'pending',
  citizenId: 'c1',
  officerId: 'o1',
  band: 'within-1km',
  createdAt: '2030-01-01T10:00:00.000Z',
  expiresAt: '2030-01-01T10:02:00.000Z',
  decidedAt: null,
};

const connection = {
  id: 'k1',
  kind: 'proximity',
  officerId: 'o1',
  citizenId: 'c1',
  locationVerified: true,
  zip: '10001',
  madeAt: '2030-01-01T10:01:00.000Z',
  meetUntil: '2030-01-01T10:11:00.000Z',
};

const window = { id: 'w1', inPerson: true, virtual: false, startedAt: '2030-01-01T10:00:00.000Z', closesAt: '2030-01-01T10:15:00.000Z' };

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

test('nearby officers are read with their band and coarse area', () => {
  assert.deepEqual(decodeNearby({ officers: [officer] }), [officer]);
  assert.throws(() => decodeNearby({ officers: [{ ...officer, band: 'within-10m' }] }), TypeError);
  assert.throws(() => decodeNearby({ officers: [{ ...officer, area: { ...officer.area, centre: { lat: 'x', lon: 1 } } }] }), TypeError);
});

test('requests are read in both directions; a virtual request has no band', () => {
  const virtual = { ...request, id: 'r2', kind: 'virtual', band: null };
  assert.deepEqual(decodeRequests({ incoming: [request], outgoing: [virtual] }), { incoming: [request], outgoing: [virtual] });
  assert.throws(() => decodeRequests({ incoming: [{ ...request, status: 'maybe' }], outgoing: [] }), TypeError);
});

test('a page of connections keeps its cursor as text', () => {
  assert.deepEqual(decodeConnectionPage({ items: [connection], nextCursor: 42 }), { items: [connection], nextCursor: '42' });
  assert.deepEqual(decodeConnectionPage({ items: [], nextCursor: null }), { items: [], nextCursor: null });
  assert.throws(() => decodeConnectionPage({ items: [{ ...connection, kind: 'telepathy' }], nextCursor: null }), TypeError);
});

test('settings without tiles draw on a plain background', () => {
  const settings = { radiusM: 1000, maxAccuracyM: 150, windowMinutes: 15, requestTtlSeconds: 120, qrRefreshSeconds: 15, meetMinutes: 10, map: { tileUrl: null, attribution: null } };
  assert.deepEqual(decodeSettings(settings), settings);
  assert.equal(decodeSettings({ ...settings, map: undefined }).map.tileUrl, null);
  assert.throws(() => decodeSettings({ ...settings, radiusM: '1000' }), TypeError);
  assert.equal(decodeSettings({ ...settings, maxAccuracyM: undefined }).maxAccuracyM, 150, 'an older server: its default');
});

test('a QR code needs its token and short code', () => {
  const qr = { token: 't', shortCode: 'ABC123', expiresAt: '2030-01-01T10:00:30Z', refreshAt: '2030-01-01T10:00:15Z' };
  assert.deepEqual(decodeQrCode(qr), qr);
  assert.throws(() => decodeQrCode({ ...qr, shortCode: undefined }), TypeError);
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
  assert.deepEqual(await askToConnect(ask.api, 'o1', 'proximity'), request);
  assert.deepEqual(ask.calls[0], { method: 'POST', path: '/api/v1/connections/requests', body: { officerId: 'o1', kind: 'proximity' } });

  const accept = fakeApi({ request: { ...request, status: 'accepted' }, connection });
  const accepted = await acceptRequest(accept.api, 'r/1');
  assert.equal(accept.calls[0]?.path, '/api/v1/connections/requests/r%2F1/accept');
  assert.equal(accepted.connection.id, 'k1');

  const scan = fakeApi({ connection: { ...connection, kind: 'qr', meetUntil: null } });
  assert.equal((await scanQrCode(scan.api, { shortCode: 'ABC123' })).kind, 'qr');
  assert.deepEqual(scan.calls[0]?.body, { shortCode: 'ABC123' });
});

test('list calls put their paging and filter in the query string', async () => {
  const virtual = fakeApi({ officers: [{ officerId: 'o1', precinctId: 'p1', precinctName: '5th', zip: null }], nextCursor: 'n' });
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
  assert.deepEqual(frame({ type: 'nearby.left', officerId: 'o1' }), { type: 'nearby.left', officerId: 'o1' });
  assert.deepEqual(frame({ type: 'availability.changed', window: null, reason: 'expired' }), { type: 'availability.changed', window: null, reason: 'expired' });
  assert.deepEqual(frame({ type: 'availability.changed', window, reason: 'sideways' }), { type: 'availability.changed', window });
  assert.deepEqual(frame({ type: 'request.updated', request }), { type: 'request.updated', request });
  assert.deepEqual(frame({ type: 'connection.made', connection }), { type: 'connection.made', connection });
  const position = { type: 'meet.position', connectionId: 'k1', userId: 'o1', lat: 40.7, lon: -73.9, accuracy: 12, until: connection.meetUntil };
  assert.deepEqual(frame(position), position);
  assert.deepEqual(frame({ type: 'location.rejected', code: 'CONNECTIONS_LOCATION_STALE', message: 'stale' }), {
    type: 'location.rejected',
    code: 'CONNECTIONS_LOCATION_STALE',
    message: 'stale',
  });
  assert.equal(frame({ type: 'nearby.entered', officer: { ...officer, band: 'next-door' } }), undefined, 'a finer band than the contract allows is dropped');
  assert.equal(frame({ ...position, lat: 'here' }), undefined);
  assert.equal(frame({ type: 'request.received' }), undefined);
});
