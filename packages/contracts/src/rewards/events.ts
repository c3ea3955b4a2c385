// The rewards module's published events.
import { Type, type Static } from 'typebox';
import { catalogOf, defineEvent } from '../shared/events.ts';

const Uuid = (description: string) => Type.String({ format: 'uuid', description });

/** Points arrived in someone's wallet because an earning rule matched a connection. */
export const PointsAwardedV1 = Type.Object({
  awardId: Uuid('the award (one per source event, recipient and rule)'),
  recipientId: Uuid('who received the points'),
  role: Type.Union([Type.Literal('citizen'), Type.Literal('officer')], { description: 'the recipient’s side of the connection' }),
  points: Type.Integer({ minimum: 1, description: 'points paid (after caps)' }),
  ruleId: Uuid('the rule that granted them'),
  ruleVersion: Type.Integer({ minimum: 1, description: 'the version of that rule in force' }),
  ruleName: Type.String({ description: 'the rule’s name at that version' }),
  connectionId: Uuid('the connection that earned them'),
  capped: Type.Boolean({ description: 'a cap cut the award below the rule’s points' }),
});
export type PointsAwardedV1 = Static<typeof PointsAwardedV1>;

/** Why a connection paid a party nothing although a rule would have paid it. */
export const UnpaidReason = Type.Union([
  Type.Literal('pair-paid-today', { description: 'this pair was already paid today: one paid connection per pair per day' }),
  Type.Literal('daily-limit-reached', { description: 'the party reached the most a rule pays a person in a day' }),
  Type.Literal('budget-spent', { description: 'the rule’s budget is spent' }),
]);
export type UnpaidReason = Static<typeof UnpaidReason>;

/** A connection was made but paid a party nothing, because caps had cut every rule that applied to zero. */
export const ConnectionUnpaidV1 = Type.Object({
  connectionId: Uuid('the connection'),
  recipientId: Uuid('the party paid nothing'),
  role: Type.Union([Type.Literal('citizen'), Type.Literal('officer')], { description: 'the party’s side of the connection' }),
  reason: UnpaidReason,
});
export type ConnectionUnpaidV1 = Static<typeof ConnectionUnpaidV1>;

/** A citizen redeemed an offer and holds a voucher (for an external issuer: once the issuer gave its code). */
export const VoucherIssuedV1 = Type.Object({
  voucherId: Uuid('the voucher'),
  offerId: Uuid('what it is for'),
  organisationId: Uuid('the retailer or municipality that honours it'),
  citizenId: Uuid('who holds it'),
  points: Type.Integer({ minimum: 1, description: 'points paid' }),
  validUntil: Type.String({ format: 'date-time', description: 'last moment it can be used' }),
});
export type VoucherIssuedV1 = Static<typeof VoucherIssuedV1>;

/** A till marked a voucher used (exactly once). */
export const VoucherUsedV1 = Type.Object({
  voucherId: Uuid('the voucher'),
  offerId: Uuid('what it was for'),
  organisationId: Uuid('the organisation whose till used it'),
  citizenId: Uuid('who held it'),
  points: Type.Integer({ minimum: 1, description: 'points it cost' }),
});
export type VoucherUsedV1 = Static<typeof VoucherUsedV1>;

/** A citizen cancelled an unused voucher: points and stock went back. */
export const VoucherCancelledV1 = Type.Object({
  voucherId: Uuid('the voucher'),
  offerId: Uuid('what it was for'),
  organisationId: Uuid('the organisation'),
  citizenId: Uuid('who held it'),
  points: Type.Integer({ minimum: 1, description: 'points refunded' }),
});
export type VoucherCancelledV1 = Static<typeof VoucherCancelledV1>;

/** A redemption did not produce a voucher (sold out, not enough points, issuer rejected or unreachable). */
export const RedemptionFailedV1 = Type.Object({
  offerId: Uuid('the offer'),
  citizenId: Uuid('who tried'),
  voucherId: Type.Union([Uuid('the pending voucher that was compensated'), Type.Null()], { description: 'the pending voucher, for an external issuer; null when nothing was held' }),
  reason: Type.String({ description: 'the error code (e.g. REWARDS_SOLD_OUT, REWARDS_ISSUER_REJECTED)' }),
  refundedPoints: Type.Integer({ minimum: 0, description: 'points given back (0 when none were taken)' }),
});
export type RedemptionFailedV1 = Static<typeof RedemptionFailedV1>;

/** Someone donated points to a charity's cause. */
export const DonationMadeV1 = Type.Object({
  donationId: Uuid('the donation'),
  donorId: Uuid('who gave'),
  causeId: Uuid('the cause'),
  organisationId: Uuid('the charity that received the points'),
  points: Type.Integer({ minimum: 1, description: 'points given' }),
});
export type DonationMadeV1 = Static<typeof DonationMadeV1>;

/** An officer gave points to a colleague (or a citizen to a citizen, where enabled). The message stays in the ledger. */
export const GiftSentV1 = Type.Object({
  giftId: Uuid('the gift'),
  senderId: Uuid('who gave'),
  recipientId: Uuid('who received'),
  points: Type.Integer({ minimum: 1, description: 'points given' }),
});
export type GiftSentV1 = Static<typeof GiftSentV1>;

/** Rewards' events. */
export const rewardsEvents = catalogOf(
  defineEvent('rewards.points-awarded.v1', PointsAwardedV1, 'An earning rule paid points for a connection.'),
  defineEvent('rewards.connection-unpaid.v1', ConnectionUnpaidV1, 'A connection paid a party nothing: the caps of every rule that applied were reached.'),
  defineEvent('rewards.voucher-issued.v1', VoucherIssuedV1, 'A redemption produced a usable voucher.'),
  defineEvent('rewards.voucher-used.v1', VoucherUsedV1, 'A till marked a voucher used.'),
  defineEvent('rewards.voucher-cancelled.v1', VoucherCancelledV1, 'A citizen cancelled an unused voucher and got the points back.'),
  defineEvent('rewards.redemption-failed.v1', RedemptionFailedV1, 'A redemption produced no voucher; anything held went back.'),
  defineEvent('rewards.donation-made.v1', DonationMadeV1, 'Points were donated to a cause.'),
  defineEvent('rewards.gift-sent.v1', GiftSentV1, 'Points were gifted to a colleague.'),
);
