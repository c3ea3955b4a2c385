import { AppError } from '../../../platform/errors/app-error.ts';
import type { OfferSearch } from './ports.ts';
import { isOfficer, type Caller, type RewardsDeps } from './rewards-deps.ts';
import { presentCause, presentOffer, presentVoucher } from './views.ts';

/** Active offers and schemes by text, category, kind and distance. */
export async function searchOffers(deps: RewardsDeps, search: OfferSearch) {
  const page = await deps.catalogue.searchOffers(deps.db, search, deps.clock.now());
  return { items: page.items.map((o) => presentOffer(o)), nextCursor: page.nextCursor };
}

/** One offer (archived ones are gone for citizens). */
export async function offerById(deps: RewardsDeps, offerId: string) {
  const offer = await deps.catalogue.offer(deps.db, offerId);
  if (!offer || offer.status === 'archived') throw new AppError('REWARDS_OFFER_NOT_FOUND');
  return presentOffer(offer);
}

/** The categories open offers are in, in the fixed list's order. */
export async function offerCategories(deps: RewardsDeps) {
  return deps.catalogue.categories(deps.db, deps.clock.now());
}

/** The caller's vouchers, newest first. */
export async function myVouchers(deps: RewardsDeps, caller: Caller, limit: number, cursor: string | undefined) {
  const page = await deps.vouchers.ofCitizen(deps.db, caller.accountId, limit, cursor);
  const now = deps.clock.now();
  return { items: page.items.map((v) => presentVoucher(v, deps.seal.open(v.codeSealed), now)), nextCursor: page.nextCursor };
}

/** One of the caller's vouchers (anyone else's is not found). */
export async function myVoucher(deps: RewardsDeps, caller: Caller, voucherId: string) {
  const voucher = await deps.vouchers.byId(deps.db, voucherId);
  if (!voucher || voucher.citizenId !== caller.accountId) throw new AppError('REWARDS_VOUCHER_NOT_FOUND');
  return presentVoucher(voucher, deps.seal.open(voucher.codeSealed), deps.clock.now());
}

/** Active causes by text. */
export async function searchCauses(deps: RewardsDeps, text: string | null, limit: number, cursor: string | undefined) {
  const page = await deps.catalogue.searchCauses(deps.db, text, limit, cursor);
  return { items: page.items.map(presentCause), nextCursor: page.nextCursor };
}

/** The other verified officers of the caller's precinct, each with the name and picture their public profile shows (profiles' API, one call for all). */
export async function colleagues(deps: RewardsDeps, caller: Caller) {
  if (!isOfficer(caller)) throw new AppError('REWARDS_OFFICERS_ONLY');
  const ids = await deps.catalogue.colleaguesOf(deps.db, caller.accountId);
  const cards = await deps.profiles.cards(ids);
  return ids.map((accountId) => {
    const card = cards.get(accountId);
    return { accountId, ...(card?.displayName !== undefined ? { displayName: card.displayName } : {}), ...(card?.avatarUrl !== undefined ? { avatarUrl: card.avatarUrl } : {}) };
  });
}
