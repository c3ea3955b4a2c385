import { OfferUpsert, type RewardsApi } from '@heyblue/contracts/rewards';
import { Value } from 'typebox/value';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { upsertOffers } from '../application/upsert-offers.ts';

/** Rewards' API for other modules. A caller in-process is typed, not checked: the limits its contract sets are checked here, as a route's schema would. */
export function rewardsApi(deps: RewardsDeps): RewardsApi {
  return {
    async upsertOffers(organisationId, offers) {
      for (const offer of offers) {
        const externalId: unknown = offer.externalId;
        if (Value.Check(OfferUpsert, offer)) continue;
        const first = Value.Errors(OfferUpsert, offer)[0];
        throw new AppError('REWARDS_OFFER_INVALID', `Offer ${JSON.stringify(externalId)}: ${first?.instancePath ?? ''} ${first?.message ?? 'is not an offer'}`.trim(), { externalId });
      }
      return upsertOffers(deps, organisationId, offers);
    },
    async pairConnectionsPerDay() {
      return (await deps.transaction((tx) => deps.giving.settings(tx))).pairConnectionsPerDay;
    },
  };
}
