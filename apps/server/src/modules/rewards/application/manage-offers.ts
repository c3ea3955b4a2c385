import { randomBytes } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';
import { organisationForMember } from './partner-access.ts';
import type { OfferLocation, OfferRecord } from './ports.ts';
import type { Caller, RewardsDeps } from './rewards-deps.ts';
import { presentPartnerOffer, presentTillVoucher, type OfferAudience } from './views.ts';

/** Owners and admins see an external issuer's signing secret; staff see the offer without it. */
const audienceOf = (role: 'owner' | 'staff' | 'admin'): OfferAudience => (role === 'staff' ? 'member' : 'owner');

/** What a partner writes about an offer. */
export interface OfferInput {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly pricePoints: number;
  readonly stock: number;
  readonly perUserLimit: number | null;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly locations: readonly OfferLocation[];
  readonly voucherValidDays: number;
  readonly issuerUrl: string | null;
  readonly status?: OfferRecord['status'];
}

/** Creates an offer (a municipality's is a scheme). */
export async function createOffer(deps: RewardsDeps, caller: Caller, organisationId: string, input: OfferInput) {
  return deps.db.transaction().execute(async (tx) => {
    const org = await organisationForMember(deps, tx, caller, organisationId, 'offers');
    const offer: OfferRecord = {
      ...checked(input, deps.clock.now()), id: crypto.randomUUID(), organisationId, organisationName: org.name,
      kind: org.type === 'municipality' ? 'scheme' : 'offer', issuerSecret: input.issuerUrl ? randomBytes(32).toString('base64url') : null,
      status: input.status ?? 'active', distanceKm: null,
    };
    await deps.catalogue.insertOffer(tx, offer);
    return presentPartnerOffer(offer, audienceOf(org.callerRole));
  });
}

/** Changes an offer; `stock` sets what is left. */
export async function updateOffer(deps: RewardsDeps, caller: Caller, organisationId: string, offerId: string, patch: Partial<OfferInput>) {
  return deps.db.transaction().execute(async (tx) => {
    const org = await organisationForMember(deps, tx, caller, organisationId, 'offers');
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
      ...current, ...checked(merged, current.startsAt), status: patch.status ?? current.status,
      issuerSecret: merged.issuerUrl ? (current.issuerSecret ?? randomBytes(32).toString('base64url')) : null,
    };
    await deps.catalogue.updateOffer(tx, offer);
    return presentPartnerOffer(offer, audienceOf(org.callerRole));
  });
}

/** An organisation's offers, all statuses. */
export async function offersOfOrganisation(deps: RewardsDeps, caller: Caller, organisationId: string, limit: number, cursor: string | undefined) {
  const org = await organisationForMember(deps, deps.db, caller, organisationId, 'offers');
  const page = await deps.catalogue.offersOf(deps.db, organisationId, limit, cursor);
  return { items: page.items.map((o) => presentPartnerOffer(o, audienceOf(org.callerRole))), nextCursor: page.nextCursor };
}

/** The vouchers an organisation issued (what for and where they stand, never who holds them). */
export async function redemptionsOf(deps: RewardsDeps, caller: Caller, organisationId: string, limit: number, cursor: string | undefined) {
  await organisationForMember(deps, deps.db, caller, organisationId, 'offers');
  const page = await deps.vouchers.ofOrganisation(deps.db, organisationId, limit, cursor);
  const now = deps.clock.now();
  return { items: page.items.map((v) => presentTillVoucher(v, now)), nextCursor: page.nextCursor };
}

type CheckedFields = Pick<OfferRecord, 'title' | 'description' | 'category' | 'pricePoints' | 'stockLeft' | 'perUserLimit' | 'startsAt' | 'endsAt' | 'locations' | 'voucherValidDays' | 'issuerUrl'>;

/** The offer's fields once its invariants hold: dates in order, an issuer reachable over http(s). */
function checked(input: OfferInput, defaultStart: Date): CheckedFields {
  const startsAt = input.startsAt ? new Date(input.startsAt) : defaultStart;
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (Number.isNaN(startsAt.getTime()) || (endsAt && Number.isNaN(endsAt.getTime()))) throw new AppError('REWARDS_OFFER_INVALID', 'Dates must be ISO date-times.');
  if (endsAt && endsAt.getTime() <= startsAt.getTime()) throw new AppError('REWARDS_OFFER_INVALID', 'An offer must end after it starts.');
  if (input.issuerUrl && !/^https?:\/\/[^\s]+$/.test(input.issuerUrl)) throw new AppError('REWARDS_OFFER_INVALID', 'The issuer URL must be an http(s) address.');
  // Trimmed below: a title or category of only spaces would be stored empty, which the table refuses.
  if (!input.title.trim() || !input.category.trim()) throw new AppError('REWARDS_OFFER_INVALID', 'An offer needs a title and a category that are not blank.');
  return {
    title: input.title.trim(), description: input.description.trim(), category: input.category.trim().toLowerCase(), pricePoints: input.pricePoints,
    stockLeft: input.stock, perUserLimit: input.perUserLimit, startsAt, endsAt, locations: input.locations, voucherValidDays: input.voucherValidDays, issuerUrl: input.issuerUrl,
  };
}
