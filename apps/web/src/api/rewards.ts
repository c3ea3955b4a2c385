/** Rewards calls for citizens and officers (see docs/rewards-api.md). Answers are checked against the server's own schemas (@heyblue/contracts/rewards). */
import {
  CategoriesAnswer, CausePage, ColleaguesAnswer, DonationWithBalance, GiftWithBalance, MovementPage, OfferAnswer, OfferPage, VoucherAnswer, VoucherPage, VoucherWithBalance, WalletAnswer,
  type GiftInput, type Offer, type OfferCategory, type OfferKind, type Voucher, type Wallet,
} from '@heyblue/contracts/rewards';
import { precompiledChecks } from '@heyblue/contracts/rewards/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import type { CursorPage } from './decode.ts';
import type { Method, RequestOptions } from './http.ts';

export type { CursorPage };
export type {
  Cause, Donation, DonationWithBalance, Gift, GiftWithBalance, Movement, MovementKind, Offer, OfferCategory, OfferKind, OfferLocation, RewardsRole, Voucher, VoucherStatus, VoucherWithBalance, Wallet,
} from '@heyblue/contracts/rewards';
/** Every offer category, in the order the app shows them. */
export { offerCategories } from '@heyblue/contracts/rewards';

// The rewards schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

const decodeWallet = decoderOf(WalletAnswer);
const decodeMovementPage = decoderOf(MovementPage);
const decodeOfferPage = decoderOf(OfferPage);
const decodeOffer = decoderOf(OfferAnswer);
const decodeCategories = decoderOf(CategoriesAnswer);
const decodeVoucherPage = decoderOf(VoucherPage);
const decodeVoucher = decoderOf(VoucherAnswer);
const decodeVoucherWithBalance = decoderOf(VoucherWithBalance);
const decodeCausePage = decoderOf(CausePage);
const decodeDonation = decoderOf(DonationWithBalance);
const decodeColleagues = decoderOf(ColleaguesAnswer);
const decodeGift = decoderOf(GiftWithBalance);

/* ---------- calls ---------- */

/** The session calls the rewards client needs (a `Session` fits). */
export interface RewardsApi {
  get<T>(path: string, options?: RequestOptions<T>): Promise<T>;
  send<T>(method: Method, path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
}

const base = '/api/v1/rewards';

/** A paging request. */
export interface PageQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** How to search offers: text, category, kind, price, and near a point (nearest first). */
export interface OfferSearch extends PageQuery {
  q?: string | undefined;
  category?: OfferCategory | undefined;
  kind?: OfferKind | undefined;
  /** Only offers that cost at most this many points. */
  maxPoints?: number | undefined;
  near?: { lat: number; lon: number } | undefined;
  /** With `near`: only offers within this many kilometres (without it, every offer, nearest first). */
  radiusKm?: number | undefined;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const string = search.toString();
  return string ? `?${string}` : '';
}

function id(value: string): string {
  return encodeURIComponent(value);
}

/** The header every points-moving call carries. */
function keyed(idempotencyKey: string): Record<string, string> {
  return { 'Idempotency-Key': idempotencyKey };
}

/** The signed-in person's wallet. */
export async function getWallet(api: RewardsApi, signal?: AbortSignal): Promise<Wallet> {
  return (await api.get(`${base}/wallet`, { signal, decode: decodeWallet })).wallet;
}

/** A page of the wallet's history, newest first. */
export function listHistory(api: RewardsApi, page: PageQuery, signal?: AbortSignal): Promise<MovementPage> {
  return api.get(`${base}/wallet/history${query({ cursor: page.cursor, limit: page.limit })}`, { signal, decode: decodeMovementPage });
}

/** Where a month's statement (CSV) is; fetch it with the bearer token (see `statement-download.ts`). */
export function statementPath(month: string): string {
  return `${base}/wallet/statement${query({ month })}`;
}

/** A page of active offers. */
export function searchOffers(api: RewardsApi, search: OfferSearch, signal?: AbortSignal): Promise<OfferPage> {
  const near = search.near ? `${search.near.lat.toFixed(5)},${search.near.lon.toFixed(5)}` : undefined;
  const path = `${base}/offers${query({
    q: search.q, category: search.category, kind: search.kind, maxPoints: search.maxPoints, near, radiusKm: search.near ? search.radiusKm : undefined, cursor: search.cursor, limit: search.limit,
  })}`;
  return api.get(path, { signal, decode: decodeOfferPage });
}

/** The categories open offers are in, in the list's order. */
export async function listCategories(api: RewardsApi, signal?: AbortSignal): Promise<OfferCategory[]> {
  return (await api.get(`${base}/offers/categories`, { signal, decode: decodeCategories })).items;
}

/** One offer. */
export async function getOffer(api: RewardsApi, offerId: string, signal?: AbortSignal): Promise<Offer> {
  return (await api.get(`${base}/offers/${id(offerId)}`, { signal, decode: decodeOffer })).offer;
}

/** Spends points on an offer: a voucher (active, or pending for an external issuer) and the balance left. */
export function redeemOffer(api: RewardsApi, offerId: string, idempotencyKey: string): Promise<VoucherWithBalance> {
  return api.send('POST', `${base}/offers/${id(offerId)}/redeem`, {}, { headers: keyed(idempotencyKey), decode: decodeVoucherWithBalance });
}

/** A page of my vouchers, newest first. */
export function listVouchers(api: RewardsApi, page: PageQuery, signal?: AbortSignal): Promise<VoucherPage> {
  return api.get(`${base}/vouchers${query({ cursor: page.cursor, limit: page.limit })}`, { signal, decode: decodeVoucherPage });
}

/** One of my vouchers. */
export async function getVoucher(api: RewardsApi, voucherId: string, signal?: AbortSignal): Promise<Voucher> {
  return (await api.get(`${base}/vouchers/${id(voucherId)}`, { signal, decode: decodeVoucher })).voucher;
}

/** Cancels an active, unused voucher: its points come back. */
export function cancelVoucher(api: RewardsApi, voucherId: string, idempotencyKey: string): Promise<VoucherWithBalance> {
  return api.send('POST', `${base}/vouchers/${id(voucherId)}/cancel`, {}, { headers: keyed(idempotencyKey), decode: decodeVoucherWithBalance });
}

/** A page of active causes, optionally matching `q`. */
export function listCauses(api: RewardsApi, search: PageQuery & { q?: string | undefined }, signal?: AbortSignal): Promise<CausePage> {
  return api.get(`${base}/causes${query({ q: search.q, cursor: search.cursor, limit: search.limit })}`, { signal, decode: decodeCausePage });
}

/** Gives points to a cause. */
export function donate(api: RewardsApi, causeId: string, points: number, idempotencyKey: string): Promise<DonationWithBalance> {
  return api.send('POST', `${base}/causes/${id(causeId)}/donations`, { points }, { headers: keyed(idempotencyKey), decode: decodeDonation });
}

/** Officers: the account ids of the other verified officers of my precinct. */
export async function listColleagues(api: RewardsApi, signal?: AbortSignal): Promise<string[]> {
  return (await api.get(`${base}/colleagues`, { signal, decode: decodeColleagues })).items.map((colleague) => colleague.accountId);
}

/** Gives points to someone (a colleague; a citizen where citizens' gifts are enabled). */
export function sendGift(api: RewardsApi, gift: { recipientId: string; points: number; message?: string | undefined }, idempotencyKey: string): Promise<GiftWithBalance> {
  const body: GiftInput = { recipientId: gift.recipientId, points: gift.points, ...(gift.message ? { message: gift.message } : {}) };
  return api.send('POST', `${base}/gifts`, body, { headers: keyed(idempotencyKey), decode: decodeGift });
}
