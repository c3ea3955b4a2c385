import type { Subscription } from '../../../platform/events/bus.ts';
import { payloadOf } from '../../../platform/events/payload.ts';
import type { BusMessage } from '../../../platform/events/envelope.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { GiftSentV1, PointsAwardedV1, RedemptionFailedV1, VoucherIssuedV1 } from '@heyblue/contracts/rewards';

/** Websocket pushes are just another consumer of rewards' own events: points arriving, a gift, a pending voucher settled. */
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
      consumer: 'rewards.push-gift-sent',
      types: ['rewards.gift-sent.v1'],
      async handle({ envelope }) {
        const p = payloadOf(GiftSentV1, envelope);
        deps.push(p.recipientId, { type: 'gift.received', giftId: p.giftId, points: p.points, senderId: p.senderId, balance: await balance(p.recipientId) });
      },
    },
    {
      consumer: 'rewards.push-voucher-changed',
      types: ['rewards.voucher-issued.v1', 'rewards.redemption-failed.v1'],
      async handle({ envelope }) {
        if (envelope.type === 'rewards.voucher-issued.v1') {
          const p = payloadOf(VoucherIssuedV1, envelope);
          deps.push(p.citizenId, { type: 'voucher.changed', voucherId: p.voucherId, status: 'active', failureReason: null });
          return;
        }
        const p = payloadOf(RedemptionFailedV1, envelope);
        if (p.voucherId) deps.push(p.citizenId, { type: 'voucher.changed', voucherId: p.voucherId, status: 'failed', failureReason: p.reason, balance: await balance(p.citizenId) });
      },
    },
  ];
}
