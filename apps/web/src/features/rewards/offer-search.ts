import type { OfferCategory, OfferKind, OfferSearch } from '../../api/rewards.ts';

/** What the catalogue is narrowed by, besides its category chips. */
export interface OfferFilterValues {
  q: string;
  /** The most points to spend, as typed; undefined for no limit. */
  maxPoints: number | undefined;
  /** Only offers the wallet covers now. */
  affordableOnly: boolean;
  kind: OfferKind | '';
}

/** No filter on. */
export const noFilters: OfferFilterValues = { q: '', maxPoints: undefined, affordableOnly: false, kind: '' };

/** The most points to spend as typed: a whole number, undefined when left empty, null when it is not one. */
export function parseMaxPoints(typed: string): number | undefined | null {
  const text = typed.trim();
  if (text === '') return undefined;
  if (!/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}

/** How many filters are on (the chips and the order are not filters): the Filters button shows it. */
export function filtersOn(values: OfferFilterValues): number {
  return [values.q !== '', values.maxPoints !== undefined, values.affordableOnly, values.kind !== ''].filter(Boolean).length;
}

/**
 * The search the catalogue asks for: a category, the filters, and nearest first from `near` (every
 * offer, those without a place last). "Only what I can afford" is a price limit at the balance, the
 * lower of it and a typed limit; it waits for the balance to be known.
 */
export function offerSearchOf(values: OfferFilterValues, category: OfferCategory | undefined, balance: number | undefined, near: { lat: number; lon: number } | undefined): OfferSearch {
  const limits = [values.maxPoints, values.affordableOnly ? balance : undefined].filter((limit) => limit !== undefined);
  return {
    q: values.q || undefined,
    category,
    kind: values.kind || undefined,
    maxPoints: limits.length > 0 ? Math.min(...limits) : undefined,
    near,
  };
}
