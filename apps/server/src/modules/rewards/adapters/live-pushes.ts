import type { Subscription } from '../../../platform/events/bus.ts';
import { payloadOf } from '../../../platform/events/payload.ts';
import type { BusMessage } from '../../../platform/events/envelope.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { ConnectionUnpaidV1, GiftSentV1, PointsAwardedV1, RedemptionFailedV1, VoucherCancelledV1, VoucherIssuedV1, VoucherUsedV1 } from '@heyblue/contracts/rewards';

/** Websocket pushes are just another consumer of rewards' own events: points arriving (or not, and why), a gift, a voucher settled, used or cancelled. */
export function livePushes(deps: RewardsDeps): Subscription[] {
  const balance = (accountId: string) => deps.ledger.balanceOf(deps.db, 'person', accountId);
  // A batch of awards reads its recipients' balances in one query, not one per award (a burst of connections pays thousands).
  const pushAwards = async (messages: readonly BusMessage[]): Promise<void> => {
    const awards = messages.map(({ envelope }) => payloadOf(PointsAwardedV1, envelope));
    const balances = await deps.ledger.balancesOf(deps.db, 'person', [...new Set(awards.map((a) => a.recipientId))]);
    for (const p of awards) {
      deps.push(p.recipientId, { type: 'points.awarded', points: p.points, ruleName: p.ruleName, ruleId: p.ruleId, ruleVersion: p.ruleVersion, connectionId: p.connectionId, balance: balances.get(p.recipientId) ?? 0 });
    }
  };
  return [
    {
      consumer: 'rewards.push-points-awarded',
      types: ['rewards.points-awarded.v1'],
      handle: (message) => pushAwards([message]),
      handleBatch: pushAwards,
    },
    {
      consumer: 'rewards.push-connection-unpaid',
      types: ['rewards.connection-unpaid.v1'],
      async handle({ envelope }) {
        const p = payloadOf(ConnectionUnpaidV1, envelope);
        deps.push(p.recipientId, { type: 'points.unpaid', connectionId: p.connectionId, reason: p.reason });
      },
    },
    {
      consumer: 'rewards.push-gift-sent',
      types: ['rewards.gift-sent.v1'],
      async handle({ envelope }) {
        const p = payloadOf(GiftSentV1, envelope);
        deps.push(p.recipientId, { type: 'gift.received', giftId: p.giftId, points: p.points, senderId: p.senderId, balance: await balance(p.recipientId) });
      },
    },
    {
      consumer: 'rewards.push-voucher-changed',
      // The voucher on the citizen's screen follows the till: used, cancelled (here or elsewhere), or the issuer's outcome.
      types: ['rewards.voucher-issued.v1', 'rewards.redemption-failed.v1', 'rewards.voucher-used.v1', 'rewards.voucher-cancelled.v1'],
      async handle({ envelope }) {
        if (envelope.type === 'rewards.voucher-issued.v1') {
          const p = payloadOf(VoucherIssuedV1, envelope);
          deps.push(p.citizenId, { type: 'voucher.changed', voucherId: p.voucherId, status: 'active', failureReason: null });
          return;
        }
        if (envelope.type === 'rewards.voucher-used.v1') {
          const p = payloadOf(VoucherUsedV1, envelope);
          deps.push(p.citizenId, { type: 'voucher.changed', voucherId: p.voucherId, status: 'used', failureReason: null });
          return;
        }
        if (envelope.type === 'rewards.voucher-cancelled.v1') {
          const p = payloadOf(VoucherCancelledV1, envelope);
          deps.push(p.citizenId, { type: 'voucher.changed', voucherId: p.voucherId, status: 'cancelled', failureReason: null, balance: await balance(p.citizenId) });
          return;
        }
        const p = payloadOf(RedemptionFailedV1, envelope);
        if (p.voucherId) deps.push(p.citizenId, { type: 'voucher.changed', voucherId: p.voucherId, status: 'failed', failureReason: p.reason, balance: await balance(p.citizenId) });
      },
    },
  ];
}
