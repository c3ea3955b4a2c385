import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection, ConnectionRequest, NearbyOfficer } from '../../api/connections.ts';
import type { ServerMessage } from '../../api/ws-messages.ts';
import { initialConnectionsState, pendingRequestTo, reduceConnections } from './connections-state.ts';
import type { ConnectionsAction, ConnectionsState } from './connections-state.ts';

const officer: NearbyOfficer = {
  officerId: 'o1',
  precinctName: '5th Precinct',
  band: 'within-1km',
  area: { cell: 'c1', centre: { lat: 40.75, lon: -73.99 }, radiusM: 530 },
  virtual: false,
};

function request(status: ConnectionRequest['status'], overrides: Partial<ConnectionRequest> = {}): ConnectionRequest {
  return {
    id: 'r1',
    kind: 'proximity',
    status,
    citizenId: 'citizen',
    officerId: 'o1',
    band: 'within-1km',
    createdAt: '2030-01-01T10:00:00Z',
    expiresAt: '2030-01-01T10:02:00Z',
    decidedAt: null,
    ...overrides,
  };
}

const connection: Connection = {
  id: 'k1',
  kind: 'proximity',
  officerId: 'o1',
  citizenId: 'citizen',
  locationVerified: true,
  zip: null,
  madeAt: '2030-01-01T10:01:00Z',
  meetUntil: '2030-01-01T10:11:00Z',
};

const message = (m: ServerMessage): ConnectionsAction => ({ type: 'message', message: m });

function run(me: string, ...actions: ConnectionsAction[]): ConnectionsState {
  return actions.reduce(reduceConnections, initialConnectionsState(me));
}

test('officers enter, change band and leave the nearby list; arrivals and departures are announced', () => {
  const entered = run('citizen', message({ type: 'nearby.entered', officer }));
  assert.deepEqual(entered.nearby, [officer]);
  assert.deepEqual(entered.announcement?.what, { kind: 'officer-near', officer });

  const closer = { ...officer, band: 'within-500m' as const };
  const changed = reduceConnections(entered, message({ type: 'nearby.changed', officer: closer }));
  assert.deepEqual(changed.nearby, [closer]);
  assert.equal(changed.announcement, entered.announcement, 'a band change is shown, not announced');

  const left = reduceConnections(changed, message({ type: 'nearby.left', officerId: 'o1' }));
  assert.deepEqual(left.nearby, []);
  assert.deepEqual(left.announcement?.what, { kind: 'officer-left' });
  assert.ok((left.announcement?.id ?? 0) > (entered.announcement?.id ?? 0));

  assert.equal(reduceConnections(left, message({ type: 'nearby.left', officerId: 'o1' })), left, 'an unknown officer leaving changes nothing');
});

test('an officer told twice that they entered is listed once and announced once', () => {
  const state = run('citizen', message({ type: 'nearby.entered', officer }), message({ type: 'nearby.entered', officer }));
  assert.equal(state.nearby.length, 1);
  assert.equal(state.announcement?.id, 1);
});

test('an officer the socket says entered stays listed when an answer read before that arrives empty (the race that wiped the list)', () => {
  const state = run(
    'citizen',
    { type: 'nearby-requested', request: 1 },
    message({ type: 'nearby.entered', officer }),
    { type: 'nearby-loaded', request: 1, officers: [] },
  );
  assert.deepEqual(state.nearby, [officer]);
  assert.deepEqual(state.announcement?.what, { kind: 'officer-near', officer }, 'what was announced is what is listed');
  assert.equal(state.nearbySync, null, 'nothing more is waited for');
});

test('the socket messages that follow a nearby request are put on top of its answer, in order', () => {
  const other: NearbyOfficer = { ...officer, officerId: 'o2' };
  const third: NearbyOfficer = { ...officer, officerId: 'o3' };
  const closer = { ...officer, band: 'within-500m' as const };
  const state = run(
    'citizen',
    { type: 'nearby-requested', request: 1 },
    message({ type: 'nearby.left', officerId: 'o2' }),
    message({ type: 'nearby.changed', officer: closer }),
    message({ type: 'nearby.entered', officer: third }),
    message({ type: 'nearby.left', officerId: 'o3' }),
    { type: 'nearby-loaded', request: 1, officers: [officer, other] },
  );
  assert.deepEqual(state.nearby, [closer], 'o2 left after the answer was read, o1 came closer, o3 came and went');
});

test('without socket news the answer is the list; stopping sharing while it is on its way still empties the list', () => {
  assert.deepEqual(run('citizen', { type: 'nearby-requested', request: 1 }, { type: 'nearby-loaded', request: 1, officers: [officer] }).nearby, [officer]);
  const stopped = run('citizen', { type: 'nearby-requested', request: 1 }, { type: 'location-stopped' }, { type: 'nearby-loaded', request: 1, officers: [officer] });
  assert.deepEqual(stopped.nearby, []);
});

test("an older request's answer is dropped once a newer one is on its way, and a failed request stops the waiting", () => {
  const waiting = run('citizen', { type: 'nearby-requested', request: 1 }, { type: 'nearby-requested', request: 2 }, message({ type: 'nearby.entered', officer }));
  const stale = reduceConnections(waiting, { type: 'nearby-loaded', request: 1, officers: [] });
  assert.equal(stale, waiting, 'the older answer changes nothing');
  assert.deepEqual(reduceConnections(waiting, { type: 'nearby-loaded', request: 2, officers: [] }).nearby, [officer]);
  const failed = reduceConnections(waiting, { type: 'nearby-abandoned', request: 2 });
  assert.equal(failed.nearbySync, null);
  assert.deepEqual(failed.nearby, [officer]);
  assert.equal(reduceConnections(failed, message({ type: 'nearby.changed', officer })).nearbySync, null, 'no changes are kept with nothing on its way');
});

test("the citizen's request goes from waiting to its outcome and stays until dismissed", () => {
  const asked = run('citizen', { type: 'request-changed', request: request('pending') });
  assert.equal(pendingRequestTo(asked, 'o1')?.id, 'r1');
  const declined = reduceConnections(asked, message({ type: 'request.updated', request: request('declined') }));
  assert.equal(pendingRequestTo(declined, 'o1'), undefined);
  assert.equal(declined.outgoing[0]?.status, 'declined');
  assert.deepEqual(reduceConnections(declined, { type: 'request-dismissed', id: 'r1' }).outgoing, []);
});

test('reloading the pending requests keeps decided ones on screen', () => {
  const state = run(
    'citizen',
    { type: 'request-changed', request: request('expired') },
    { type: 'requests-loaded', incoming: [], outgoing: [request('pending', { id: 'r2' })] },
  );
  assert.deepEqual(
    state.outgoing.map((r) => [r.id, r.status]),
    [
      ['r2', 'pending'],
      ['r1', 'expired'],
    ],
  );
});

test('the officer sees requests arrive and leave; a cancelled one is announced', () => {
  const received = run('o1', message({ type: 'request.received', request: request('pending') }));
  assert.equal(received.incoming.length, 1);
  assert.equal(received.announcement?.what.kind, 'request-received');
  const cancelled = reduceConnections(received, message({ type: 'request.updated', request: request('cancelled') }));
  assert.deepEqual(cancelled.incoming, []);
  assert.equal(cancelled.announcement?.what.kind, 'request-ended');
  const accepted = reduceConnections(received, { type: 'request-changed', request: request('accepted') });
  assert.deepEqual(accepted.incoming, []);
  assert.equal(accepted.announcement?.what.kind, 'request-received', 'accepting is not announced as an ending');
});

test('a connection is celebrated once, though both the socket and the HTTP answer tell it', () => {
  const made = run('o1', { type: 'connection-made', connection }, message({ type: 'connection.made', connection }));
  assert.equal(made.celebration?.id, 'k1');
  const dismissed = reduceConnections(made, { type: 'celebration-dismissed' });
  const again = reduceConnections(dismissed, message({ type: 'connection.made', connection }));
  assert.equal(again.celebration, null);
  assert.equal(again.meeting?.id, 'k1');
});

test('during the meet period the other party position is kept for that connection only', () => {
  const position = { connectionId: 'k1', userId: 'citizen', lat: 40.7, lon: -73.9, accuracy: 8, until: '2030-01-01T10:11:00Z' };
  const state = run('o1', { type: 'connection-made', connection }, message({ type: 'meet.position', ...position }));
  assert.deepEqual(state.meetPosition, position);
  const other = reduceConnections(state, message({ type: 'meet.position', ...position, connectionId: 'k9', lat: 0 }));
  assert.deepEqual(other.meetPosition, position);
  const qr = reduceConnections(state, { type: 'connection-made', connection: { ...connection, id: 'k2', kind: 'qr', meetUntil: null } });
  assert.equal(qr.meeting?.id, 'k1', 'a connection without a meet period leaves the meeting alone');
});

test('the window opens and closes with the reason the server gives', () => {
  const window = { id: 'w1', inPerson: true, virtual: false, startedAt: '2030-01-01T10:00:00Z', closesAt: '2030-01-01T10:15:00Z' };
  const open = run('o1', message({ type: 'availability.changed', window }));
  assert.deepEqual(open.window, window);
  const expired = reduceConnections(open, message({ type: 'availability.changed', window: null, reason: 'expired' }));
  assert.equal(expired.window, null);
  assert.equal(expired.closedReason, 'expired');
  const reopened = reduceConnections(expired, { type: 'window-loaded', window });
  assert.equal(reopened.closedReason, null);
  assert.equal(reduceConnections(reopened, { type: 'window-stopped' }).closedReason, 'stopped');
});

test('a rejected fix is kept until cleared, and stopping sharing forgets who was near', () => {
  const rejected = run('citizen', message({ type: 'nearby.entered', officer }), message({ type: 'location.rejected', code: 'CONNECTIONS_LOCATION_INACCURATE', message: 'x' }));
  assert.equal(rejected.rejection?.code, 'CONNECTIONS_LOCATION_INACCURATE');
  assert.equal(reduceConnections(rejected, { type: 'rejection-cleared' }).rejection, null);
  const stopped = reduceConnections(rejected, { type: 'location-stopped' });
  assert.deepEqual(stopped.nearby, []);
  assert.equal(stopped.rejection, null);
});

test('a window gone after a dropped connection is explained: expired past its time, else closed on the disconnect', () => {
  const window = { id: 'w1', inPerson: true, virtual: false, startedAt: '2030-01-01T10:00:00Z', closesAt: '2030-01-01T10:15:00Z' };
  const open = run('o1', { type: 'window-loaded', window });
  const dropped = reduceConnections(open, { type: 'window-loaded', window: null, now: Date.parse('2030-01-01T10:05:00Z') });
  assert.equal(dropped.closedReason, 'disconnected');
  const late = reduceConnections(open, { type: 'window-loaded', window: null, now: Date.parse('2030-01-01T10:20:00Z') });
  assert.equal(late.closedReason, 'expired');
  assert.equal(reduceConnections(initialConnectionsState('o1'), { type: 'window-loaded', window: null, now: 0 }).closedReason, null, 'no window, nothing to explain');
});
