import { randomUUID } from 'node:crypto';
import type { EventCatalog } from '../../../platform/events/event-catalog.ts';
import type { EventSink } from '../../../platform/events/unit-of-work.ts';
import type { ConnectionKind, ConnectionMadeMessage } from '@heyblue/contracts/connections';
import { assertPairBelowDailyLimit, MEET_MS } from '../domain/request-rules.ts';
import type { ConnectionsDeps } from './connections-deps.ts';
import type { ConnectionRecord, Tx } from './ports.ts';
import { presentConnection } from './views.ts';

const DAY_MS = 24 * 60 * 60_000;

/** What a new connection is made of; `place` is a coarse point (a cell centre) or a position, reduced here to a resolution-7 cell and a ZIP. */
export interface NewConnection {
  readonly kind: ConnectionKind;
  readonly officerId: string;
  readonly citizenId: string;
  readonly requestId: string | null;
  readonly qrNonce: string | null;
  readonly locationVerified: boolean;
  readonly place: { readonly lat: number; readonly lon: number } | undefined;
  /** How many connections the pair may have in a rolling day (asked of rewards before the transaction). */
  readonly pairLimit: number;
}

/** Records a connection and announces it, under the pair's lock and its daily cap. */
export async function makeConnection(deps: ConnectionsDeps, tx: Tx, events: EventSink<EventCatalog>, made: NewConnection): Promise<ConnectionRecord> {
  await deps.store.lockPair(tx, made.officerId, made.citizenId);
  const now = deps.clock.now();
  assertPairBelowDailyLimit(await deps.store.pairConnectionsSince(tx, made.officerId, made.citizenId, new Date(now.getTime() - DAY_MS)), made.pairLimit);
  const connection: ConnectionRecord = {
    id: randomUUID(),
    kind: made.kind,
    officerId: made.officerId,
    citizenId: made.citizenId,
    requestId: made.requestId,
    qrNonce: made.qrNonce,
    locationVerified: made.locationVerified,
    cell: made.place ? deps.coarseCell(made.place.lat, made.place.lon) : null,
    zip: made.place ? deps.zipOf(made.place.lat, made.place.lon) : null,
    madeAt: now,
  };
  await deps.store.insertConnection(tx, connection);
  events.emit('connections.connection-made.v1', {
    connectionId: connection.id,
    officerId: connection.officerId,
    citizenId: connection.citizenId,
    kind: connection.kind,
    locationVerified: connection.locationVerified,
    cell: connection.cell,
    zip: connection.zip,
    madeAt: now.toISOString(),
  });
  return connection;
}

/** After commit: both phones celebrate; after a proximity connection each sees the other's position for a while. */
export function celebrate(deps: ConnectionsDeps, connection: ConnectionRecord): void {
  const meetUntil = connection.kind === 'proximity' ? new Date(connection.madeAt.getTime() + MEET_MS) : null;
  if (meetUntil) deps.hub.startMeet(connection.id, connection.officerId, connection.citizenId, meetUntil.getTime());
  const message: ConnectionMadeMessage = { type: 'connection.made', connection: presentConnection(connection, deps.clock.now()) };
  deps.push(connection.officerId, message);
  deps.push(connection.citizenId, message);
}
