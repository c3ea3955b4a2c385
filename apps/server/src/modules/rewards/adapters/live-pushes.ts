import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Subscription } from '../../../platform/events/bus.ts';
import type { EventEnvelope } from '../../../platform/events/envelope.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { GiftSentV1, PointsAwardedV1, RedemptionFailedV1, VoucherIssuedV1 } from '@heyblue/contracts/rewards';

function payloadOf<S extends TSchema>(schema: S, envelope: EventEnvelope): Static<S> {
  if (!Value.Check(schema, envelope.payload)) throw new Error(`${envelope.type} ${envelope.id}: payload does not match its schema`);
  return envelope.payload;
}

/** Websocket pushes are just another consumer of rewards' own events: points arriving, a gift, a pending voucher settled. */
export function livePushes(deps: RewardsDeps): Subscription[] {
  const balance = (accountId: string) => deps.ledger.balanceOf(deps.db, 'person', accountId);
  return [
    {
      consumer: 'rewards.push-points-awarded',
      types: ['rewards.points-awarded.v1'],
      async handle({ envelope }) {
        const p = payloadOf(PointsAwardedV1, envelope);
        deps.push(p.recipientId, { type: 'points.awarded', points: p.points, ruleName: p.ruleName, ruleId: p.ruleId, ruleVersion: p.ruleVersion, connectionId: p.connectionId, balance: await balance(p.recipientId) });
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
