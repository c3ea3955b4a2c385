import type { Method, RequestOptions } from './http.ts';
import { bool, decodePage, finiteNumber, integer, integerOrNull, list, oneOf, record, text, textOrNull, type CursorPage } from './decode.ts';

export { decodePage, type CursorPage };

/** Rewards calls for citizens and officers (see docs/rewards-api.md). */

/** What the person's side is in rewards. */
export type RewardsRole = 'citizen' | 'officer';

/** `GET /rewards/wallet`. Officers do not redeem; gifts are for officers, and citizens where an admin enabled them. */
export interface Wallet {
  balance: number;
  /** What a point is worth (settled with partners; never shown to citizens). */
  pointValueCents: number;
  role: RewardsRole;
  canRedeem: boolean;
  canGift: boolean;
  giftDailyCap: number;
  giftedToday: number;
  donationDailyCap: number;
  donatedToday: number;
}

export const movementKinds = ['award', 'redemption', 'refund', 'donation', 'gift-sent', 'gift-received', 'adjustment'] as const;
export type MovementKind = (typeof movementKinds)[number];

/** One line of the wallet history, newest first; `points` is signed. */
export interface Movement {
  id: string;
  at: string;
  kind: MovementKind;
  points: number;
  /** Rule name, offer title, cause title, or "Gift". */
  title: string;
  ruleId: string | null;
  ruleVersion: number | null;
  voucherId: string | null;
  counterpartId: string | null;
  message: string | null;
}

export interface OfferLocation {
  name: string;
  lat: number;
  lon: number;
}

export const offerKinds = ['offer', 'scheme'] as const;
export type OfferKind = (typeof offerKinds)[number];

/** A retailer's offer or a municipality's scheme. */
export interface Offer {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: OfferKind;
  title: string;
  description: string;
  category: string;
  pricePoints: number;
  stockLeft: number;
  perUserLimit: number | null;
  startsAt: string;
  endsAt: string | null;
  locations: OfferLocation[];
  voucherValidDays: number;
  /** An issuer endpoint issues the real code: a redemption is pending first. */
  external: boolean;
  status: 'active' | 'paused' | 'archived';
  /** Set when searched with `near`. */
  distanceKm: number | null;
}

export const voucherStatuses = ['pending', 'active', 'used', 'cancelled', 'failed', 'expired'] as const;
export type VoucherStatus = (typeof voucherStatuses)[number];

/** A voucher as its holder sees it. */
export interface Voucher {
  id: string;
  offerId: string;
  offerTitle: string;
  organisationName: string;
  status: VoucherStatus;
  points: number;
  /** The QR payload; null while pending or after failure. */
  code: string | null;
  /** `XXXXX-XXXXX`, typed at the till when the camera cannot scan. */
  shortCode: string | null;
  externalCode: string | null;
  validUntil: string;
  issuedAt: string;
  usedAt: string | null;
  cancelledAt: string | null;
  /** An error code when the status is failed. */
  failureReason: string | null;
}

/** A charity's cause, or a family it vouches for. */
export interface Cause {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: 'cause' | 'family';
  title: string;
  description: string;
  goalPoints: number | null;
  receivedPoints: number;
  active: boolean;
}

/** What a points-moving call answers: its result and the balance after it. */
export interface WithBalance<T> {
  result: T;
  balance: number;
}

export interface Donation {
  id: string;
  causeId: string;
  points: number;
  at: string;
}

export interface Gift {
  id: string;
  recipientId: string;
  points: number;
  message: string | null;
  at: string;
}

/* ---------- decoding ---------- */

/** Checks a wallet. */
export function decodeWallet(data: unknown): Wallet {
  const w = record(record(data, 'wallet envelope')['wallet'], 'wallet');
  return {
    balance: integer(w['balance'], 'wallet balance'),
    pointValueCents: finiteNumber(w['pointValueCents'], 'wallet pointValueCents'),
    role: oneOf(w['role'], ['citizen', 'officer'] as const, 'wallet role'),
    canRedeem: bool(w['canRedeem'], 'wallet canRedeem'),
    canGift: bool(w['canGift'], 'wallet canGift'),
    giftDailyCap: integer(w['giftDailyCap'], 'wallet giftDailyCap'),
    giftedToday: integer(w['giftedToday'], 'wallet giftedToday'),
    donationDailyCap: integer(w['donationDailyCap'], 'wallet donationDailyCap'),
    donatedToday: integer(w['donatedToday'], 'wallet donatedToday'),
  };
}

/** Checks one movement. */
export function decodeMovement(data: unknown): Movement {
  const m = record(data, 'movement');
  return {
    id: text(m['id'], 'movement id'),
    at: text(m['at'], 'movement at'),
    kind: oneOf(m['kind'], movementKinds, 'movement kind'),
    points: integer(m['points'], 'movement points'),
    title: text(m['title'], 'movement title'),
    ruleId: textOrNull(m['ruleId'], 'movement ruleId'),
    ruleVersion: integerOrNull(m['ruleVersion'], 'movement ruleVersion'),
    voucherId: textOrNull(m['voucherId'], 'movement voucherId'),
    counterpartId: textOrNull(m['counterpartId'], 'movement counterpartId'),
    message: textOrNull(m['message'], 'movement message'),
  };
}

/** Checks one offer. */
export function decodeOffer(data: unknown): Offer {
  const o = record(data, 'offer');
  return {
    id: text(o['id'], 'offer id'),
    organisationId: text(o['organisationId'], 'offer organisationId'),
    organisationName: text(o['organisationName'], 'offer organisationName'),
    kind: oneOf(o['kind'], offerKinds, 'offer kind'),
    title: text(o['title'], 'offer title'),
    description: text(o['description'], 'offer description'),
    category: text(o['category'], 'offer category'),
    pricePoints: integer(o['pricePoints'], 'offer pricePoints'),
    stockLeft: integer(o['stockLeft'], 'offer stockLeft'),
    perUserLimit: integerOrNull(o['perUserLimit'], 'offer perUserLimit'),
    startsAt: text(o['startsAt'], 'offer startsAt'),
    endsAt: textOrNull(o['endsAt'], 'offer endsAt'),
    locations: list(o['locations'], 'offer locations').map((item) => {
      const l = record(item, 'offer location');
      return { name: text(l['name'], 'location name'), lat: finiteNumber(l['lat'], 'location lat'), lon: finiteNumber(l['lon'], 'location lon') };
    }),
    voucherValidDays: integer(o['voucherValidDays'], 'offer voucherValidDays'),
    external: bool(o['external'], 'offer external'),
    status: oneOf(o['status'], ['active', 'paused', 'archived'] as const, 'offer status'),
    distanceKm: o['distanceKm'] === null || o['distanceKm'] === undefined ? null : finiteNumber(o['distanceKm'], 'offer distanceKm'),
  };
}

/** Checks one voucher. */
export function decodeVoucher(data: unknown): Voucher {
  const v = record(data, 'voucher');
  return {
    id: text(v['id'], 'voucher id'),
    offerId: text(v['offerId'], 'voucher offerId'),
    offerTitle: text(v['offerTitle'], 'voucher offerTitle'),
    organisationName: text(v['organisationName'], 'voucher organisationName'),
    status: oneOf(v['status'], voucherStatuses, 'voucher status'),
    points: integer(v['points'], 'voucher points'),
    code: textOrNull(v['code'], 'voucher code'),
    shortCode: textOrNull(v['shortCode'], 'voucher shortCode'),
    externalCode: textOrNull(v['externalCode'], 'voucher externalCode'),
    validUntil: text(v['validUntil'], 'voucher validUntil'),
    issuedAt: text(v['issuedAt'], 'voucher issuedAt'),
    usedAt: textOrNull(v['usedAt'], 'voucher usedAt'),
    cancelledAt: textOrNull(v['cancelledAt'], 'voucher cancelledAt'),
    failureReason: textOrNull(v['failureReason'], 'voucher failureReason'),
  };
}

/** Checks one cause. */
export function decodeCause(data: unknown): Cause {
  const c = record(data, 'cause');
  return {
    id: text(c['id'], 'cause id'),
    organisationId: text(c['organisationId'], 'cause organisationId'),
    organisationName: text(c['organisationName'], 'cause organisationName'),
    kind: oneOf(c['kind'], ['cause', 'family'] as const, 'cause kind'),
    title: text(c['title'], 'cause title'),
    description: text(c['description'], 'cause description'),
    goalPoints: integerOrNull(c['goalPoints'], 'cause goalPoints'),
    receivedPoints: integer(c['receivedPoints'], 'cause receivedPoints'),
    active: bool(c['active'], 'cause active'),
  };
}

/** Checks `{ <name>: T, balance }`. */
function decodeWithBalance<T>(name: string, item: (data: unknown) => T): (data: unknown) => WithBalance<T> {
  return (data) => {
    const body = record(data, `${name} answer`);
    return { result: item(body[name]), balance: integer(body['balance'], `${name} balance`) };
  };
}

function decodeDonation(data: unknown): Donation {
  const d = record(data, 'donation');
  return { id: text(d['id'], 'donation id'), causeId: text(d['causeId'], 'donation causeId'), points: integer(d['points'], 'donation points'), at: text(d['at'], 'donation at') };
}

function decodeGift(data: unknown): Gift {
  const g = record(data, 'gift');
  return {
    id: text(g['id'], 'gift id'),
    recipientId: text(g['recipientId'], 'gift recipientId'),
    points: integer(g['points'], 'gift points'),
    message: textOrNull(g['message'], 'gift message'),
    at: text(g['at'], 'gift at'),
  };
}

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

/** How to search offers: text, category, kind, and near a point (nearest first). */
export interface OfferSearch extends PageQuery {
  q?: string | undefined;
  category?: string | undefined;
  kind?: OfferKind | undefined;
  near?: { lat: number; lon: number } | undefined;
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
export function getWallet(api: RewardsApi, signal?: AbortSignal): Promise<Wallet> {
  return api.get(`${base}/wallet`, { signal, decode: decodeWallet });
}

/** A page of the wallet's history, newest first. */
export function listHistory(api: RewardsApi, page: PageQuery, signal?: AbortSignal): Promise<CursorPage<Movement>> {
  return api.get(`${base}/wallet/history${query({ cursor: page.cursor, limit: page.limit })}`, { signal, decode: decodePage(decodeMovement) });
}

/** Where a month's statement (CSV) is; fetch it with the bearer token (see `statement-download.ts`). */
export function statementPath(month: string): string {
  return `${base}/wallet/statement${query({ month })}`;
}

/** A page of active offers. */
export function searchOffers(api: RewardsApi, search: OfferSearch, signal?: AbortSignal): Promise<CursorPage<Offer>> {
  const near = search.near ? `${search.near.lat.toFixed(5)},${search.near.lon.toFixed(5)}` : undefined;
  const path = `${base}/offers${query({ q: search.q, category: search.category, kind: search.kind, near, radiusKm: search.near ? search.radiusKm : undefined, cursor: search.cursor, limit: search.limit })}`;
  return api.get(path, { signal, decode: decodePage(decodeOffer) });
}

/** The categories offers use. */
export function listCategories(api: RewardsApi, signal?: AbortSignal): Promise<string[]> {
  return api.get(`${base}/offers/categories`, { signal, decode: (data) => list(record(data, 'categories')['items'], 'categories').map((c) => text(c, 'category')) });
}

/** One offer. */
export function getOffer(api: RewardsApi, offerId: string, signal?: AbortSignal): Promise<Offer> {
  return api.get(`${base}/offers/${id(offerId)}`, { signal, decode: (data) => decodeOffer(record(data, 'offer envelope')['offer']) });
}

/** Spends points on an offer: a voucher (active, or pending for an external issuer) and the balance left. */
export function redeemOffer(api: RewardsApi, offerId: string, idempotencyKey: string): Promise<WithBalance<Voucher>> {
  return api.send('POST', `${base}/offers/${id(offerId)}/redeem`, {}, { headers: keyed(idempotencyKey), decode: decodeWithBalance('voucher', decodeVoucher) });
}

/** A page of my vouchers, newest first. */
export function listVouchers(api: RewardsApi, page: PageQuery, signal?: AbortSignal): Promise<CursorPage<Voucher>> {
  return api.get(`${base}/vouchers${query({ cursor: page.cursor, limit: page.limit })}`, { signal, decode: decodePage(decodeVoucher) });
}

/** One of my vouchers. */
export function getVoucher(api: RewardsApi, voucherId: string, signal?: AbortSignal): Promise<Voucher> {
  return api.get(`${base}/vouchers/${id(voucherId)}`, { signal, decode: (data) => decodeVoucher(record(data, 'voucher envelope')['voucher']) });
}

/** Cancels an active, unused voucher: its points come back. */
export function cancelVoucher(api: RewardsApi, voucherId: string, idempotencyKey: string): Promise<WithBalance<Voucher>> {
  return api.send('POST', `${base}/vouchers/${id(voucherId)}/cancel`, {}, { headers: keyed(idempotencyKey), decode: decodeWithBalance('voucher', decodeVoucher) });
}

/** A page of active causes, optionally matching `q`. */
export function listCauses(api: RewardsApi, search: PageQuery & { q?: string | undefined }, signal?: AbortSignal): Promise<CursorPage<Cause>> {
  return api.get(`${base}/causes${query({ q: search.q, cursor: search.cursor, limit: search.limit })}`, { signal, decode: decodePage(decodeCause) });
}

/** Gives points to a cause. */
export function donate(api: RewardsApi, causeId: string, points: number, idempotencyKey: string): Promise<WithBalance<Donation>> {
  return api.send('POST', `${base}/causes/${id(causeId)}/donations`, { points }, { headers: keyed(idempotencyKey), decode: decodeWithBalance('donation', decodeDonation) });
}

/** Officers: the other verified officers of my precinct. */
export function listColleagues(api: RewardsApi, signal?: AbortSignal): Promise<string[]> {
  return api.get(`${base}/colleagues`, {
    signal,
    decode: (data) => list(record(data, 'colleagues')['items'], 'colleagues').map((c) => text(record(c, 'colleague')['accountId'], 'colleague accountId')),
  });
}

/** Gives points to someone (a colleague; a citizen where citizens' gifts are enabled). */
export function sendGift(api: RewardsApi, gift: { recipientId: string; points: number; message?: string | undefined }, idempotencyKey: string): Promise<WithBalance<Gift>> {
  const body = { recipientId: gift.recipientId, points: gift.points, ...(gift.message ? { message: gift.message } : {}) };
  return api.send('POST', `${base}/gifts`, body, { headers: keyed(idempotencyKey), decode: decodeWithBalance('gift', decodeGift) });
}
