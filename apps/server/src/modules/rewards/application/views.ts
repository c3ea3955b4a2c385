import type { CauseRecord, OfferRecord, VoucherRecord } from './ports.ts';

/** What a voucher's status is as people see it: an active voucher past its date is expired. */
export function visibleStatus(v: VoucherRecord, now: Date): VoucherRecord['status'] | 'expired' {
  return v.status === 'active' && v.validUntil.getTime() <= now.getTime() ? 'expired' : v.status;
}

/** An offer as the API shows it (the issuer's endpoint and secret only to its organisation's members). */
export function presentOffer(o: OfferRecord, forMembers = false) {
  return {
    id: o.id, organisationId: o.organisationId, organisationName: o.organisationName, kind: o.kind, title: o.title, description: o.description,
    category: o.category, pricePoints: o.pricePoints, stockLeft: o.stockLeft, perUserLimit: o.perUserLimit, startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt?.toISOString() ?? null, locations: o.locations, voucherValidDays: o.voucherValidDays, external: o.issuerUrl !== null,
    status: o.status, distanceKm: o.distanceKm === null ? null : Math.round(o.distanceKm * 100) / 100,
    ...(forMembers ? { issuerUrl: o.issuerUrl, issuerSecret: o.issuerSecret } : {}),
  };
}
/** An offer as the API shows it. */
export type OfferView = ReturnType<typeof presentOffer>;

/** A voucher as its holder sees it: the code only once it can be used. */
export function presentVoucher(v: VoucherRecord, code: string | null, now: Date) {
  const usable = v.status === 'active' || v.status === 'used';
  return {
    id: v.id, offerId: v.offerId, offerTitle: v.offerTitle, organisationName: v.organisationName, status: visibleStatus(v, now), points: v.points,
    code: usable ? code : null, shortCode: usable ? v.shortCode : null, externalCode: v.externalCode, validUntil: v.validUntil.toISOString(),
    issuedAt: v.issuedAt.toISOString(), usedAt: v.usedAt?.toISOString() ?? null, cancelledAt: v.cancelledAt?.toISOString() ?? null, failureReason: v.failureReason,
  };
}
/** A voucher as its holder sees it. */
export type VoucherView = ReturnType<typeof presentVoucher>;

/** A voucher as the till sees it: what it is for, never who holds it. */
export function presentTillVoucher(v: VoucherRecord, now: Date) {
  return {
    id: v.id, offerId: v.offerId, offerTitle: v.offerTitle, points: v.points, status: visibleStatus(v, now), validUntil: v.validUntil.toISOString(),
    issuedAt: v.issuedAt.toISOString(), usedAt: v.usedAt?.toISOString() ?? null, externalCode: v.externalCode,
  };
}

/** A cause as the API shows it. */
export function presentCause(c: CauseRecord) {
  return { id: c.id, organisationId: c.organisationId, organisationName: c.organisationName, kind: c.kind, title: c.title, description: c.description, goalPoints: c.goalPoints, receivedPoints: c.receivedPoints, active: c.active };
}
