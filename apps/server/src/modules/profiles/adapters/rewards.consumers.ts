import type { Subscription } from '../../../platform/events/bus.ts';
import { payloadOf } from '../../../platform/events/payload.ts';
import type { EventEnvelope } from '../../../platform/events/envelope.ts';
import { deadLetterRecorder, idempotentBatch } from '../../../platform/events/inbox.ts';
import { DonationMadeV1, PointsAwardedV1, VoucherCancelledV1, VoucherIssuedV1 } from '@heyblue/contracts/rewards';
import type { ProfilesDeps } from '../application/profiles-deps.ts';
import { noChange, type CounterChange } from '../domain/counters.ts';

/**
 * The read model's points: earned from connections (awards), spent on offers (a voucher issued; a cancelled
 * one gives it back) and donated to causes. Gifts between colleagues are neither earned nor spent here.
 */
export function rewardsConsumers(deps: ProfilesDeps): Subscription[] {
  const consumer = 'profiles.on-rewards';
  // A batch is summed per person first: one update per profile, however many events it holds.
  const apply = idempotentBatch(deps.db, consumer, async (envelopes, tx) => deps.store.addToCounters(tx, envelopes.flatMap(changeOf)));
  return [
    {
      consumer,
      types: ['rewards.points-awarded.v1', 'rewards.voucher-issued.v1', 'rewards.voucher-cancelled.v1', 'rewards.donation-made.v1'],
      handle: (message) => apply([message]),
      handleBatch: apply,
      onGiveUp: deadLetterRecorder(deps.db, consumer),
    },
  ];
}

/** What an event of rewards adds to a person's counters. */
function changeOf(envelope: EventEnvelope): CounterChange[] {
  switch (envelope.type) {
    case 'rewards.points-awarded.v1': {
      const p = payloadOf(PointsAwardedV1, envelope);
      return [{ ...noChange(p.recipientId), pointsEarned: p.points }];
    }
    case 'rewards.voucher-issued.v1': {
      const p = payloadOf(VoucherIssuedV1, envelope);
      return [{ ...noChange(p.citizenId), pointsSpent: p.points }];
    }
    case 'rewards.voucher-cancelled.v1': {
      const p = payloadOf(VoucherCancelledV1, envelope);
      return [{ ...noChange(p.citizenId), pointsSpent: -p.points }];
    }
    case 'rewards.donation-made.v1': {
      const p = payloadOf(DonationMadeV1, envelope);
      return [{ ...noChange(p.donorId), pointsDonated: p.points }];
    }
    default:
      return [];
  }
}
