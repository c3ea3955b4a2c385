import type { Cause, Offer, PartnerOffer, TillVoucher, Voucher } from '@heyblue/contracts/rewards';
import { imageVersion } from '../../../platform/http/image-answer.ts';
import type { CauseRecord, OfferRecord, Pictured, VoucherRecord } from './ports.ts';

/** Where a picture version of an offer or cause is served; the version makes the URL safe to cache. */
export function imageUrl(of: Pictured, id: string, updatedAt: Date | null): string | null {
  return updatedAt ? `/api/v1/rewards/${of === 'offer' ? 'offers' : 'causes'}/${id}/image?v=${imageVersion(updatedAt)}` : null;
}

/** What a voucher's status is as people see it: an active voucher past its date is expired. */
export function visibleStatus(v: VoucherRecord, now: Date): VoucherRecord['status'] | 'expired' {
  return v.status === 'active' && v.validUntil.getTime() <= now.getTime() ? 'expired' : v.status;
}

/** Who in the offer's organisation looks at it: a member (sees the issuer's address), or an owner or admin (also its signing secret). */
export type OfferAudience = 'member' | 'owner';

/** An offer as the catalogue shows it. */
export function presentOffer(o: OfferRecord): Offer {
  return {
    id: o.id, organisationId: o.organisationId, organisationName: o.organisationName, kind: o.kind, title: o.title, description: o.description,
    category: o.category, imageUrl: imageUrl('offer', o.id, o.imageUpdatedAt), pricePoints: o.pricePoints, stockLeft: o.stockLeft, perUserLimit: o.perUserLimit, startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt?.toISOString() ?? null, locations: [...o.locations], voucherValidDays: o.voucherValidDays, external: o.issuerUrl !== null,
    status: o.status, distanceKm: o.distanceKm === null ? null : Math.round(o.distanceKm * 100) / 100,
  };
}

/** An offer as its organisation sees it: the issuer's address to members, its signing secret to owners and admins only. */
export function presentPartnerOffer(o: OfferRecord, audience: OfferAudience): PartnerOffer {
  const { distanceKm: _unsearched, ...offer } = presentOffer(o);
  return { ...offer, issuerUrl: o.issuerUrl, issuerSecret: audience === 'owner' ? o.issuerSecret : null };
}

/** A voucher as its holder sees it: the code only once it can be used. */
export function presentVoucher(v: VoucherRecord, code: string | null, now: Date): Voucher {
  const usable = v.status === 'active' || v.status === 'used';
  return {
    id: v.id, offerId: v.offerId, offerTitle: v.offerTitle, organisationName: v.organisationName, status: visibleStatus(v, now), points: v.points,
    code: usable ? code : null, shortCode: usable ? v.shortCode : null, externalCode: v.externalCode, validUntil: v.validUntil.toISOString(),
    issuedAt: v.issuedAt.toISOString(), usedAt: v.usedAt?.toISOString() ?? null, cancelledAt: v.cancelledAt?.toISOString() ?? null, failureReason: v.failureReason,
  };
}
/** A voucher as its holder sees it. */
export type VoucherView = Voucher;

/** A voucher as the till sees it: what it is for, never who holds it. */
export function presentTillVoucher(v: VoucherRecord, now: Date): TillVoucher {
  return {
    id: v.id, offerId: v.offerId, offerTitle: v.offerTitle, points: v.points, status: visibleStatus(v, now), validUntil: v.validUntil.toISOString(),
    issuedAt: v.issuedAt.toISOString(), usedAt: v.usedAt?.toISOString() ?? null, externalCode: v.externalCode,
  };
}

/** A cause as the API shows it. */
export function presentCause(c: CauseRecord): Cause {
  return {
    id: c.id, organisationId: c.organisationId, organisationName: c.organisationName, kind: c.kind, title: c.title, description: c.description,
    imageUrl: imageUrl('cause', c.id, c.imageUpdatedAt), goalPoints: c.goalPoints, receivedPoints: c.receivedPoints, active: c.active,
  };
}
