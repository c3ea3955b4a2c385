import { randomBytes } from 'node:crypto';
import type { OfferUpsert, UpsertedOffer } from '@heyblue/contracts/rewards';
import { AppError } from '../../../platform/errors/app-error.ts';
import { offerFields } from '../domain/offer-fields.ts';
import type { OfferRecord } from './ports.ts';
import type { RewardsDeps } from './rewards-deps.ts';

/** Organisations that sell for points: a retailer's offers, a municipality's schemes. */
const SELLERS = new Set(['retailer', 'municipality']);

/**
 * Creates or changes an organisation's offers by the partner's own ids, in one transaction of its own
 * (rewards' module API, for the partners' imports): every offer passes the offer rules before anything
 * is written, and one refusal refuses all. A changed offer keeps its id, its start when none is given,
 * and its issuer's signing secret while it keeps an issuer; `stock` sets what is left.
 */
export async function upsertOffers(deps: RewardsDeps, organisationId: string, offers: readonly OfferUpsert[]): Promise<UpsertedOffer[]> {
  const org = await deps.catalogue.organisation(deps.db, organisationId);
  if (!org) throw new AppError('REWARDS_ORGANISATION_NOT_FOUND');
  if (!SELLERS.has(org.type)) throw new AppError('REWARDS_WRONG_ORGANISATION_TYPE');
  const seen = new Set<string>();
  for (const { externalId } of offers) {
    if (seen.has(externalId)) throw new AppError('REWARDS_OFFER_INVALID', `Offer ${JSON.stringify(externalId)} is given twice.`, { externalId });
    seen.add(externalId);
  }
  const now = deps.clock.now();
  for (const offer of offers) checkedFor(offer, now);
  if (offers.length === 0) return [];
  return deps.transaction(async (tx) => {
    const existing = await deps.catalogue.offersByExternalId(tx, organisationId, [...seen]);
    const records = offers.map((offer): OfferRecord & { externalId: string } => {
      const current = existing.get(offer.externalId);
      const fields = checkedFor(offer, current?.startsAt ?? now);
      return {
        ...fields, id: current?.id ?? crypto.randomUUID(), externalId: offer.externalId, organisationId, organisationName: org.name,
        kind: org.type === 'municipality' ? 'scheme' : 'offer', status: offer.status ?? current?.status ?? 'active', distanceKm: null, imageUpdatedAt: current?.imageUpdatedAt ?? null,
        issuerSecret: fields.issuerUrl ? (current?.issuerSecret ?? randomBytes(32).toString('base64url')) : null,
      };
    });
    return deps.catalogue.upsertOffers(tx, records);
  });
}

/** The offer's fields under the offer rules, a refusal naming the offer by the partner's id. */
function checkedFor(offer: OfferUpsert, defaultStart: Date): ReturnType<typeof offerFields> {
  try {
    return offerFields(offer, defaultStart);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `Offer ${JSON.stringify(offer.externalId)}: ${error.message}`, { externalId: offer.externalId });
    throw error;
  }
}
