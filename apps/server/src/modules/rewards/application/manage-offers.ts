import { randomBytes } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';
import { offerFields, type OfferFieldsInput } from '../domain/offer-fields.ts';
import { organisationForMember } from './partner-access.ts';
import type { OfferRecord } from './ports.ts';
import type { Caller, RewardsDeps } from './rewards-deps.ts';
import { presentPartnerOffer, presentTillVoucher, type OfferAudience } from './views.ts';

/** Owners and admins see an external issuer's signing secret; staff see the offer without it. */
export const audienceOf = (role: 'owner' | 'staff' | 'admin'): OfferAudience => (role === 'staff' ? 'member' : 'owner');

/** What a partner writes about an offer: the fields the offer rules read, with its dates as sent and its status. */
export interface OfferInput extends OfferFieldsInput {
  readonly startsAt: string | null;
  readonly issuerUrl: string | null;
  readonly status?: OfferRecord['status'];
}

/** Creates an offer (a municipality's is a scheme). */
export async function createOffer(deps: RewardsDeps, caller: Caller, organisationId: string, input: OfferInput) {
  const org = await organisationForMember(deps, caller, organisationId, 'offers');
  return deps.transaction(async (tx) => {
    const offer: OfferRecord = {
      ...offerFields(input, deps.clock.now()), id: crypto.randomUUID(), organisationId, organisationName: org.name,
      kind: org.type === 'municipality' ? 'scheme' : 'offer', issuerSecret: input.issuerUrl ? randomBytes(32).toString('base64url') : null,
      status: input.status ?? 'active', distanceKm: null, imageUpdatedAt: null,
    };
    await deps.catalogue.insertOffer(tx, offer);
    return presentPartnerOffer(offer, audienceOf(org.callerRole));
  });
}

/** Changes an offer; `stock` sets what is left. */
export async function updateOffer(deps: RewardsDeps, caller: Caller, organisationId: string, offerId: string, patch: Partial<OfferInput>) {
  const org = await organisationForMember(deps, caller, organisationId, 'offers');
  return deps.transaction(async (tx) => {
    const current = await deps.catalogue.offer(tx, offerId, true);
    if (!current || current.organisationId !== organisationId) throw new AppError('REWARDS_OFFER_NOT_FOUND');
    const merged: OfferInput = {
      title: patch.title ?? current.title, description: patch.description ?? current.description, category: patch.category ?? current.category,
      pricePoints: patch.pricePoints ?? current.pricePoints, stock: patch.stock ?? current.stockLeft,
      perUserLimit: patch.perUserLimit === undefined ? current.perUserLimit : patch.perUserLimit,
      startsAt: patch.startsAt ?? current.startsAt.toISOString(), endsAt: patch.endsAt === undefined ? (current.endsAt?.toISOString() ?? null) : patch.endsAt,
      locations: patch.locations ?? current.locations, voucherValidDays: patch.voucherValidDays ?? current.voucherValidDays,
      issuerUrl: patch.issuerUrl === undefined ? current.issuerUrl : patch.issuerUrl,
    };
    const offer: OfferRecord = {
      ...current, ...offerFields(merged, current.startsAt), status: patch.status ?? current.status,
      issuerSecret: merged.issuerUrl ? (current.issuerSecret ?? randomBytes(32).toString('base64url')) : null,
    };
    await deps.catalogue.updateOffer(tx, offer);
    return presentPartnerOffer(offer, audienceOf(org.callerRole));
  });
}

/** An organisation's offers, all statuses. */
export async function offersOfOrganisation(deps: RewardsDeps, caller: Caller, organisationId: string, limit: number, cursor: string | undefined) {
  const org = await organisationForMember(deps, caller, organisationId, 'offers');
  const page = await deps.catalogue.offersOf(deps.db, organisationId, limit, cursor);
  return { items: page.items.map((o) => presentPartnerOffer(o, audienceOf(org.callerRole))), nextCursor: page.nextCursor };
}

/** The vouchers an organisation issued (what for and where they stand, never who holds them). */
export async function redemptionsOf(deps: RewardsDeps, caller: Caller, organisationId: string, limit: number, cursor: string | undefined) {
  await organisationForMember(deps, caller, organisationId, 'offers');
  const page = await deps.vouchers.ofOrganisation(deps.db, organisationId, limit, cursor);
  const now = deps.clock.now();
  return { items: page.items.map((v) => presentTillVoucher(v, now)), nextCursor: page.nextCursor };
}
