// The connections calls. Every shape comes from the server's contract (@heyblue/contracts/connections)
// and every answer is checked against it before the app sees it.
import {
  Accepted,
  type AvailabilityWindow,
  type Connection,
  ConnectionAnswer,
  ConnectionPage,
  type ConnectionRequest,
  ConnectionSettings,
  LocationRejectionCode,
  NearbyAnswer,
  type NearbyOfficer,
  OpenWindowAnswer,
  PendingRequests,
  QrCode,
  RequestAnswer,
  VirtualOfficerPage,
  WindowAnswer,
  type AvailabilityModes,
  type RequestKind,
  type VirtualOfficer,
} from '@heyblue/contracts/connections';
import { precompiledChecks } from '@heyblue/contracts/connections/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import type { Method, RequestOptions } from './http.ts';

export type {
  Accepted,
  Area,
  AvailabilityWindow,
  Band,
  Connection,
  ConnectionKind,
  ConnectionPage,
  ConnectionRequest,
  ConnectionSettings,
  NearbyOfficer,
  PendingRequests,
  QrCode,
  RequestKind,
  RequestStatus,
  VirtualOfficer,
  VirtualOfficerPage,
} from '@heyblue/contracts/connections';

/** The codes of `location.rejected` on the socket, as the contract lists them. */
export const locationRejectionCodes = LocationRejectionCode.anyOf.map((literal) => literal.const);

/* ---------- checks of what the server answers ---------- */

// The connections schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

/** Checks `GET /connections/settings`. */
export const decodeSettings = decoderOf(ConnectionSettings, 'connections settings');
/** Checks `GET /connections/availability`. */
export const decodeOpenWindow = decoderOf(OpenWindowAnswer, 'availability');
/** Checks `POST /connections/availability` and `…/extend`. */
export const decodeWindowAnswer = decoderOf(WindowAnswer, 'availability');
/** Checks `GET /connections/nearby`. */
export const decodeNearby = decoderOf(NearbyAnswer, 'nearby officers');
/** Checks `GET /connections/virtual-officers`. */
export const decodeVirtualOfficerPage = decoderOf(VirtualOfficerPage, 'virtual officers');
/** Checks `{ request }` (asking, declining, cancelling). */
export const decodeRequestAnswer = decoderOf(RequestAnswer, 'request');
/** Checks `GET /connections/requests`. */
export const decodeRequests = decoderOf(PendingRequests, 'requests');
/** Checks `POST /connections/requests/:id/accept`. */
export const decodeAccepted = decoderOf(Accepted, 'accepted request');
/** Checks `POST /connections/qr`. */
export const decodeQrCode = decoderOf(QrCode, 'connection code');
/** Checks `POST /connections/qr/scan`. */
export const decodeConnectionAnswer = decoderOf(ConnectionAnswer, 'connection');
/** Checks `GET /connections`. */
export const decodeConnectionPage = decoderOf(ConnectionPage, 'connections');

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
export async function getAvailability(api: ConnectionsApi, signal?: AbortSignal): Promise<AvailabilityWindow | null> {
  return (await api.get(`${base}/availability`, { signal, decode: decodeOpenWindow })).window;
}

/** Officers: opens a window (at least one of in person / virtually). */
export async function startAvailability(api: ConnectionsApi, modes: AvailabilityModes): Promise<AvailabilityWindow> {
  return (await api.post(`${base}/availability`, modes, { decode: decodeWindowAnswer })).window;
}

/** Officers: the open window, closing a full window's length from now. */
export async function extendAvailability(api: ConnectionsApi): Promise<AvailabilityWindow> {
  return (await api.post(`${base}/availability/extend`, undefined, { decode: decodeWindowAnswer })).window;
}

/** Officers: closes the window (idempotent). */
export async function stopAvailability(api: ConnectionsApi): Promise<void> {
  await api.send('DELETE', `${base}/availability`);
}

/** The officers the socket last said are near. */
export async function getNearby(api: ConnectionsApi, signal?: AbortSignal): Promise<NearbyOfficer[]> {
  return (await api.get(`${base}/nearby`, { signal, decode: decodeNearby })).officers;
}

/** A page of the officers available virtually, optionally of one precinct. */
export async function listVirtualOfficers(
  api: ConnectionsApi,
  page: { precinctId?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
  signal?: AbortSignal,
): Promise<{ items: VirtualOfficer[]; nextCursor: string | null }> {
  const path = `${base}/virtual-officers${query({ precinctId: page.precinctId, cursor: page.cursor, limit: page.limit })}`;
  const { officers, nextCursor } = await api.get(path, { signal, decode: decodeVirtualOfficerPage });
  return { items: officers, nextCursor };
}

/** Citizens: asks an officer to connect (a repeat answers the same pending request). */
export async function askToConnect(api: ConnectionsApi, officerId: string, kind: RequestKind): Promise<ConnectionRequest> {
  return (await api.post(`${base}/requests`, { officerId, kind }, { decode: decodeRequestAnswer })).request;
}

/** The pending requests to me (officers) and from me (citizens). */
export function listRequests(api: ConnectionsApi, signal?: AbortSignal): Promise<PendingRequests> {
  return api.get(`${base}/requests`, { signal, decode: decodeRequests });
}

/** Officers: accepts a request; the connection is made. */
export function acceptRequest(api: ConnectionsApi, id: string): Promise<Accepted> {
  return api.post(requestPath(id, 'accept'), undefined, { decode: decodeAccepted });
}

/** Officers: declines a request. */
export async function declineRequest(api: ConnectionsApi, id: string): Promise<ConnectionRequest> {
  return (await api.post(requestPath(id, 'decline'), undefined, { decode: decodeRequestAnswer })).request;
}

/** Citizens: takes back a pending request. */
export async function cancelRequest(api: ConnectionsApi, id: string): Promise<ConnectionRequest> {
  return (await api.post(requestPath(id, 'cancel'), undefined, { decode: decodeRequestAnswer })).request;
}

/** A new code to show. */
export function createQrCode(api: ConnectionsApi, signal?: AbortSignal): Promise<QrCode> {
  return api.post(`${base}/qr`, undefined, { signal, decode: decodeQrCode });
}

/** Connects with whoever shows this code: the scanned token, or the short code typed in. */
export async function scanQrCode(api: ConnectionsApi, code: { token: string } | { shortCode: string }): Promise<Connection> {
  return (await api.post(`${base}/qr/scan`, code, { decode: decodeConnectionAnswer })).connection;
}

/** My connections, newest first. */
export function listConnections(api: ConnectionsApi, page: { cursor?: string | undefined; limit?: number | undefined }, signal?: AbortSignal): Promise<ConnectionPage> {
  return api.get(`${base}${query({ cursor: page.cursor, limit: page.limit })}`, { signal, decode: decodeConnectionPage });
}
