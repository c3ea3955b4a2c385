/**
 * The partner and admin side of Rewards (docs/rewards-api.md, "Partners" and "Admins"): an
 * organisation's offers, till, causes and statements, and the admins' earning rules and settings.
 * The citizen side lives in `rewards.ts`. Answers are checked against the server's own schemas
 * (@heyblue/contracts/rewards).
 */
import {
  CauseAnswer, CauseKind, CausePage, ConnectionKind, LocationCheck, OrganisationSummary, PartnerOfferAnswer, PartnerOfferPage, Preview, ReceivedDonationPage, RuleAnswer, RuleBonus, RulesAnswer, SettingsAnswer,
  TillVoucherAnswer, TillVoucherPage, literalsOf,
  type Cause, type CauseInput, type CausePatch, type OfferInput, type OfferPatch, type PartnerOffer, type PreviewInput, type RewardsSettings, type Rule, type RuleDefinition, type TillVoucher,
} from '@heyblue/contracts/rewards';
import { ApiError, networkErrorCode, parseErrorBody } from './api-error.ts';
import { precompiledChecks } from '@heyblue/contracts/rewards/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import type { CursorPage } from './decode.ts';
import type { Method, RequestOptions } from './http.ts';

export type { CursorPage };
export type { Cause, CauseInput, CausePatch, OfferCategory, OfferInput, OfferLocation, OfferPatch, OfferStatus, OrganisationSummary, Preview, PreviewInput, PreviewLine, RewardsSettings, Rule, RuleDefinition, TillVoucher, TimeWindow, VoucherStatus } from '@heyblue/contracts/rewards';
export type { CauseKind, ConnectionKind, LocationCheck, RuleBonus };
/** A retailer's offer or a municipality's scheme, as its organisation sees it. */
export type Offer = PartnerOffer;

/** Every kind of cause, for pickers. */
export const causeKinds = literalsOf(CauseKind);
/** Every kind of connection a rule can pay for. */
export const connectionKinds = literalsOf(ConnectionKind);
/** Which connections a rule counts, by whether their location was verified. */
export const locationChecks = literalsOf(LocationCheck);
/** The first-connection bonuses a rule can have. */
export const ruleBonuses = literalsOf(RuleBonus);

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

// The rewards schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

const decodeSummary = decoderOf(OrganisationSummary);
const decodeOfferPage = decoderOf(PartnerOfferPage);
const decodeOffer = decoderOf(PartnerOfferAnswer);
const decodeTillVoucherPage = decoderOf(TillVoucherPage);
const decodeTillVoucher = decoderOf(TillVoucherAnswer);
const decodeCausePage = decoderOf(CausePage);
const decodeCause = decoderOf(CauseAnswer);
const decodeDonationPage = decoderOf(ReceivedDonationPage);
const decodeRules = decoderOf(RulesAnswer);
const decodeRule = decoderOf(RuleAnswer);
const decodePreview = decoderOf(Preview);
const decodeSettings = decoderOf(SettingsAnswer);

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
export function listOrganisationOffers(api: PartnerRewardsApi, orgId: string, page: PageRequest = {}, signal?: AbortSignal): Promise<PartnerOfferPage> {
  return api.get(orgPath(orgId, `/offers${pageQuery(page)}`), { ...signalOption(signal), decode: decodeOfferPage });
}

/** Publishes a new offer (a scheme, for a municipality). */
export async function createOffer(api: PartnerRewardsApi, orgId: string, input: OfferInput): Promise<Offer> {
  return (await api.post(orgPath(orgId, '/offers'), input, { decode: decodeOffer })).offer;
}

/** Changes an offer: its fields, its stock left, or its status. */
export async function updateOffer(api: PartnerRewardsApi, orgId: string, offerId: string, patch: OfferPatch): Promise<Offer> {
  return (await api.send('PATCH', orgPath(orgId, `/offers/${encodeURIComponent(offerId)}`), patch, { decode: decodeOffer })).offer;
}

/** A picture's upload: one file in a multipart form (its name is ignored by the server). */
function pictureForm(file: Blob): FormData {
  const form = new FormData();
  form.append('image', file, 'picture');
  return form;
}

// Up to 8 MB on a slow connection: allow far longer than the usual 15 s.
const pictureTimeoutMs = 120_000;

/** Sets an offer's picture (a JPEG, PNG or WebP; the server keeps an 800×500 WebP); answers the offer. */
export async function setOfferImage(api: PartnerRewardsApi, orgId: string, offerId: string, file: Blob): Promise<Offer> {
  return (await api.send('PUT', orgPath(orgId, `/offers/${encodeURIComponent(offerId)}/image`), pictureForm(file), { decode: decodeOffer, timeoutMs: pictureTimeoutMs })).offer;
}

/** Removes an offer's picture; answers the offer. */
export async function removeOfferImage(api: PartnerRewardsApi, orgId: string, offerId: string): Promise<Offer> {
  return (await api.send('DELETE', orgPath(orgId, `/offers/${encodeURIComponent(offerId)}/image`), undefined, { decode: decodeOffer })).offer;
}

/** Sets a cause's picture; answers the cause. */
export async function setCauseImage(api: PartnerRewardsApi, orgId: string, causeId: string, file: Blob): Promise<Cause> {
  return (await api.send('PUT', orgPath(orgId, `/causes/${encodeURIComponent(causeId)}/image`), pictureForm(file), { decode: decodeCause, timeoutMs: pictureTimeoutMs })).cause;
}

/** Removes a cause's picture; answers the cause. */
export async function removeCauseImage(api: PartnerRewardsApi, orgId: string, causeId: string): Promise<Cause> {
  return (await api.send('DELETE', orgPath(orgId, `/causes/${encodeURIComponent(causeId)}/image`), undefined, { decode: decodeCause })).cause;
}

/** A page of the vouchers issued for the organisation's offers. */
export function listRedemptions(api: PartnerRewardsApi, orgId: string, page: PageRequest = {}, signal?: AbortSignal): Promise<TillVoucherPage> {
  return api.get(orgPath(orgId, `/redemptions${pageQuery(page)}`), { ...signalOption(signal), decode: decodeTillVoucherPage });
}

/** What a voucher code (QR payload or short code) is for, without using it. */
export async function checkVoucher(api: PartnerRewardsApi, orgId: string, code: string): Promise<TillVoucher> {
  return (await api.post(orgPath(orgId, '/vouchers/check'), { code }, { decode: decodeTillVoucher })).voucher;
}

/** Uses a voucher, exactly once. */
export async function markVoucherUsed(api: PartnerRewardsApi, orgId: string, code: string): Promise<TillVoucher> {
  return (await api.post(orgPath(orgId, '/vouchers/use'), { code }, { decode: decodeTillVoucher })).voucher;
}

/** A page of the charity's causes. */
export function listOrganisationCauses(api: PartnerRewardsApi, orgId: string, page: PageRequest = {}, signal?: AbortSignal): Promise<CausePage> {
  return api.get(orgPath(orgId, `/causes${pageQuery(page)}`), { ...signalOption(signal), decode: decodeCausePage });
}

/** Opens a new cause. */
export async function createCause(api: PartnerRewardsApi, orgId: string, input: CauseInput): Promise<Cause> {
  return (await api.post(orgPath(orgId, '/causes'), input, { decode: decodeCause })).cause;
}

/** Changes a cause, or opens and closes it. */
export async function updateCause(api: PartnerRewardsApi, orgId: string, causeId: string, patch: CausePatch): Promise<Cause> {
  return (await api.send('PATCH', orgPath(orgId, `/causes/${encodeURIComponent(causeId)}`), patch, { decode: decodeCause })).cause;
}

/** A page of the donations the charity received. */
export function listDonations(api: PartnerRewardsApi, orgId: string, page: PageRequest = {}, signal?: AbortSignal): Promise<ReceivedDonationPage> {
  return api.get(orgPath(orgId, `/donations${pageQuery(page)}`), { ...signalOption(signal), decode: decodeDonationPage });
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
export async function listRules(api: PartnerRewardsApi, signal?: AbortSignal): Promise<Rule[]> {
  return (await api.get(`${base}/rules`, { ...signalOption(signal), decode: decodeRules })).items;
}

/** Admins: a new rule (version 1). */
export async function createRule(api: PartnerRewardsApi, definition: RuleDefinition): Promise<Rule> {
  return (await api.post(`${base}/rules`, definition, { decode: decodeRule })).rule;
}

/** Admins: a new version of a rule. */
export async function updateRule(api: PartnerRewardsApi, ruleId: string, definition: RuleDefinition): Promise<Rule> {
  return (await api.send('PUT', `${base}/rules/${encodeURIComponent(ruleId)}`, definition, { decode: decodeRule })).rule;
}

/** Admins: every version of a rule, newest first. */
export async function listRuleVersions(api: PartnerRewardsApi, ruleId: string, signal?: AbortSignal): Promise<Rule[]> {
  return (await api.get(`${base}/rules/${encodeURIComponent(ruleId)}/versions`, { ...signalOption(signal), decode: decodeRules })).items;
}

/** Admins: what a connection like this would earn each side, and which rules would pay. */
export function previewRules(api: PartnerRewardsApi, input: PreviewInput): Promise<Preview> {
  return api.post(`${base}/rules/preview`, input, { decode: decodePreview });
}

/** Admins: the rewards settings. */
export async function getRewardsSettings(api: PartnerRewardsApi, signal?: AbortSignal): Promise<RewardsSettings> {
  return (await api.get(`${base}/settings`, { ...signalOption(signal), decode: decodeSettings })).settings;
}

/** Admins: saves the rewards settings. */
export async function updateRewardsSettings(api: PartnerRewardsApi, settings: RewardsSettings): Promise<RewardsSettings> {
  return (await api.send('PUT', `${base}/settings`, settings, { decode: decodeSettings })).settings;
}
