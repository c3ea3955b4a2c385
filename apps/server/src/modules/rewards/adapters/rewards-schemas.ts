import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });

/** Paging query of every list. */
export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

/** An offer location. */
export const Location = Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }), lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false });

/** An offer as answered. */
export const OfferBody = Type.Object({
  id: Type.String(), organisationId: Type.String(), organisationName: Type.String(), kind: Type.String(), title: Type.String(), description: Type.String(), category: Type.String(),
  pricePoints: Type.Integer(), stockLeft: Type.Integer(), perUserLimit: Nullable(Type.Integer()), startsAt: Iso, endsAt: Nullable(Iso), locations: Type.Array(Location),
  voucherValidDays: Type.Integer(), external: Type.Boolean(), status: Type.String(), distanceKm: Nullable(Type.Number()),
  issuerUrl: Type.Optional(Nullable(Type.String())), issuerSecret: Type.Optional(Nullable(Type.String())),
});

/** What a partner writes about an offer. */
export const OfferInputBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 120 }), description: Type.String({ maxLength: 2000 }), category: Type.String({ minLength: 1, maxLength: 40 }),
  pricePoints: Type.Integer({ minimum: 1, maximum: 1_000_000 }), stock: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  perUserLimit: Nullable(Type.Integer({ minimum: 1, maximum: 1000 })), startsAt: Type.Optional(Nullable(Iso)), endsAt: Nullable(Iso),
  locations: Type.Array(Location, { maxItems: 50 }), voucherValidDays: Type.Integer({ minimum: 1, maximum: 366 }),
  issuerUrl: Type.Optional(Nullable(Type.String({ maxLength: 500 }))), status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('archived')])),
}, { additionalProperties: false });

/** A voucher as its holder sees it. */
export const VoucherBody = Type.Object({
  id: Type.String(), offerId: Type.String(), offerTitle: Type.String(), organisationName: Type.String(), status: Type.String(), points: Type.Integer(),
  code: Nullable(Type.String()), shortCode: Nullable(Type.String()), externalCode: Nullable(Type.String()), validUntil: Iso, issuedAt: Iso,
  usedAt: Nullable(Iso), cancelledAt: Nullable(Iso), failureReason: Nullable(Type.String()),
});

/** A voucher as the till sees it. */
export const TillVoucherBody = Type.Object({
  id: Type.String(), offerId: Type.String(), offerTitle: Type.String(), points: Type.Integer(), status: Type.String(), validUntil: Iso, issuedAt: Iso,
  usedAt: Nullable(Iso), externalCode: Nullable(Type.String()),
});

/** A cause as answered. */
export const CauseBody = Type.Object({
  id: Type.String(), organisationId: Type.String(), organisationName: Type.String(), kind: Type.String(), title: Type.String(), description: Type.String(),
  goalPoints: Nullable(Type.Integer()), receivedPoints: Type.Integer(), active: Type.Boolean(),
});

/** What a charity writes about a cause. */
export const CauseInputBody = Type.Object({
  kind: Type.Union([Type.Literal('cause'), Type.Literal('family')]), title: Type.String({ minLength: 1, maxLength: 120 }), description: Type.String({ maxLength: 2000 }),
  goalPoints: Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 })), active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

const Kind = Type.Union([Type.Literal('proximity'), Type.Literal('qr'), Type.Literal('virtual')]);
const Points = Type.Integer({ minimum: 0, maximum: 10_000 });
const Cap = Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 }));

/** An earning rule's definition. */
export const RuleDefinitionBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  active: Type.Boolean(),
  kinds: Type.Array(Kind, { minItems: 1, maxItems: 3, uniqueItems: true }),
  locationVerified: Type.Union([Type.Literal('any'), Type.Literal('verified'), Type.Literal('unverified')]),
  points: Type.Object({ citizen: Points, officer: Points }, { additionalProperties: false }),
  timeWindow: Nullable(Type.Object({ days: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { minItems: 1, maxItems: 7, uniqueItems: true }), from: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), to: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }) }, { additionalProperties: false })),
  area: Nullable(Type.Object({ cells: Type.Array(Type.String({ pattern: '^[0-9a-f]{15}$' }), { maxItems: 5000 }), zips: Type.Array(Type.String({ pattern: '^[0-9]{5}$' }), { maxItems: 5000 }) }, { additionalProperties: false })),
  bonus: Type.Union([Type.Literal('none'), Type.Literal('first-ever'), Type.Literal('first-with-this-officer')]),
  caps: Type.Object({ perPairPerDay: Cap, perUserPerDay: Cap, budget: Cap }, { additionalProperties: false }),
}, { additionalProperties: false });

/** A rule as answered. */
export const RuleBody = Type.Intersect([RuleDefinitionBody, Type.Object({ id: Type.String(), version: Type.Integer(), spentPoints: Type.Integer(), updatedAt: Iso })]);

/** Deployment-wide rewards settings. */
export const SettingsBody = Type.Object({
  citizenGiftsEnabled: Type.Boolean(), giftDailyCap: Type.Integer({ minimum: 0, maximum: 1_000_000 }), donationDailyCap: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  pointValueCents: Type.Integer({ minimum: 0, maximum: 100_000 }),
}, { additionalProperties: false });

/** A line of a person's history. */
export const MovementBody = Type.Object({
  id: Type.String(), at: Iso, kind: Type.String(), points: Type.Integer(), title: Type.String(), ruleId: Nullable(Type.String()), ruleVersion: Nullable(Type.Integer()),
  voucherId: Nullable(Type.String()), counterpartId: Nullable(Type.String()), message: Nullable(Type.String()),
});

/** A list page. */
export const PageOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
