/** What the redemption rules look at in an offer. */
export interface OfferTerms {
  readonly status: 'active' | 'paused' | 'archived';
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly voucherValidDays: number;
}

const DAY_MS = 86_400_000;

/** An offer can be redeemed while it is active and between its dates. */
export function offerIsOpen(offer: OfferTerms, now: Date): boolean {
  return offer.status === 'active' && offer.startsAt.getTime() <= now.getTime() && (offer.endsAt === null || offer.endsAt.getTime() > now.getTime());
}

/** A voucher is valid for the offer's number of days after issue, but never past the offer's end. */
export function voucherValidUntil(offer: OfferTerms, issuedAt: Date): Date {
  const byPolicy = issuedAt.getTime() + offer.voucherValidDays * DAY_MS;
  return new Date(offer.endsAt === null ? byPolicy : Math.min(byPolicy, offer.endsAt.getTime()));
}
