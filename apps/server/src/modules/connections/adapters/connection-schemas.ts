// The HTTP shapes of connections (TypeBox: validation, serialization and OpenAPI in one).
import { Type } from 'typebox';

const Id = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Band = Type.Union([Type.Literal('within-500m'), Type.Literal('within-1km')], { description: 'distance from the officer’s area, no finer than the snapping' });

export const WindowBody = Type.Object({ id: Id, inPerson: Type.Boolean(), virtual: Type.Boolean(), startedAt: Time, closesAt: Time }, { additionalProperties: false });

export const NearbyOfficerBody = Type.Object({
  officerId: Id,
  precinctName: Type.String(),
  band: Band,
  area: Type.Object({
    cell: Type.String({ description: 'H3 cell (resolution 8) the officer is in' }),
    centre: Type.Object({ lat: Type.Number(), lon: Type.Number() }, { description: 'the cell’s centre — not the officer’s position' }),
    radiusM: Type.Integer({ description: 'draw the area as a circle this wide around the centre' }),
  }),
  virtual: Type.Boolean({ description: 'also available for a virtual connection' }),
}, { additionalProperties: false });

export const RequestBody = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal('proximity'), Type.Literal('virtual')]),
  status: Type.Union(['pending', 'accepted', 'declined', 'expired', 'cancelled'].map((s) => Type.Literal(s))),
  citizenId: Id,
  officerId: Id,
  band: Type.Union([Band, Type.Null()]),
  createdAt: Time,
  expiresAt: Time,
  decidedAt: Type.Union([Time, Type.Null()]),
}, { additionalProperties: false });

export const ConnectionBody = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal('proximity'), Type.Literal('qr'), Type.Literal('virtual')]),
  officerId: Id,
  citizenId: Id,
  locationVerified: Type.Boolean(),
  zip: Type.Union([Type.String(), Type.Null()]),
  madeAt: Time,
  meetUntil: Type.Union([Time, Type.Null()], { description: 'proximity connections: until when each sees the other’s position' }),
}, { additionalProperties: false });

export const VirtualOfficerBody = Type.Object({ officerId: Id, precinctId: Id, precinctName: Type.String(), zip: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false });

export const QrBody = Type.Object({
  token: Type.String({ description: 'encode this in the QR code' }),
  shortCode: Type.String({ description: 'show this under it, for typing (8 characters)' }),
  expiresAt: Time,
  refreshAt: Time,
}, { additionalProperties: false });

export const FraudFlagBody = Type.Object({
  id: Id,
  accountId: Id,
  kind: Type.Union([Type.Literal('impossible-travel'), Type.Literal('teleport')]),
  speedKmh: Type.Integer(),
  distanceKm: Type.Number(),
  flaggedAt: Time,
}, { additionalProperties: false });

export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const RequestIdParams = Type.Object({ requestId: Id });
