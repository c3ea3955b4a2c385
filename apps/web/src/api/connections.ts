import type { RequestOptions } from './http.ts';
import type { Method } from './http.ts';
import { fail, isRecord, list, oneOf, record, text, textOrNull } from './decode.ts';

/** How far an officer is, never finer than the server's snapping. */
export const bands = ['within-500m', 'within-1km'] as const;
export type Band = (typeof bands)[number];

/** An officer's coarse area: an H3 cell, drawn as a circle of `radiusM` around its centre. */
export interface Area {
  cell: string;
  centre: { lat: number; lon: number };
  radiusM: number;
}

/** An officer's time of being findable, in person and/or virtually. */
export interface AvailabilityWindow {
  id: string;
  inPerson: boolean;
  virtual: boolean;
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601: the window closes by itself then unless extended. */
  closesAt: string;
}

/** An available officer near the citizen: a band and a coarse area, never coordinates. */
export interface NearbyOfficer {
  officerId: string;
  precinctName: string;
  band: Band;
  area: Area;
  /** Whether the officer also takes virtual requests. */
  virtual: boolean;
}

/** An officer who takes virtual requests now. */
export interface VirtualOfficer {
  officerId: string;
  precinctId: string;
  precinctName: string;
  zip: string | null;
}

export const requestKinds = ['proximity', 'virtual'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const requestStatuses = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** A citizen's ask to connect with an officer. */
export interface ConnectionRequest {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  citizenId: string;
  officerId: string;
  /** The band at the time of asking (proximity only). */
  band: Band | null;
  createdAt: string;
  expiresAt: string;
  decidedAt: string | null;
}

export const connectionKinds = ['proximity', 'qr', 'virtual'] as const;
export type ConnectionKind = (typeof connectionKinds)[number];

/** A meeting that happened. */
export interface Connection {
  id: string;
  kind: ConnectionKind;
  officerId: string;
  citizenId: string;
  locationVerified: boolean;
  zip: string | null;
  madeAt: string;
  /** Proximity: until when each party sees the other's live position; null otherwise. */
  meetUntil: string | null;
}

/** A short-lived code to show: as a QR of `token`, and as `shortCode` to type. */
export interface QrCode {
  token: string;
  shortCode: string;
  /** ISO 8601: no longer accepted after this. */
  expiresAt: string;
  /** ISO 8601: ask for a new one then. */
  refreshAt: string;
}

/** `GET /connections/settings`. */
export interface ConnectionSettings {
  radiusM: number;
  /** Fixes less accurate than this (metres) are ignored by the server. */
  maxAccuracyM: number;
  windowMinutes: number;
  requestTtlSeconds: number;
  qrRefreshSeconds: number;
  meetMinutes: number;
  /** Without a tile URL the app draws the map on a plain background. */
  map: { tileUrl: string | null; attribution: string | null };
}

/** A page of a list and the cursor of the next one (null on the last page). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** `POST /connections/requests/:id/accept`. */
export interface Accepted {
  request: ConnectionRequest;
  connection: Connection;
}

/** The error codes the connections routes answer with (each has its own message in the app). */
export const connectionErrorCodes = [
  'CONNECTIONS_OFFICERS_ONLY',
  'CONNECTIONS_CITIZENS_ONLY',
  'CONNECTIONS_WINDOW_ALREADY_OPEN',
  'CONNECTIONS_NO_OPEN_WINDOW',
  'CONNECTIONS_OFFICER_UNAVAILABLE',
  'CONNECTIONS_NOT_NEAR',
  'CONNECTIONS_TOO_MANY_PENDING',
  'CONNECTIONS_DECLINE_COOLDOWN',
  'CONNECTIONS_REQUEST_NOT_FOUND',
  'CONNECTIONS_REQUEST_NOT_PENDING',
  'CONNECTIONS_REQUEST_EXPIRED',
  'CONNECTIONS_NO_LONGER_NEAR',
  'CONNECTIONS_PAIR_DAILY_LIMIT',
  'CONNECTIONS_QR_MALFORMED',
  'CONNECTIONS_QR_TAMPERED',
  'CONNECTIONS_QR_EXPIRED',
  'CONNECTIONS_QR_ALREADY_USED',
  'CONNECTIONS_QR_WRONG_AUDIENCE',
  'CONNECTIONS_QR_OWN_CODE',
  'CONNECTIONS_QR_UNKNOWN_SHORT_CODE',
  'CONNECTIONS_QR_NOT_TOGETHER',
] as const;

/** The codes of `location.rejected` on the socket. */
export const locationRejectionCodes = [
  'CONNECTIONS_LOCATION_INVALID',
  'CONNECTIONS_LOCATION_STALE',
  'CONNECTIONS_LOCATION_TOO_FREQUENT',
  'CONNECTIONS_LOCATION_INACCURATE',
  'CONNECTIONS_LOCATION_FLAGGED',
  'CONNECTIONS_NO_OPEN_WINDOW',
] as const;

/* ---------- decoding ---------- */

/** A finite number, or fail. */
function number(value: unknown, what: string): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fail(what);
}

function boolean(value: unknown, what: string): boolean {
  return typeof value === 'boolean' ? value : fail(what);
}

/** A cursor: ids arrive as numbers or strings. */
function cursor(value: unknown, what: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return fail(what);
}

/** Checks a coarse area. */
export function decodeArea(data: unknown): Area {
  const a = record(data, 'area');
  const centre = record(a['centre'], 'area centre');
  return {
    cell: text(a['cell'], 'area cell'),
    centre: { lat: number(centre['lat'], 'area lat'), lon: number(centre['lon'], 'area lon') },
    radiusM: number(a['radiusM'], 'area radiusM'),
  };
}

/** Checks an availability window. */
export function decodeWindow(data: unknown): AvailabilityWindow {
  const w = record(data, 'window');
  return {
    id: text(w['id'], 'window id'),
    inPerson: boolean(w['inPerson'], 'window inPerson'),
    virtual: boolean(w['virtual'], 'window virtual'),
    startedAt: text(w['startedAt'], 'window startedAt'),
    closesAt: text(w['closesAt'], 'window closesAt'),
  };
}

/** A window or null. */
export function decodeWindowOrNull(data: unknown): AvailabilityWindow | null {
  return data === null || data === undefined ? null : decodeWindow(data);
}

/** Checks `{ window }` (`GET/POST /connections/availability`, `…/extend`). */
export function decodeAvailability(data: unknown): AvailabilityWindow | null {
  return decodeWindowOrNull(record(data, 'availability')['window']);
}

/** Checks a nearby officer. */
export function decodeNearbyOfficer(data: unknown): NearbyOfficer {
  const o = record(data, 'nearby officer');
  return {
    officerId: text(o['officerId'], 'nearby officerId'),
    precinctName: text(o['precinctName'], 'nearby precinctName'),
    band: oneOf(o['band'], bands, 'nearby band'),
    area: decodeArea(o['area']),
    virtual: boolean(o['virtual'], 'nearby virtual'),
  };
}

/** Checks `GET /connections/nearby`. */
export function decodeNearby(data: unknown): NearbyOfficer[] {
  return list(record(data, 'nearby')['officers'], 'nearby officers').map(decodeNearbyOfficer);
}

/** Checks `GET /connections/virtual-officers`. */
export function decodeVirtualOfficerPage(data: unknown): CursorPage<VirtualOfficer> {
  const page = record(data, 'virtual officers');
  return {
    items: list(page['officers'], 'virtual officers').map((item) => {
      const o = record(item, 'virtual officer');
      return {
        officerId: text(o['officerId'], 'virtual officerId'),
        precinctId: text(o['precinctId'], 'virtual precinctId'),
        precinctName: text(o['precinctName'], 'virtual precinctName'),
        zip: textOrNull(o['zip'], 'virtual zip'),
      };
    }),
    nextCursor: cursor(page['nextCursor'], 'virtual nextCursor'),
  };
}

/** Checks a connection request. */
export function decodeRequest(data: unknown): ConnectionRequest {
  const r = record(data, 'request');
  return {
    id: text(r['id'], 'request id'),
    kind: oneOf(r['kind'], requestKinds, 'request kind'),
    status: oneOf(r['status'], requestStatuses, 'request status'),
    citizenId: text(r['citizenId'], 'request citizenId'),
    officerId: text(r['officerId'], 'request officerId'),
    band: r['band'] === null || r['band'] === undefined ? null : oneOf(r['band'], bands, 'request band'),
    createdAt: text(r['createdAt'], 'request createdAt'),
    expiresAt: text(r['expiresAt'], 'request expiresAt'),
    decidedAt: textOrNull(r['decidedAt'], 'request decidedAt'),
  };
}

/** Checks `{ request }`. */
export function decodeRequestEnvelope(data: unknown): ConnectionRequest {
  return decodeRequest(record(data, 'request envelope')['request']);
}

/** Checks `GET /connections/requests`. */
export function decodeRequests(data: unknown): { incoming: ConnectionRequest[]; outgoing: ConnectionRequest[] } {
  const r = record(data, 'requests');
  return {
    incoming: list(r['incoming'], 'incoming requests').map(decodeRequest),
    outgoing: list(r['outgoing'], 'outgoing requests').map(decodeRequest),
  };
}

/** Checks a connection. */
export function decodeConnection(data: unknown): Connection {
  const c = record(data, 'connection');
  return {
    id: text(c['id'], 'connection id'),
    kind: oneOf(c['kind'], connectionKinds, 'connection kind'),
    officerId: text(c['officerId'], 'connection officerId'),
    citizenId: text(c['citizenId'], 'connection citizenId'),
    locationVerified: boolean(c['locationVerified'], 'connection locationVerified'),
    zip: textOrNull(c['zip'], 'connection zip'),
    madeAt: text(c['madeAt'], 'connection madeAt'),
    meetUntil: textOrNull(c['meetUntil'], 'connection meetUntil'),
  };
}

/** Checks `{ connection }` (`POST /connections/qr/scan`). */
export function decodeConnectionEnvelope(data: unknown): Connection {
  return decodeConnection(record(data, 'connection envelope')['connection']);
}

/** Checks `POST /connections/requests/:id/accept`. */
export function decodeAccepted(data: unknown): Accepted {
  const a = record(data, 'accepted');
  return { request: decodeRequest(a['request']), connection: decodeConnection(a['connection']) };
}

/** Checks `GET /connections`. */
export function decodeConnectionPage(data: unknown): CursorPage<Connection> {
  const page = record(data, 'connections');
  return { items: list(page['items'], 'connection items').map(decodeConnection), nextCursor: cursor(page['nextCursor'], 'connections nextCursor') };
}

/** Checks `POST /connections/qr`. */
export function decodeQrCode(data: unknown): QrCode {
  const q = record(data, 'qr code');
  return {
    token: text(q['token'], 'qr token'),
    shortCode: text(q['shortCode'], 'qr shortCode'),
    expiresAt: text(q['expiresAt'], 'qr expiresAt'),
    refreshAt: text(q['refreshAt'], 'qr refreshAt'),
  };
}

/** Checks `GET /connections/settings`. */
export function decodeSettings(data: unknown): ConnectionSettings {
  const s = record(data, 'settings');
  const map = isRecord(s['map']) ? s['map'] : {};
  return {
    radiusM: number(s['radiusM'], 'settings radiusM'),
    maxAccuracyM: typeof s['maxAccuracyM'] === 'number' ? s['maxAccuracyM'] : 150,
    windowMinutes: number(s['windowMinutes'], 'settings windowMinutes'),
    requestTtlSeconds: number(s['requestTtlSeconds'], 'settings requestTtlSeconds'),
    qrRefreshSeconds: number(s['qrRefreshSeconds'], 'settings qrRefreshSeconds'),
    meetMinutes: number(s['meetMinutes'], 'settings meetMinutes'),
    map: { tileUrl: textOrNull(map['tileUrl'], 'settings tileUrl'), attribution: textOrNull(map['attribution'], 'settings attribution') },
  };
}

/* ---------- calls ---------- */

/** What these calls need of the session (see `api/session.ts`). */
export interface ConnectionsApi {
  get<T>(path: string, options?: RequestOptions<T>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
  send<T>(method: Method, path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
}

const base = '/api/v1/connections';

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const string = search.toString();
  return string ? `?${string}` : '';
}

function requestPath(id: string, action: 'accept' | 'decline' | 'cancel'): string {
  return `${base}/requests/${encodeURIComponent(id)}/${action}`;
}

/** The feature's settings: radius, window length, request lifetime, map tiles. */
export function getSettings(api: ConnectionsApi, signal?: AbortSignal): Promise<ConnectionSettings> {
  return api.get(`${base}/settings`, { signal, decode: decodeSettings });
}

/** Officers: the open window, if any. */
export function getAvailability(api: ConnectionsApi, signal?: AbortSignal): Promise<AvailabilityWindow | null> {
  return api.get(`${base}/availability`, { signal, decode: decodeAvailability });
}

/** Officers: opens a window (at least one of in person / virtually). */
export async function startAvailability(api: ConnectionsApi, modes: { inPerson: boolean; virtual: boolean }): Promise<AvailabilityWindow> {
  return (await api.post(`${base}/availability`, modes, { decode: decodeAvailability })) ?? fail('window');
}

/** Officers: the open window, closing a full window's length from now. */
export async function extendAvailability(api: ConnectionsApi): Promise<AvailabilityWindow> {
  return (await api.post(`${base}/availability/extend`, undefined, { decode: decodeAvailability })) ?? fail('window');
}

/** Officers: closes the window (idempotent). */
export async function stopAvailability(api: ConnectionsApi): Promise<void> {
  await api.send('DELETE', `${base}/availability`);
}

/** The officers the socket last said are near. */
export function getNearby(api: ConnectionsApi, signal?: AbortSignal): Promise<NearbyOfficer[]> {
  return api.get(`${base}/nearby`, { signal, decode: decodeNearby });
}

/** A page of the officers available virtually, optionally of one precinct. */
export function listVirtualOfficers(
  api: ConnectionsApi,
  page: { precinctId?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
  signal?: AbortSignal,
): Promise<CursorPage<VirtualOfficer>> {
  const path = `${base}/virtual-officers${query({ precinctId: page.precinctId, cursor: page.cursor, limit: page.limit })}`;
  return api.get(path, { signal, decode: decodeVirtualOfficerPage });
}

/** Citizens: asks an officer to connect (a repeat answers the same pending request). */
export function askToConnect(api: ConnectionsApi, officerId: string, kind: RequestKind): Promise<ConnectionRequest> {
  return api.post(`${base}/requests`, { officerId, kind }, { decode: decodeRequestEnvelope });
}

/** The pending requests to me (officers) and from me (citizens). */
export function listRequests(api: ConnectionsApi, signal?: AbortSignal): Promise<{ incoming: ConnectionRequest[]; outgoing: ConnectionRequest[] }> {
  return api.get(`${base}/requests`, { signal, decode: decodeRequests });
}

/** Officers: accepts a request; the connection is made. */
export function acceptRequest(api: ConnectionsApi, id: string): Promise<Accepted> {
  return api.post(requestPath(id, 'accept'), undefined, { decode: decodeAccepted });
}

/** Officers: declines a request. */
export function declineRequest(api: ConnectionsApi, id: string): Promise<ConnectionRequest> {
  return api.post(requestPath(id, 'decline'), undefined, { decode: decodeRequestEnvelope });
}

/** Citizens: takes back a pending request. */
export function cancelRequest(api: ConnectionsApi, id: string): Promise<ConnectionRequest> {
  return api.post(requestPath(id, 'cancel'), undefined, { decode: decodeRequestEnvelope });
}

/** A new code to show. */
export function createQrCode(api: ConnectionsApi, signal?: AbortSignal): Promise<QrCode> {
  return api.post(`${base}/qr`, undefined, { signal, decode: decodeQrCode });
}

/** Connects with whoever shows this code: the scanned token, or the short code typed in. */
export function scanQrCode(api: ConnectionsApi, code: { token: string } | { shortCode: string }): Promise<Connection> {
  return api.post(`${base}/qr/scan`, code, { decode: decodeConnectionEnvelope });
}

/** My connections, newest first. */
export function listConnections(api: ConnectionsApi, page: { cursor?: string | undefined; limit?: number | undefined }, signal?: AbortSignal): Promise<CursorPage<Connection>> {
  return api.get(`${base}${query({ cursor: page.cursor, limit: page.limit })}`, { signal, decode: decodeConnectionPage });
}
