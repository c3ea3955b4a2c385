// Rewards' module API: what other modules may ask rewards to do synchronously (docs/adr/0013-module-apis.md).
import { Type, type Static } from 'typebox';
import { OfferInput } from './partner-http.ts';

/** An offer another module writes (the partners' bulk import): a partner's offer input under the partner's own id for it. */
export const OfferUpsert = Type.Object({
  externalId: Type.String({ minLength: 1, maxLength: 200, description: 'the partner’s own id for the offer: the same id changes the same offer' }),
  ...OfferInput.properties,
}, { additionalProperties: false });
export type OfferUpsert = Static<typeof OfferUpsert>;

/** What became of one upserted offer. */
export interface UpsertedOffer {
  readonly externalId: string;
  /** Rewards' id of the offer (the same on every later upsert of the external id). */
  readonly offerId: string;
  /** True when this call created it; false when it changed an existing one. */
  readonly created: boolean;
}

/**
 * Rewards' answers and commands for other modules, given to them by the composition root. Each call
 * runs in a transaction of its own. Call it before opening a transaction of yours: on the embedded
 * database there is one connection, and a call made while your transaction holds it waits for itself.
 * Rewards trusts the calling module to have checked who may act for the organisation.
 */
export interface RewardsApi {
  /**
   * Creates or changes an organisation's offers by their external ids, all in one transaction: every
   * offer is checked by rewards' offer rules first, and one refused offer refuses them all
   * (REWARDS_OFFER_INVALID, naming its external id). `stock` sets what is left; an offer's start stays
   * as it was when `startsAt` is not given. Refuses an organisation rewards does not know as approved
   * (REWARDS_ORGANISATION_NOT_FOUND) or one that sells nothing (REWARDS_WRONG_ORGANISATION_TYPE).
   */
  upsertOffers(organisationId: string, offers: readonly OfferUpsert[]): Promise<UpsertedOffer[]>;
  /**
   * How many times the same officer and citizen may connect in a rolling day, paid or not (an admin's
   * rewards setting, 1–20; 3 unless changed). Connections asks before it makes a connection.
   */
  pairConnectionsPerDay(): Promise<number>;
}
