// The rewards module's HTTP shapes for the partner dashboard: an organisation's offers, its till,
// its causes, the donations it received and its points' balance.
import { Type, type Static } from 'typebox';
import { Nullable, PageOf, Time, Uuid } from '../shared/http.ts';
import { Cause, CauseKind, OfferCategory, OfferLocation, OfferStatus, VoucherStatus, offerFields } from './http.ts';

/** What kind of organisation rewards knows. */
export const RewardsOrganisationType = Type.Union([Type.Literal('retailer'), Type.Literal('charity'), Type.Literal('municipality'), Type.Literal('precinct')]);
export type RewardsOrganisationType = Static<typeof RewardsOrganisationType>;

/** Which organisation. */
export const OrganisationParams = Type.Object({ orgId: Uuid() });
export type OrganisationParams = Static<typeof OrganisationParams>;

/** Which offer of which organisation. */
export const OrganisationOfferParams = Type.Object({ orgId: Uuid(), offerId: Uuid() });
export type OrganisationOfferParams = Static<typeof OrganisationOfferParams>;

/** Which cause of which charity. */
export const OrganisationCauseParams = Type.Object({ orgId: Uuid(), causeId: Uuid() });
export type OrganisationCauseParams = Static<typeof OrganisationCauseParams>;

/** A charity's monthly statement: which month (YYYY-MM). */
export const CharityStatementParams = Type.Object({ orgId: Uuid(), month: Type.String({ maxLength: 7, description: 'YYYY-MM' }) });
export type CharityStatementParams = Static<typeof CharityStatementParams>;

/** `GET /rewards/organisations/:orgId/summary`: the organisation's points balance and the points' money rate. */
export const OrganisationSummary = Type.Object({
  organisationId: Uuid('the organisation'),
  name: Type.String(),
  type: RewardsOrganisationType,
  balance: Type.Integer({ description: 'points the organisation holds' }),
  pointValueCents: Type.Integer({ description: 'what a point is worth' }),
});
export type OrganisationSummary = Static<typeof OrganisationSummary>;

/** An offer as its organisation sees it (never searched by distance). */
export const PartnerOffer = Type.Object({
  ...offerFields,
  issuerUrl: Nullable(Type.String({ description: 'the issuer endpoint, for the organisation’s members; null without one' })),
  issuerSecret: Nullable(Type.String({ description: 'the key the issuer checks each request’s X-HeyBlue-Signature with (owners and admins only; null for staff and without an issuer)' })),
});
export type PartnerOffer = Static<typeof PartnerOffer>;

/** A page of the organisation's offers, every status. */
export const PartnerOfferPage = PageOf(PartnerOffer);
export type PartnerOfferPage = Static<typeof PartnerOfferPage>;

/** Creating and changing an offer answer it. */
export const PartnerOfferAnswer = Type.Object({ offer: PartnerOffer });
export type PartnerOfferAnswer = Static<typeof PartnerOfferAnswer>;

const When = Type.String({ format: 'date-time' });

/** What a partner writes about an offer (a municipality's is a scheme). */
export const OfferInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.String({ maxLength: 2000 }),
  category: OfferCategory,
  pricePoints: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  stock: Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'vouchers to issue; on a change, what is left' }),
  perUserLimit: Nullable(Type.Integer({ minimum: 1, maximum: 1000 })),
  startsAt: Type.Optional(Nullable(When)),
  endsAt: Nullable(When),
  locations: Type.Array(OfferLocation, { maxItems: 50 }),
  voucherValidDays: Type.Integer({ minimum: 1, maximum: 366 }),
  issuerUrl: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'an external issuer’s endpoint; null goes back to Hey Blue! vouchers' }))),
  status: Type.Optional(OfferStatus),
}, { additionalProperties: false });
export type OfferInput = Static<typeof OfferInput>;

/** What changing an offer sends: any field of the input. */
export const OfferPatch = Type.Partial(OfferInput);
export type OfferPatch = Static<typeof OfferPatch>;

/** A voucher as the till sees it: what it is for, never who holds it. */
export const TillVoucher = Type.Object({
  id: Uuid('the voucher'),
  offerId: Uuid('what it is for'),
  offerTitle: Type.String(),
  points: Type.Integer(),
  status: VoucherStatus,
  validUntil: Time(),
  issuedAt: Time(),
  usedAt: Nullable(Time()),
  externalCode: Nullable(Type.String()),
});
export type TillVoucher = Static<typeof TillVoucher>;

/** A page of the vouchers issued for the organisation's offers. */
export const TillVoucherPage = PageOf(TillVoucher);
export type TillVoucherPage = Static<typeof TillVoucherPage>;

/** Checking and using a voucher answer it. */
export const TillVoucherAnswer = Type.Object({ voucher: TillVoucher });
export type TillVoucherAnswer = Static<typeof TillVoucherAnswer>;

/** A voucher's code as the till got it: the scanned QR payload or the typed short code. */
export const VoucherCodeInput = Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type VoucherCodeInput = Static<typeof VoucherCodeInput>;

/** What a charity writes about a cause. */
export const CauseInput = Type.Object({
  kind: CauseKind,
  title: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.String({ maxLength: 2000 }),
  goalPoints: Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type CauseInput = Static<typeof CauseInput>;

/** What changing a cause sends: any field of the input. */
export const CausePatch = Type.Partial(CauseInput);
export type CausePatch = Static<typeof CausePatch>;

/** Creating and changing a cause answer it. */
export const CauseAnswer = Type.Object({ cause: Cause });
export type CauseAnswer = Static<typeof CauseAnswer>;

/** One donation a charity received (donors stay anonymous). */
export const ReceivedDonation = Type.Object({ id: Uuid('the donation'), causeId: Uuid('the cause'), causeTitle: Type.String(), points: Type.Integer(), at: Time() });
export type ReceivedDonation = Static<typeof ReceivedDonation>;

/** A page of the donations a charity received, newest first. */
export const ReceivedDonationPage = PageOf(ReceivedDonation);
export type ReceivedDonationPage = Static<typeof ReceivedDonationPage>;
