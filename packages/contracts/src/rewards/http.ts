// The rewards module's HTTP shapes for citizens and officers: the wallet, the catalogue (offers,
// schemes, causes) and what moves points (redeeming, cancelling, donating, gifting). Partners' and
// admins' shapes are in partner-http.ts and admin-http.ts.
import { Type, type Static, type TLiteral, type TUnion } from 'typebox';
import { Nullable, PageOf, PageQuery, Time, Uuid } from '../shared/http.ts';

/** The values of a union of string literals, for pickers and filters. */
export function literalsOf<const V extends string>(union: TUnion<TLiteral<V>[]>): readonly V[] {
  return union.anyOf.map((literal) => literal.const);
}

const Points = (description?: string) => Type.Integer(description ? { description } : {});

/** What the person's side is in rewards. */
export const RewardsRole = Type.Union([Type.Literal('citizen'), Type.Literal('officer')]);
export type RewardsRole = Static<typeof RewardsRole>;

/** What an offer is: a retailer's offer or a municipality's scheme. */
export const OfferKind = Type.Union([Type.Literal('offer'), Type.Literal('scheme')]);
export type OfferKind = Static<typeof OfferKind>;

/** An offer's state: on sale, held back for a while, or withdrawn for good. */
export const OfferStatus = Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('archived')]);
export type OfferStatus = Static<typeof OfferStatus>;

/** Where a voucher stands (an active voucher past its date reads expired). */
export const VoucherStatus = Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('used'), Type.Literal('cancelled'), Type.Literal('failed'), Type.Literal('expired')]);
export type VoucherStatus = Static<typeof VoucherStatus>;

/** A charity's cause, or a family in need the charity vouches for. */
export const CauseKind = Type.Union([Type.Literal('cause'), Type.Literal('family')]);
export type CauseKind = Static<typeof CauseKind>;

/** What a line of the wallet's history was. */
export const MovementKind = Type.Union([
  Type.Literal('award'), Type.Literal('redemption'), Type.Literal('refund'), Type.Literal('donation'), Type.Literal('gift-sent'), Type.Literal('gift-received'), Type.Literal('adjustment'),
]);
export type MovementKind = Static<typeof MovementKind>;

/** `GET /rewards/wallet`: balance, what the person may do, and today's giving against its caps. */
export const Wallet = Type.Object({
  balance: Points(),
  pointValueCents: Type.Integer({ description: 'what a point is worth (settled with partners; never shown to citizens)' }),
  role: RewardsRole,
  canRedeem: Type.Boolean({ description: 'officers do not redeem' }),
  canGift: Type.Boolean({ description: 'officers, and citizens where an admin enabled citizens’ gifts' }),
  giftDailyCap: Points(),
  giftedToday: Points(),
  donationDailyCap: Points(),
  donatedToday: Points(),
});
export type Wallet = Static<typeof Wallet>;

/** The wallet, as `GET /rewards/wallet` answers it. */
export const WalletAnswer = Type.Object({ wallet: Wallet });
export type WalletAnswer = Static<typeof WalletAnswer>;

/** One line of the wallet's history; `points` is signed. */
export const Movement = Type.Object({
  id: Uuid('the transfer'),
  at: Time(),
  kind: MovementKind,
  points: Type.Integer({ description: 'signed: negative when points left the wallet' }),
  title: Type.String({ description: 'the rule’s name, the offer’s or cause’s title, or "Gift"' }),
  ruleId: Nullable(Uuid('the rule that paid an award')),
  ruleVersion: Nullable(Type.Integer({ description: 'the version of that rule in force' })),
  voucherId: Nullable(Uuid('the voucher of a redemption or refund')),
  counterpartId: Nullable(Uuid('the other person of a gift')),
  message: Nullable(Type.String({ description: 'a gift’s message' })),
});
export type Movement = Static<typeof Movement>;

/** `GET /rewards/wallet/history`. */
export const MovementPage = PageOf(Movement);
export type MovementPage = Static<typeof MovementPage>;

/** `GET /rewards/wallet/statement`: which month (YYYY-MM, in the deployment's time zone). */
export const StatementQuery = Type.Object({ month: Type.String({ maxLength: 7, description: 'YYYY-MM' }) });
export type StatementQuery = Static<typeof StatementQuery>;

/** Where an offer can be used. */
export const OfferLocation = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
}, { additionalProperties: false });
export type OfferLocation = Static<typeof OfferLocation>;

/**
 * What an offer is for: a fixed list (the app shows it as chips and says it in each language). A
 * municipality's fees and fines paid in points are `civic-fees`; anything else that fits none is `other`.
 */
export const OfferCategory = Type.Union([
  Type.Literal('food-drink'), Type.Literal('groceries'), Type.Literal('shopping'), Type.Literal('culture-leisure'), Type.Literal('sport-fitness'),
  Type.Literal('transport'), Type.Literal('services'), Type.Literal('civic-fees'), Type.Literal('health-wellbeing'), Type.Literal('other'),
], { description: 'one of a fixed list of categories' });
export type OfferCategory = Static<typeof OfferCategory>;

/** Every offer category, in the order the app shows them. */
export const offerCategories = literalsOf(OfferCategory);

/** An offer's or cause's picture (a 16:10 WebP); the `v` parameter changes with it, so it may be cached. */
const ImageUrl = Nullable(Type.String({ description: 'the picture (800×500 WebP); null without one; the `v` parameter changes with it, so it may be cached' }));

/** A picture's version in its URL (`?v=`), only to bust caches. */
export const ImageQuery = Type.Object({ v: Type.Optional(Type.String({ maxLength: 20, description: 'the picture version, only to bust caches' })) });
export type ImageQuery = Static<typeof ImageQuery>;

/** The fields every view of an offer has. */
export const offerFields = {
  id: Uuid('the offer'),
  organisationId: Uuid('the retailer or municipality'),
  organisationName: Type.String(),
  kind: OfferKind,
  title: Type.String(),
  description: Type.String(),
  category: OfferCategory,
  imageUrl: ImageUrl,
  pricePoints: Points('what a voucher costs'),
  stockLeft: Type.Integer({ description: 'vouchers left to issue' }),
  perUserLimit: Nullable(Type.Integer({ description: 'vouchers one person may hold' })),
  startsAt: Time(),
  endsAt: Nullable(Time()),
  locations: Type.Array(OfferLocation),
  voucherValidDays: Type.Integer(),
  external: Type.Boolean({ description: 'an issuer endpoint issues the real code: a redemption is pending first' }),
  status: OfferStatus,
};

/** A retailer's offer or a municipality's scheme, as the catalogue shows it. */
export const Offer = Type.Object({ ...offerFields, distanceKm: Nullable(Type.Number({ description: 'set when searched with `near`' })) });
export type Offer = Static<typeof Offer>;

/** `GET /rewards/offers`: by text, category, kind and price; nearest first with near=lat,lon (within radiusKm when given). */
export const OfferSearchQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 100 })),
  category: Type.Optional(OfferCategory),
  kind: Type.Optional(OfferKind),
  maxPoints: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'only offers that cost at most this many points' })),
  near: Type.Optional(Type.String({ maxLength: 60, description: 'lat,lon in degrees; then nearest first by the nearest of each offer’s places, offers without a place last' })),
  radiusKm: Type.Optional(Type.Number({ minimum: 0.1, maximum: 500, description: 'with near: only offers with a place this close' })),
});
export type OfferSearchQuery = Static<typeof OfferSearchQuery>;

/** A page of offers. */
export const OfferPage = PageOf(Offer);
export type OfferPage = Static<typeof OfferPage>;

/** `GET /rewards/offers/:offerId`. */
export const OfferAnswer = Type.Object({ offer: Offer });
export type OfferAnswer = Static<typeof OfferAnswer>;

/** Which offer. */
export const OfferParams = Type.Object({ offerId: Uuid() });
export type OfferParams = Static<typeof OfferParams>;

/** `GET /rewards/offers/categories`: the categories open offers are in, in the list's order. */
export const CategoriesAnswer = Type.Object({ items: Type.Array(OfferCategory) });
export type CategoriesAnswer = Static<typeof CategoriesAnswer>;

/** A voucher as its holder sees it. */
export const Voucher = Type.Object({
  id: Uuid('the voucher'),
  offerId: Uuid('what it is for'),
  offerTitle: Type.String(),
  organisationName: Type.String(),
  status: VoucherStatus,
  points: Points('what it cost'),
  code: Nullable(Type.String({ description: 'the QR payload; null while pending or after failure' })),
  shortCode: Nullable(Type.String({ description: 'XXXXX-XXXXX, typed at the till when the camera cannot scan' })),
  externalCode: Nullable(Type.String({ description: 'the code an external issuer gave' })),
  validUntil: Time(),
  issuedAt: Time(),
  usedAt: Nullable(Time()),
  cancelledAt: Nullable(Time()),
  failureReason: Nullable(Type.String({ description: 'an error code when the status is failed' })),
});
export type Voucher = Static<typeof Voucher>;

/** A page of the caller's vouchers. */
export const VoucherPage = PageOf(Voucher);
export type VoucherPage = Static<typeof VoucherPage>;

/** `GET /rewards/vouchers/:voucherId`. */
export const VoucherAnswer = Type.Object({ voucher: Voucher });
export type VoucherAnswer = Static<typeof VoucherAnswer>;

/** Which voucher. */
export const VoucherParams = Type.Object({ voucherId: Uuid() });
export type VoucherParams = Static<typeof VoucherParams>;

/** Redeeming and cancelling: the voucher and the balance after it. */
export const VoucherWithBalance = Type.Object({ voucher: Voucher, balance: Points('the balance after it') });
export type VoucherWithBalance = Static<typeof VoucherWithBalance>;

/** Every points-moving request carries a fresh key; the same key replays the first outcome. */
export const IdempotencyHeaders = Type.Object({
  // Optional here so a missing key gets rewards' own error code (REWARDS_IDEMPOTENCY_KEY_REQUIRED), which says how to send one.
  'idempotency-key': Type.Optional(Type.String({ description: 'Required: a fresh key per user action (8–100 of A-Za-z0-9_-); the same key replays the first outcome' })),
});
export type IdempotencyHeaders = Static<typeof IdempotencyHeaders>;

/** A charity's cause, or a family it vouches for. */
export const Cause = Type.Object({
  id: Uuid('the cause'),
  organisationId: Uuid('the charity'),
  organisationName: Type.String(),
  kind: CauseKind,
  title: Type.String(),
  description: Type.String(),
  imageUrl: ImageUrl,
  goalPoints: Nullable(Points()),
  receivedPoints: Points(),
  active: Type.Boolean(),
});
export type Cause = Static<typeof Cause>;

/** `GET /rewards/causes`: active causes by text. */
export const CauseSearchQuery = Type.Object({ ...PageQuery.properties, q: Type.Optional(Type.String({ maxLength: 100 })) });
export type CauseSearchQuery = Static<typeof CauseSearchQuery>;

/** A page of causes. */
export const CausePage = PageOf(Cause);
export type CausePage = Static<typeof CausePage>;

/** Which cause. */
export const CauseParams = Type.Object({ causeId: Uuid() });
export type CauseParams = Static<typeof CauseParams>;

/** `POST /rewards/causes/:causeId/donations`: how many points. */
export const DonationInput = Type.Object({ points: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }, { additionalProperties: false });
export type DonationInput = Static<typeof DonationInput>;

/** A donation the caller made. */
export const Donation = Type.Object({ id: Uuid('the donation'), causeId: Uuid('the cause'), points: Points(), at: Time() });
export type Donation = Static<typeof Donation>;

/** What a donation answers: it, and the balance after it. */
export const DonationWithBalance = Type.Object({ donation: Donation, balance: Points('the balance after it') });
export type DonationWithBalance = Static<typeof DonationWithBalance>;

/** `GET /rewards/colleagues`: the other verified officers of the caller's precinct, each with what their public profile shows. */
export const ColleaguesAnswer = Type.Object({
  items: Type.Array(Type.Object({
    accountId: Uuid('a colleague'),
    displayName: Type.Optional(Type.String({ description: 'their public name; absent when they hide it' })),
    avatarUrl: Type.Optional(Type.String({ description: 'their public picture; absent when hidden or none' })),
  })),
});
export type ColleaguesAnswer = Static<typeof ColleaguesAnswer>;

/** `POST /rewards/gifts`: points to a colleague (or a citizen, where enabled). */
export const GiftInput = Type.Object({
  recipientId: Uuid('who receives them'),
  points: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  message: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
}, { additionalProperties: false });
export type GiftInput = Static<typeof GiftInput>;

/** A gift the caller sent. */
export const Gift = Type.Object({ id: Uuid('the gift'), recipientId: Uuid(), points: Points(), message: Nullable(Type.String()), at: Time() });
export type Gift = Static<typeof Gift>;

/** What a gift answers: it, and the balance after it. */
export const GiftWithBalance = Type.Object({ gift: Gift, balance: Points('the balance after it') });
export type GiftWithBalance = Static<typeof GiftWithBalance>;
