// The rewards module's websocket messages: pushes to a person when points arrive, a gift is received
// or a pending voucher settles. Rewards receives no websocket messages.
import { Type, type Static } from 'typebox';
import { Nullable, Uuid } from '../shared/http.ts';
import { UnpaidReason } from './events.ts';
import { VoucherStatus } from './http.ts';

const Balance = Type.Integer({ description: 'the wallet’s balance after it' });

/** Points arrived: what a rule paid for a connection, and the balance after it. */
export const PointsAwardedMessage = Type.Object({
  type: Type.Literal('points.awarded'),
  points: Type.Integer({ minimum: 1 }),
  ruleName: Type.String({ description: 'the rule’s name at the version that paid' }),
  ruleId: Uuid('the rule'),
  ruleVersion: Type.Integer({ minimum: 1 }),
  connectionId: Uuid('the connection that earned them'),
  balance: Balance,
});
export type PointsAwardedMessage = Static<typeof PointsAwardedMessage>;

/** A connection of mine paid me nothing, and why (so the screen says so before anyone asks). */
export const PointsUnpaidMessage = Type.Object({
  type: Type.Literal('points.unpaid'),
  connectionId: Uuid('the connection'),
  reason: UnpaidReason,
});
export type PointsUnpaidMessage = Static<typeof PointsUnpaidMessage>;

/** Someone gave me points. */
export const GiftReceivedMessage = Type.Object({
  type: Type.Literal('gift.received'),
  giftId: Uuid('the gift'),
  points: Type.Integer({ minimum: 1 }),
  senderId: Uuid('who gave them'),
  balance: Balance,
});
export type GiftReceivedMessage = Static<typeof GiftReceivedMessage>;

/** A pending voucher became active or failed; a failed one gave its points back (the balance after it). */
export const VoucherChangedMessage = Type.Object({
  type: Type.Literal('voucher.changed'),
  voucherId: Uuid('the voucher'),
  status: VoucherStatus,
  failureReason: Nullable(Type.String({ description: 'an error code when the status is failed' })),
  balance: Type.Optional(Balance),
});
export type VoucherChangedMessage = Static<typeof VoucherChangedMessage>;

/** Every message rewards sends, by type. */
export const rewardsServerMessages = {
  'points.awarded': PointsAwardedMessage,
  'points.unpaid': PointsUnpaidMessage,
  'gift.received': GiftReceivedMessage,
  'voucher.changed': VoucherChangedMessage,
} as const;

/** Any message rewards pushes to a person. */
export type RewardsServerMessage = Static<(typeof rewardsServerMessages)[keyof typeof rewardsServerMessages]>;

/** What clients send to rewards: nothing (the record is here so every module's look alike). */
export const rewardsClientMessages = {} as const;
