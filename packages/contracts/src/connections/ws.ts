// The connections module's websocket messages: what the server pushes on `/ws` and what the app sends.
// As on HTTP, a citizen is told a band and a coarse area; exact positions go only to the two people
// of a proximity connection, during its meet period.
import { Type, type Static } from 'typebox';
import { Nullable, Time, Uuid } from '../shared/http.ts';
import { WindowEndReason } from './events.ts';
import { AvailabilityWindow, Connection, ConnectionRequest, NearbyOfficer } from './http.ts';

/** Why a location fix was not used (codes of the module's error list). */
export const LocationRejectionCode = Type.Union([
  Type.Literal('CONNECTIONS_LOCATION_INVALID'),
  Type.Literal('CONNECTIONS_LOCATION_STALE'),
  Type.Literal('CONNECTIONS_LOCATION_TOO_FREQUENT'),
  Type.Literal('CONNECTIONS_LOCATION_INACCURATE'),
  Type.Literal('CONNECTIONS_LOCATION_FLAGGED'),
  Type.Literal('CONNECTIONS_NO_OPEN_WINDOW'),
]);
export type LocationRejectionCode = Static<typeof LocationRejectionCode>;

/** A location fix was not used; `code` says why. */
export const LocationRejectedMessage = Type.Object({
  type: Type.Literal('location.rejected'),
  code: LocationRejectionCode,
  message: Type.String({ description: 'a sentence for developers; apps show their own words per code' }),
});
export type LocationRejectedMessage = Static<typeof LocationRejectedMessage>;

/** An available officer came within the radius. */
export const NearbyEnteredMessage = Type.Object({ type: Type.Literal('nearby.entered'), officer: NearbyOfficer });
export type NearbyEnteredMessage = Static<typeof NearbyEnteredMessage>;

/** A nearby officer's band, area or modes changed. */
export const NearbyChangedMessage = Type.Object({ type: Type.Literal('nearby.changed'), officer: NearbyOfficer });
export type NearbyChangedMessage = Static<typeof NearbyChangedMessage>;

/** An officer is no longer near (moved away or no longer available). */
export const NearbyLeftMessage = Type.Object({ type: Type.Literal('nearby.left'), officerId: Uuid('the officer') });
export type NearbyLeftMessage = Static<typeof NearbyLeftMessage>;

/** During a proximity connection's meet period: the other party's live position. */
export const MeetPositionMessage = Type.Object({
  type: Type.Literal('meet.position'),
  connectionId: Uuid('the connection'),
  userId: Uuid('whose position this is'),
  lat: Type.Number(),
  lon: Type.Number(),
  accuracy: Type.Number({ description: 'metres' }),
  until: Time('the meet period ends then'),
});
export type MeetPositionMessage = Static<typeof MeetPositionMessage>;

/** To the officer: their own window opened, changed or closed (and why it closed). */
export const AvailabilityChangedMessage = Type.Object({
  type: Type.Literal('availability.changed'),
  window: Nullable(AvailabilityWindow),
  reason: Type.Optional(WindowEndReason),
});
export type AvailabilityChangedMessage = Static<typeof AvailabilityChangedMessage>;

/** To the officer: a citizen asks to connect. */
export const RequestReceivedMessage = Type.Object({ type: Type.Literal('request.received'), request: ConnectionRequest });
export type RequestReceivedMessage = Static<typeof RequestReceivedMessage>;

/** To both: a request was accepted, declined, cancelled or expired. */
export const RequestUpdatedMessage = Type.Object({ type: Type.Literal('request.updated'), request: ConnectionRequest });
export type RequestUpdatedMessage = Static<typeof RequestUpdatedMessage>;

/** To both: a connection was made. */
export const ConnectionMadeMessage = Type.Object({ type: Type.Literal('connection.made'), connection: Connection });
export type ConnectionMadeMessage = Static<typeof ConnectionMadeMessage>;

/** Every message connections sends, by type. */
export const connectionsServerMessages = {
  'location.rejected': LocationRejectedMessage,
  'nearby.entered': NearbyEnteredMessage,
  'nearby.changed': NearbyChangedMessage,
  'nearby.left': NearbyLeftMessage,
  'meet.position': MeetPositionMessage,
  'availability.changed': AvailabilityChangedMessage,
  'request.received': RequestReceivedMessage,
  'request.updated': RequestUpdatedMessage,
  'connection.made': ConnectionMadeMessage,
} as const;

/** Any message connections sends. */
export type ConnectionsServerMessage = Static<(typeof connectionsServerMessages)[keyof typeof connectionsServerMessages]>;

/** A message connections pushes to a person (everything but the reply to a refused fix). */
export type ConnectionsPush = Exclude<ConnectionsServerMessage, LocationRejectedMessage>;

/**
 * A location fix, at most one a second. The server judges the numbers itself (ranges, age,
 * accuracy) and answers `location.rejected` with a code, so the shape asks only for numbers.
 */
export const LocationMessage = Type.Object({
  type: Type.Literal('location'),
  lat: Type.Number({ description: 'degrees, -90..90' }),
  lon: Type.Number({ description: 'degrees, -180..180' }),
  accuracy: Type.Number({ description: 'metres; fixes less accurate than the settings’ maxAccuracyM are not used' }),
  at: Type.Number({ description: 'when the fix was taken, epoch milliseconds' }),
});
export type LocationMessage = Static<typeof LocationMessage>;

/** The app stops sharing its location (an officer's position stays until their window closes). */
export const LocationStopMessage = Type.Object({ type: Type.Literal('location.stop') });
export type LocationStopMessage = Static<typeof LocationStopMessage>;

/** Every message an app may send to connections, by type. */
export const connectionsClientMessages = {
  location: LocationMessage,
  'location.stop': LocationStopMessage,
} as const;

/** Any message an app may send to connections. */
export type ConnectionsClientMessage = Static<(typeof connectionsClientMessages)[keyof typeof connectionsClientMessages]>;
