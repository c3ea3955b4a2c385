import { offerCategories, type OfferCategory } from '@heyblue/contracts/rewards';
import { AppError } from '../../../platform/errors/app-error.ts';

/** What a partner writes about an offer, as the offer rules read it. */
export interface OfferFieldsInput {
  readonly title: string;
  readonly description: string;
  readonly category: OfferCategory;
  readonly pricePoints: number;
  readonly stock: number;
  readonly perUserLimit: number | null;
  readonly startsAt?: string | null;
  readonly endsAt: string | null;
  readonly locations: ReadonlyArray<{ readonly name: string; readonly lat: number; readonly lon: number }>;
  readonly voucherValidDays: number;
  readonly issuerUrl?: string | null;
}

/** An offer's fields once its rules hold, normalised as they are stored. */
export interface OfferFields {
  readonly title: string;
  readonly description: string;
  readonly category: OfferCategory;
  readonly pricePoints: number;
  readonly stockLeft: number;
  readonly perUserLimit: number | null;
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly locations: ReadonlyArray<{ readonly name: string; readonly lat: number; readonly lon: number }>;
  readonly voucherValidDays: number;
  readonly issuerUrl: string | null;
}

/**
 * The offer's fields once its invariants hold: dates that are dates and in order, an issuer reachable
 * over http(s), a title that is not blank (trimmed, it would be stored empty, which the table refuses),
 * a category of the fixed list (a caller in-process is typed, not checked). `defaultStart` stands in for
 * a start that is not given. Throws REWARDS_OFFER_INVALID.
 */
export function offerFields(input: OfferFieldsInput, defaultStart: Date): OfferFields {
  const startsAt = input.startsAt ? new Date(input.startsAt) : defaultStart;
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (Number.isNaN(startsAt.getTime()) || (endsAt && Number.isNaN(endsAt.getTime()))) throw new AppError('REWARDS_OFFER_INVALID', 'Dates must be ISO date-times.');
  if (endsAt && endsAt.getTime() <= startsAt.getTime()) throw new AppError('REWARDS_OFFER_INVALID', 'An offer must end after it starts.');
  const issuerUrl = input.issuerUrl ?? null;
  if (issuerUrl && !/^https?:\/\/[^\s]+$/.test(issuerUrl)) throw new AppError('REWARDS_OFFER_INVALID', 'The issuer URL must be an http(s) address.');
  if (!input.title.trim()) throw new AppError('REWARDS_OFFER_INVALID', 'An offer needs a title that is not blank.');
  if (!offerCategories.includes(input.category)) throw new AppError('REWARDS_OFFER_INVALID', `An offer's category is one of ${offerCategories.join(', ')}.`);
  return {
    title: input.title.trim(), description: input.description.trim(), category: input.category, pricePoints: input.pricePoints,
    stockLeft: input.stock, perUserLimit: input.perUserLimit, startsAt, endsAt, locations: input.locations, voucherValidDays: input.voucherValidDays, issuerUrl,
  };
}
