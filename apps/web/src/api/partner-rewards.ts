/**
 * The partner and admin side of Rewards (docs/rewards-api.md, "Partners" and "Admins"): an
 * organisation's offers, till, causes and statements, and the admins' earning rules and settings.
 * The citizen side lives in `rewards.ts`.
 */
import { ApiError, networkErrorCode, parseErrorBody } from './api-error.ts';
import { bool, decodePage, fail, finiteNumber, integer, integerOrNull, isRecord, list, oneOf, record, text, textOrNull, type CursorPage } from './decode.ts';
import { decodeCause, decodeOffer as decodeCatalogueOffer, type Cause, type Offer as CatalogueOffer, type OfferLocation } from './rewards.ts';

export { decodeCause, decodePage, type Cause, type CursorPage, type OfferLocation };
import type { Method, RequestOptions } from './http.ts';

type Points = number;

export const offerStatuses = ['active', 'paused', 'archived'] as const;
/** An offer's state: on sale, held back for a while, or withdrawn for good. */
export type OfferStatus = (typeof offerStatuses)[number];

/** A retailer's offer or a municipality's scheme, as its organisation sees it (never searched by distance). */
export interface Offer extends Omit<CatalogueOffer, 'distanceKm'> {
  /** The issuer endpoint, for the organisation's members; null without one. */
  issuerUrl: string | null;
  /** The key the issuer checks each request's `X-HeyBlue-Signature` with (owners only; null for staff and without an issuer). */
  issuerSecret: string | null;
}

/** What creating an offer sends. */
export interface OfferInput {
  title: string;
  description: string;
  category: string;
  pricePoints: Points;
  stock: number;
  perUserLimit: number | null;
  startsAt?: string;
  endsAt: string | null;
  locations: OfferLocation[];
  voucherValidDays: number;
  issuerUrl?: string;
}

/** What editing an offer sends: any field of the input (`stock` sets what is left; a null issuer goes back to Hey Blue! vouchers), or a new status. */
export type OfferPatch = Partial<Omit<OfferInput, 'issuerUrl'>> & { issuerUrl?: string | null; status?: OfferStatus };

export const voucherStatuses = ['pending', 'active', 'used', 'cancelled', 'failed', 'expired'] as const;
/** Where a voucher stands. */
export type VoucherStatus = (typeof voucherStatuses)[number];

/** A voucher as the till sees it: what it is for, never who holds it. */
export interface TillVoucher {
  id: string;
  offerId: string;
  offerTitle: string;
  points: Points;
  status: VoucherStatus;
  validUntil: string;
  issuedAt: string;
  usedAt: string | null;
  externalCode: string | null;
}

export const causeKinds = ['cause', 'family'] as const;
/** A charity's cause, or a family in need the charity vouches for. */
export type CauseKind = (typeof causeKinds)[number];

/** What creating a cause sends. */
export interface CauseInput {
  kind: CauseKind;
  title: string;
  description: string;
  goalPoints: Points | null;
}

/** What editing a cause sends. */
export type CausePatch = Partial<CauseInput> & { active?: boolean };

/** One donation a charity received. */
export interface Donation {
  id: string;
  causeId: string;
  causeTitle: string;
  points: Points;
  at: string;
}

export const rewardsOrganisationTypes = ['retailer', 'charity', 'municipality', 'precinct'] as const;

/** An organisation as Rewards knows it: its points balance and what a point is worth. */
export interface OrganisationSummary {
  organisationId: string;
  name: string;
  type: (typeof rewardsOrganisationTypes)[number];
  balance: Points;
  pointValueCents: number;
}

export const connectionKinds = ['proximity', 'qr', 'virtual'] as const;
/** How a connection was made. */
export type ConnectionKind = (typeof connectionKinds)[number];

export const locationChecks = ['any', 'verified', 'unverified'] as const;
/** Which connections a rule counts, by whether their location was verified. */
export type LocationCheck = (typeof locationChecks)[number];

export const ruleBonuses = ['none', 'first-ever', 'first-with-this-officer'] as const;
/** A rule that pays only for a first connection. */
export type RuleBonus = (typeof ruleBonuses)[number];

/** Days (0 = Sunday … 6) and "HH:MM" times in the deployment's time zone; from > to spans midnight. */
export interface TimeWindow {
  days: number[];
  from: string;
  to: string;
}

/** An earning rule as an admin writes it. */
export interface RuleDefinition {
  name: string;
  active: boolean;
  kinds: ConnectionKind[];
  locationVerified: LocationCheck;
  points: { citizen: Points; officer: Points };
  timeWindow: TimeWindow | null;
  area: { cells: string[]; zips: string[] } | null;
  bonus: RuleBonus;
  caps: { perPairPerDay: Points | null; perUserPerDay: Points | null; budget: Points | null };
}

/** A saved rule: one version of it, and the points it has paid out. */
export interface Rule extends RuleDefinition {
  id: string;
  version: number;
  spentPoints: Points;
  updatedAt: string;
}

/** A connection to try the rules on. */
export interface PreviewInput {
  kind: ConnectionKind;
  locationVerified: boolean;
  madeAt?: string;
  cell?: string;
  zip?: string;
  firstEver?: boolean;
  firstWithThisOfficer?: boolean;
}

/** One rule that would pay. */
export interface PreviewLine {
  ruleId: string;
  version: number;
  name: string;
  points: Points;
}

/** What each side would earn (caps not applied). */
export interface Preview {
  citizen: PreviewLine[];
  officer: PreviewLine[];
  totals: { citizen: Points; officer: Points };
}

/** Rewards-wide settings. */
export interface RewardsSettings {
  citizenGiftsEnabled: boolean;
  giftDailyCap: Points;
  donationDailyCap: Points;
  pointValueCents: number;
}

/** What these calls need of the session (see `api/session.ts`). */
export interface PartnerRewardsApi {
  get<T>(path: string, options?: RequestOptions<T>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
  send<T>(method: Method, path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
}

/** What a file download needs of the session: the current token, and a fresh one on demand. */
export interface TokenSource {
  accessToken(): string | undefined;
  refresh(): Promise<string>;
}

/* ---------- decoding ---------- */

function strings(value: unknown, what: string): string[] {
  return list(value, what).map((item) => text(item, what));
}

/** Checks an offer as its organisation sees it. */
export function decodeOffer(data: unknown): Offer {
  const { distanceKm: _distance, ...offer } = decodeCatalogueOffer(data);
  const o = record(data, 'offer');
  return { ...offer, issuerUrl: textOrNull(o['issuerUrl'], 'offer issuerUrl'), issuerSecret: textOrNull(o['issuerSecret'], 'offer issuerSecret') };
}

/** Checks a voucher as the till sees it. */
export function decodeTillVoucher(data: unknown): TillVoucher {
  const v = record(data, 'voucher');
  return {
    id: text(v['id'], 'voucher id'),
    offerId: text(v['offerId'], 'voucher offerId'),
    offerTitle: text(v['offerTitle'], 'voucher offerTitle'),
    points: integer(v['points'], 'voucher points'),
    status: oneOf(v['status'], voucherStatuses, 'voucher status'),
    validUntil: text(v['validUntil'], 'voucher validUntil'),
    issuedAt: text(v['issuedAt'], 'voucher issuedAt'),
    usedAt: textOrNull(v['usedAt'], 'voucher usedAt'),
    externalCode: textOrNull(v['externalCode'], 'voucher externalCode'),
  };
}

/** Checks a donation line. */
export function decodeDonation(data: unknown): Donation {
  const d = record(data, 'donation');
  return {
    id: text(d['id'], 'donation id'),
    causeId: text(d['causeId'], 'donation causeId'),
    causeTitle: text(d['causeTitle'], 'donation causeTitle'),
    points: integer(d['points'], 'donation points'),
    at: text(d['at'], 'donation at'),
  };
}

/** Checks `GET …/summary`. */
export function decodeSummary(data: unknown): OrganisationSummary {
  const s = record(data, 'summary');
  return {
    organisationId: text(s['organisationId'], 'summary organisationId'),
    name: text(s['name'], 'summary name'),
    type: oneOf(s['type'], rewardsOrganisationTypes, 'summary type'),
    balance: integer(s['balance'], 'summary balance'),
    pointValueCents: finiteNumber(s['pointValueCents'], 'summary pointValueCents'),
  };
}

/** Checks a rule. */
export function decodeRule(data: unknown): Rule {
  const r = record(data, 'rule');
  const points = record(r['points'], 'rule points');
  const caps = record(r['caps'], 'rule caps');
  const window = r['timeWindow'];
  const area = r['area'];
  return {
    id: text(r['id'], 'rule id'),
    version: integer(r['version'], 'rule version'),
    spentPoints: integer(r['spentPoints'], 'rule spentPoints'),
    updatedAt: text(r['updatedAt'], 'rule updatedAt'),
    name: text(r['name'], 'rule name'),
    active: bool(r['active'], 'rule active'),
    kinds: list(r['kinds'], 'rule kinds').map((kind) => oneOf(kind, connectionKinds, 'rule kind')),
    locationVerified: oneOf(r['locationVerified'], locationChecks, 'rule locationVerified'),
    points: { citizen: integer(points['citizen'], 'rule citizen points'), officer: integer(points['officer'], 'rule officer points') },
    timeWindow: isRecord(window)
      ? { days: list(window['days'], 'window days').map((day) => integer(day, 'window day')), from: text(window['from'], 'window from'), to: text(window['to'], 'window to') }
      : window === null || window === undefined
        ? null
        : fail('rule timeWindow'),
    area: isRecord(area) ? { cells: strings(area['cells'] ?? [], 'area cells'), zips: strings(area['zips'] ?? [], 'area zips') } : area === null || area === undefined ? null : fail('rule area'),
    bonus: oneOf(r['bonus'], ruleBonuses, 'rule bonus'),
    caps: {
      perPairPerDay: integerOrNull(caps['perPairPerDay'], 'cap perPairPerDay'),
      perUserPerDay: integerOrNull(caps['perUserPerDay'], 'cap perUserPerDay'),
      budget: integerOrNull(caps['budget'], 'cap budget'),
    },
  };
}

function decodeLines(value: unknown, what: string): PreviewLine[] {
  return list(value, what).map((item) => {
    const l = record(item, 'preview line');
    return { ruleId: text(l['ruleId'], 'line ruleId'), version: integer(l['version'], 'line version'), name: text(l['name'], 'line name'), points: integer(l['points'], 'line points') };
  });
}

/** Checks `POST /rewards/rules/preview`. */
export function decodePreview(data: unknown): Preview {
  const p = record(data, 'preview');
  const totals = record(p['totals'], 'preview totals');
  return {
    citizen: decodeLines(p['citizen'], 'citizen lines'),
    officer: decodeLines(p['officer'], 'officer lines'),
    totals: { citizen: integer(totals['citizen'], 'citizen total'), officer: integer(totals['officer'], 'officer total') },
  };
}

/** Checks the settings object. */
export function decodeSettings(data: unknown): RewardsSettings {
  const s = record(record(data, 'settings answer')['settings'], 'settings');
  return {
    citizenGiftsEnabled: bool(s['citizenGiftsEnabled'], 'citizenGiftsEnabled'),
    giftDailyCap: integer(s['giftDailyCap'], 'giftDailyCap'),
    donationDailyCap: integer(s['donationDailyCap'], 'donationDailyCap'),
    pointValueCents: finiteNumber(s['pointValueCents'], 'pointValueCents'),
  };
}

/** Reads `{ [key]: value }` with `decode`. */
function field<T>(key: string, decode: (data: unknown) => T): (data: unknown) => T {
  return (data) => decode(record(data, key)[key]);
}

const decodeRules = (data: unknown): Rule[] => list(record(data, 'rules')['items'], 'rules').map(decodeRule);

/* ---------- calls ---------- */

const base = '/api/v1/rewards';

function orgPath(orgId: string, rest: string): string {
  return `${base}/organisations/${encodeURIComponent(orgId)}${rest}`;
}

/** How much of a list to ask for. */
export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

function pageQuery({ limit, cursor }: PageRequest): string {
  const search = new URLSearchParams();
  if (limit !== undefined) search.set('limit', String(limit));
  if (cursor) search.set('cursor', cursor);
  const string = search.toString();
  return string ? `?${string}` : '';
}

function signalOption(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}

/** The organisation's points balance and name, as Rewards knows it (404 until Rewards has heard of it). */
export function getOrganisationSummary(api: PartnerRewardsApi, orgId: string, signal?: AbortSignal): Promise<OrganisationSummary> {
  return api.get(orgPath(orgId, '/summary'), { ...signalOption(signal), decode: decodeSummary });
}

/** A page of the organisation's offers, every status. */
export function listOrganisationOffers(api: PartnerRewardsApi, orgId: string, page: PageRequest = {}, signal?: AbortSignal): Promise<CursorPage<Offer>> {
  return api.get(orgPath(orgId, `/offers${pageQuery(page)}`), { ...signalOption(signal), decode: decodePage(decodeOffer) });
}

/** Publishes a new offer (a scheme, for a municipality). */
export function createOffer(api: PartnerRewardsApi, orgId: string, input: OfferInput): Promise<Offer> {
  return api.post(orgPath(orgId, '/offers'), input, { decode: field('offer', decodeOffer) });
}

/** Changes an offer: its fields, its stock left, or its status. */
export function updateOffer(api: PartnerRewardsApi, orgId: string, offerId: string, patch: OfferPatch): Promise<Offer> {
  return api.send('PATCH', orgPath(orgId, `/offers/${encodeURIComponent(offerId)}`), patch, { decode: field('offer', decodeOffer) });
}

/** A page of the vouchers issued for the organisation's offers. */
export function listRedemptions(api: PartnerRewardsApi, orgId: string, page: PageRequest = {}, signal?: AbortSignal): Promise<CursorPage<TillVoucher>> {
  return api.get(orgPath(orgId, `/redemptions${pageQuery(page)}`), { ...signalOption(signal), decode: decodePage(decodeTillVoucher) });
}

/** What a voucher code (QR payload or short code) is for, without using it. */
export function checkVoucher(api: PartnerRewardsApi, orgId: string, code: string): Promise<TillVoucher> {
  return api.post(orgPath(orgId, '/vouchers/check'), { code }, { decode: field('voucher', decodeTillVoucher) });
}

/** Uses a voucher, exactly once. */
export function markVoucherUsed(api: PartnerRewardsApi, orgId: string, code: string): Promise<TillVoucher> {
  return api.post(orgPath(orgId, '/vouchers/use'), { code }, { decode: field('voucher', decodeTillVoucher) });
}

/** A page of the charity's causes. */
export function listOrganisationCauses(api: PartnerRewardsApi, orgId: string, page: PageRequest = {}, signal?: AbortSignal): Promise<CursorPage<Cause>> {
  return api.get(orgPath(orgId, `/causes${pageQuery(page)}`), { ...signalOption(signal), decode: decodePage(decodeCause) });
}

/** Opens a new cause. */
export function createCause(api: PartnerRewardsApi, orgId: string, input: CauseInput): Promise<Cause> {
  return api.post(orgPath(orgId, '/causes'), input, { decode: field('cause', decodeCause) });
}

/** Changes a cause, or opens and closes it. */
export function updateCause(api: PartnerRewardsApi, orgId: string, causeId: string, patch: CausePatch): Promise<Cause> {
  return api.send('PATCH', orgPath(orgId, `/causes/${encodeURIComponent(causeId)}`), patch, { decode: field('cause', decodeCause) });
}

/** A page of the donations the charity received. */
export function listDonations(api: PartnerRewardsApi, orgId: string, page: PageRequest = {}, signal?: AbortSignal): Promise<CursorPage<Donation>> {
  return api.get(orgPath(orgId, `/donations${pageQuery(page)}`), { ...signalOption(signal), decode: decodePage(decodeDonation) });
}

/** The path of a month's statement (`month` is YYYY-MM). */
export function statementPath(orgId: string, month: string): string {
  return orgPath(orgId, `/statements/${encodeURIComponent(month)}`);
}

/**
 * The month's statement as CSV text. It is not JSON, so it is fetched here with the bearer token
 * (refreshed once on a 401); failures become ApiErrors like the other calls'.
 */
export async function downloadStatement(tokens: TokenSource, orgId: string, month: string, fetcher: typeof fetch = fetch): Promise<string> {
  const path = statementPath(orgId, month);
  const send = async (token: string): Promise<Response> => {
    try {
      return await fetcher(path, { headers: { Accept: 'text/csv, application/json', Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
    } catch {
      throw new ApiError({ status: 0, code: networkErrorCode, message: 'The server could not be reached.' });
    }
  };
  let response = await send(tokens.accessToken() ?? (await tokens.refresh()));
  if (response.status === 401) response = await send(await tokens.refresh());
  if (response.ok) return response.text();
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = parseErrorBody(body);
  const requestId = response.headers.get('x-request-id') ?? undefined;
  throw new ApiError(
    error ? { status: response.status, ...error, requestId: error.requestId ?? requestId } : { status: response.status, code: networkErrorCode, message: `The request failed (HTTP ${response.status}).`, requestId },
  );
}

/** Admins: every earning rule, at its current version. */
export function listRules(api: PartnerRewardsApi, signal?: AbortSignal): Promise<Rule[]> {
  return api.get(`${base}/rules`, { ...signalOption(signal), decode: decodeRules });
}

/** Admins: a new rule (version 1). */
export function createRule(api: PartnerRewardsApi, definition: RuleDefinition): Promise<Rule> {
  return api.post(`${base}/rules`, definition, { decode: field('rule', decodeRule) });
}

/** Admins: a new version of a rule. */
export function updateRule(api: PartnerRewardsApi, ruleId: string, definition: RuleDefinition): Promise<Rule> {
  return api.send('PUT', `${base}/rules/${encodeURIComponent(ruleId)}`, definition, { decode: field('rule', decodeRule) });
}

/** Admins: every version of a rule, newest first. */
export function listRuleVersions(api: PartnerRewardsApi, ruleId: string, signal?: AbortSignal): Promise<Rule[]> {
  return api.get(`${base}/rules/${encodeURIComponent(ruleId)}/versions`, { ...signalOption(signal), decode: decodeRules });
}

/** Admins: what a connection like this would earn each side, and which rules would pay. */
export function previewRules(api: PartnerRewardsApi, input: PreviewInput): Promise<Preview> {
  return api.post(`${base}/rules/preview`, input, { decode: decodePreview });
}

/** Admins: the rewards settings. */
export function getRewardsSettings(api: PartnerRewardsApi, signal?: AbortSignal): Promise<RewardsSettings> {
  return api.get(`${base}/settings`, { ...signalOption(signal), decode: decodeSettings });
}

/** Admins: saves the rewards settings. */
export function updateRewardsSettings(api: PartnerRewardsApi, settings: RewardsSettings): Promise<RewardsSettings> {
  return api.send('PUT', `${base}/settings`, settings, { decode: decodeSettings });
}
