// The connections module's published events.
// No event carries coordinates: at most a coarse H3 cell (resolution 7, ~1.2 km edge) and a ZIP code.
import { Type, type Static } from 'typebox';
import { catalogOf, defineEvent } from '../shared/events.ts';

/** How a connection was made: near each other by the server's positions, by scanning a QR code, or online. */
export const ConnectionKind = Type.Union([Type.Literal('proximity'), Type.Literal('qr'), Type.Literal('virtual')]);
export type ConnectionKind = Static<typeof ConnectionKind>;

/** An officer opened an availability window. */
export const AvailabilityStartedV1 = Type.Object({
  windowId: Type.String({ format: 'uuid', description: 'the window' }),
  officerId: Type.String({ format: 'uuid', description: 'the officer' }),
  precinctId: Type.String({ format: 'uuid', description: 'their precinct' }),
  inPerson: Type.Boolean({ description: 'available to meet in person' }),
  virtual: Type.Boolean({ description: 'available for virtual connections' }),
  closesAt: Type.String({ format: 'date-time', description: 'when it closes unless extended' }),
});
export type AvailabilityStartedV1 = Static<typeof AvailabilityStartedV1>;

/** Why a window closed. */
export const WindowEndReason = Type.Union([Type.Literal('stopped'), Type.Literal('expired'), Type.Literal('disconnected')]);
export type WindowEndReason = Static<typeof WindowEndReason>;

/** An availability window closed. */
export const AvailabilityEndedV1 = Type.Object({
  windowId: Type.String({ format: 'uuid', description: 'the window' }),
  officerId: Type.String({ format: 'uuid', description: 'the officer' }),
  reason: WindowEndReason,
  endedAt: Type.String({ format: 'date-time', description: 'when it closed' }),
});
export type AvailabilityEndedV1 = Static<typeof AvailabilityEndedV1>;

/** A citizen asked an officer to connect. */
export const ConnectionRequestedV1 = Type.Object({
  requestId: Type.String({ format: 'uuid', description: 'the request' }),
  citizenId: Type.String({ format: 'uuid', description: 'who asked' }),
  officerId: Type.String({ format: 'uuid', description: 'who was asked' }),
  kind: Type.Union([Type.Literal('proximity'), Type.Literal('virtual')], { description: 'in person nearby, or online' }),
  expiresAt: Type.String({ format: 'date-time', description: 'when it lapses unless answered' }),
});
export type ConnectionRequestedV1 = Static<typeof ConnectionRequestedV1>;

/** An officer and a citizen connected. Rewards award points from this; profiles count it. */
export const ConnectionMadeV1 = Type.Object({
  connectionId: Type.String({ format: 'uuid', description: 'the connection' }),
  officerId: Type.String({ format: 'uuid', description: 'the officer' }),
  citizenId: Type.String({ format: 'uuid', description: 'the citizen' }),
  kind: ConnectionKind,
  locationVerified: Type.Boolean({ description: 'the server’s recent positions put both together (always false for virtual)' }),
  cell: Type.Union([Type.String(), Type.Null()], { description: 'H3 cell at resolution 7 where it happened, when known' }),
  zip: Type.Union([Type.String(), Type.Null()], { description: 'ZIP code of that area, when known' }),
  madeAt: Type.String({ format: 'date-time', description: 'when' }),
});
export type ConnectionMadeV1 = Static<typeof ConnectionMadeV1>;

/** Connections' events. */
export const connectionsEvents = catalogOf(
  defineEvent('connections.availability-started.v1', AvailabilityStartedV1, 'An officer became available (no coordinates).'),
  defineEvent('connections.availability-ended.v1', AvailabilityEndedV1, 'An officer’s availability window closed.'),
  defineEvent('connections.connection-requested.v1', ConnectionRequestedV1, 'A citizen asked an officer to connect.'),
  defineEvent('connections.connection-made.v1', ConnectionMadeV1, 'An officer and a citizen connected (proximity, QR or virtual).'),
);
