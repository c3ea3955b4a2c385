// The connections module's HTTP shapes: every request part and JSON answer of its routes.
// A citizen is never told an officer's coordinates: at most a distance band and a coarse area.
import { Type, type Static } from 'typebox';
import { Nullable, PageOf, PageQuery, Time, Uuid } from '../shared/http.ts';
import { ConnectionKind } from './events.ts';

/** How far an officer's area is, no finer than the snapping: the only distance a citizen is told. */
export const Band = Type.Union([Type.Literal('within-500m'), Type.Literal('within-1km')], { description: 'distance from the officer’s area, no finer than the snapping' });
export type Band = Static<typeof Band>;

/** What a citizen asks for: to meet nearby in person, or online. */
export const RequestKind = Type.Union([Type.Literal('proximity'), Type.Literal('virtual')], { description: 'in person nearby, or online' });
export type RequestKind = Static<typeof RequestKind>;

/** Where a request stands. */
export const RequestStatus = Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('declined'), Type.Literal('expired'), Type.Literal('cancelled')]);
export type RequestStatus = Static<typeof RequestStatus>;

/** What kind of implausible movement a fraud flag records. */
export const FraudFlagKind = Type.Union([Type.Literal('impossible-travel'), Type.Literal('teleport')]);
export type FraudFlagKind = Static<typeof FraudFlagKind>;

/** An officer's time of being findable, in person and/or virtually. */
export const AvailabilityWindow = Type.Object({
  id: Uuid('the window'),
  inPerson: Type.Boolean({ description: 'findable by citizens nearby' }),
  virtual: Type.Boolean({ description: 'takes virtual requests' }),
  startedAt: Time(),
  closesAt: Time('the window closes by itself then unless extended'),
});
export type AvailabilityWindow = Static<typeof AvailabilityWindow>;

/** `GET /connections/availability`: the officer's open window, or null. */
export const OpenWindowAnswer = Type.Object({ window: Nullable(AvailabilityWindow) });
export type OpenWindowAnswer = Static<typeof OpenWindowAnswer>;

/** `POST /connections/availability` and `…/extend`: the window as it now is. */
export const WindowAnswer = Type.Object({ window: AvailabilityWindow });
export type WindowAnswer = Static<typeof WindowAnswer>;

/** `POST /connections/availability`: how the officer may be met (at least one). */
export const AvailabilityModes = Type.Object({
  inPerson: Type.Boolean({ description: 'citizens nearby may ask to meet in person' }),
  virtual: Type.Boolean({ description: 'anyone may ask for a virtual connection' }),
}, { additionalProperties: false });
export type AvailabilityModes = Static<typeof AvailabilityModes>;

/** An officer's coarse area: an H3 cell, drawn as a circle of `radiusM` around its centre. */
export const Area = Type.Object({
  cell: Type.String({ description: 'H3 cell (resolution 8) the officer is in' }),
  centre: Type.Object({ lat: Type.Number(), lon: Type.Number() }, { description: 'the cell’s centre — not the officer’s position' }),
  radiusM: Type.Integer({ description: 'draw the area as a circle this wide around the centre' }),
});
export type Area = Static<typeof Area>;

/** An available officer near the citizen: a precinct, a band and a coarse area, never coordinates. */
export const NearbyOfficer = Type.Object({
  officerId: Uuid('the officer'),
  precinctName: Type.String(),
  band: Band,
  area: Area,
  virtual: Type.Boolean({ description: 'also available for a virtual connection' }),
});
export type NearbyOfficer = Static<typeof NearbyOfficer>;

/** `GET /connections/nearby`: the officers the socket last said are near. */
export const NearbyAnswer = Type.Object({ officers: Type.Array(NearbyOfficer) });
export type NearbyAnswer = Static<typeof NearbyAnswer>;

/** `GET /connections/settings`: what the app needs to know. */
export const ConnectionSettings = Type.Object({
  radiusM: Type.Integer({ description: 'how near an officer’s area must be to be told' }),
  maxAccuracyM: Type.Integer({ description: 'fixes less accurate than this are ignored' }),
  windowMinutes: Type.Integer({ description: 'length of an availability window' }),
  requestTtlSeconds: Type.Integer({ description: 'a request lapses unless answered within this' }),
  qrRefreshSeconds: Type.Integer({ description: 'ask for a new code this often' }),
  meetMinutes: Type.Integer({ description: 'after a proximity connection, each sees the other this long' }),
});
export type ConnectionSettings = Static<typeof ConnectionSettings>;

/** `GET /connections/virtual-officers`: a page, optionally of one precinct. */
export const VirtualOfficersQuery = Type.Intersect([PageQuery, Type.Object({ precinctId: Type.Optional(Uuid('only this precinct’s officers')) })]);
export type VirtualOfficersQuery = Static<typeof VirtualOfficersQuery>;

/** An officer who takes virtual requests now. */
export const VirtualOfficer = Type.Object({
  officerId: Uuid('the officer'),
  precinctId: Uuid('their precinct'),
  precinctName: Type.String(),
  zip: Nullable(Type.String({ description: 'ZIP code of their coarse area, when known' })),
});
export type VirtualOfficer = Static<typeof VirtualOfficer>;

/** `GET /connections/virtual-officers`: a page of officers, newest window first. */
export const VirtualOfficerPage = Type.Object({ officers: Type.Array(VirtualOfficer), nextCursor: Nullable(Type.String()) });
export type VirtualOfficerPage = Static<typeof VirtualOfficerPage>;

/** `POST /connections/qr`: a short-lived code to show, as a QR of `token` and as `shortCode` to type. */
export const QrCode = Type.Object({
  token: Type.String({ description: 'encode this in the QR code' }),
  shortCode: Type.String({ description: 'show this under it, for typing (8 characters)' }),
  expiresAt: Time('no longer accepted after this'),
  refreshAt: Time('ask for a new one then'),
});
export type QrCode = Static<typeof QrCode>;

/** `POST /connections/qr/scan`: the scanned token, or the short code typed in (exactly one). */
export const QrScan = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 1000, description: 'what the QR code holds' })),
  shortCode: Type.Optional(Type.String({ maxLength: 20, description: 'the characters under it' })),
}, { additionalProperties: false });
export type QrScan = Static<typeof QrScan>;

/** A citizen's ask to connect with an officer. */
export const ConnectionRequest = Type.Object({
  id: Uuid('the request'),
  kind: RequestKind,
  status: RequestStatus,
  citizenId: Uuid('who asked'),
  officerId: Uuid('who was asked'),
  band: Nullable(Band),
  createdAt: Time(),
  expiresAt: Time('it lapses then unless answered'),
  decidedAt: Nullable(Time('when it was accepted, declined, cancelled or expired')),
});
export type ConnectionRequest = Static<typeof ConnectionRequest>;

/** `POST /connections/requests`: whom to ask, and how to meet. */
export const AskToConnect = Type.Object({ officerId: Uuid('the available officer'), kind: RequestKind }, { additionalProperties: false });
export type AskToConnect = Static<typeof AskToConnect>;

/** The request a route created or changed. */
export const RequestAnswer = Type.Object({ request: ConnectionRequest });
export type RequestAnswer = Static<typeof RequestAnswer>;

/** `GET /connections/requests`: pending requests to me (officers) and from me (citizens). */
export const PendingRequests = Type.Object({ incoming: Type.Array(ConnectionRequest), outgoing: Type.Array(ConnectionRequest) });
export type PendingRequests = Static<typeof PendingRequests>;

/** The request a route answers. */
export const RequestIdParams = Type.Object({ requestId: Uuid('the request') });
export type RequestIdParams = Static<typeof RequestIdParams>;

/** A made meeting: never coordinates, at most a ZIP code. */
export const Connection = Type.Object({
  id: Uuid('the connection'),
  kind: ConnectionKind,
  officerId: Uuid('the officer'),
  citizenId: Uuid('the citizen'),
  locationVerified: Type.Boolean({ description: 'the server’s recent positions put both together' }),
  zip: Nullable(Type.String()),
  madeAt: Time(),
  meetUntil: Nullable(Time('proximity connections: until when each sees the other’s position')),
});
export type Connection = Static<typeof Connection>;

/** `POST /connections/qr/scan`: the connection made. */
export const ConnectionAnswer = Type.Object({ connection: Connection });
export type ConnectionAnswer = Static<typeof ConnectionAnswer>;

/** `POST /connections/requests/:requestId/accept`: the accepted request and the connection made. */
export const Accepted = Type.Object({ request: ConnectionRequest, connection: Connection });
export type Accepted = Static<typeof Accepted>;

/** `GET /connections`: a page of my connections, newest first. */
export const ConnectionPage = PageOf(Connection);
export type ConnectionPage = Static<typeof ConnectionPage>;

/** An implausible location jump (admins). */
export const FraudFlag = Type.Object({
  id: Uuid('the flag'),
  accountId: Uuid('whose fixes jumped'),
  kind: FraudFlagKind,
  speedKmh: Type.Integer({ description: 'the speed the jump implies' }),
  distanceKm: Type.Number({ description: 'how far it jumped' }),
  flaggedAt: Time(),
});
export type FraudFlag = Static<typeof FraudFlag>;

/** `GET /connections/fraud-flags`: a page of flags, newest first. */
export const FraudFlagPage = PageOf(FraudFlag);
export type FraudFlagPage = Static<typeof FraudFlagPage>;
