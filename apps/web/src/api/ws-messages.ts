import { isRecord } from './decode.ts';
import { decodeConnection, decodeNearbyOfficer, decodeRequest, decodeWindowOrNull } from './connections.ts';
import type { AvailabilityWindow, Connection, ConnectionRequest, NearbyOfficer } from './connections.ts';

/** Messages the server sends on `/ws`, keyed by `type`. */
export interface ServerMessageMap {
  /** Sent once the socket is accepted. */
  welcome: { type: 'welcome'; connectionId: string; userId?: string };
  /** The answer to a ping, with the server's clock. */
  pong: { type: 'pong'; at: string };
  /** Something the client sent could not be handled. */
  error: { type: 'error'; code: string; message: string };
  /** A location fix was not used; `code` says why (see `locationRejectionCodes`). */
  'location.rejected': { type: 'location.rejected'; code: string; message: string };
  /** An available officer came within the radius. */
  'nearby.entered': { type: 'nearby.entered'; officer: NearbyOfficer };
  /** A nearby officer's band (or area) changed. */
  'nearby.changed': { type: 'nearby.changed'; officer: NearbyOfficer };
  /** An officer is no longer near (moved away or no longer available). */
  'nearby.left': { type: 'nearby.left'; officerId: string };
  /** The officer's own window opened, changed or closed (and why it closed). */
  'availability.changed': { type: 'availability.changed'; window: AvailabilityWindow | null; reason?: AvailabilityCloseReason };
  /** To the officer: a citizen asks to connect. */
  'request.received': { type: 'request.received'; request: ConnectionRequest };
  /** To both: a request was accepted, declined, cancelled or expired. */
  'request.updated': { type: 'request.updated'; request: ConnectionRequest };
  /** To both: a connection was made. */
  'connection.made': { type: 'connection.made'; connection: Connection };
  /** During the meet period: the other party's live position. */
  'meet.position': { type: 'meet.position'; connectionId: string; userId: string; lat: number; lon: number; accuracy: number; until: string };
  /** Points arrived: what a rule paid for a connection, and the balance after it. */
  'points.awarded': { type: 'points.awarded'; points: number; ruleName: string; ruleId: string; ruleVersion: number; connectionId: string; balance: number };
  /** A pending voucher became active or failed (`failureReason` is an error code). */
  'voucher.changed': { type: 'voucher.changed'; voucherId: string; status: string; failureReason: string | null };
  /** Someone gave me points. */
  'gift.received': { type: 'gift.received'; giftId: string; points: number; senderId: string };
}

/** Why an availability window closed. */
export const availabilityCloseReasons = ['stopped', 'expired', 'disconnected'] as const;
export type AvailabilityCloseReason = (typeof availabilityCloseReasons)[number];

export type ServerMessageType = keyof ServerMessageMap;
export type ServerMessage = ServerMessageMap[ServerMessageType];

/** Messages the client sends on `/ws`. */
export type ClientMessage =
  | { type: 'ping' }
  /** A location fix: `accuracy` in metres, `at` the fix time in epoch milliseconds. At most one a second. */
  | { type: 'location'; lat: number; lon: number; accuracy: number; at: number }
  /** The app stops sharing its location. */
  | { type: 'location.stop' };

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Runs a decoder; a frame it refuses is dropped like any malformed frame. */
function attempt<T>(decode: () => T): T | undefined {
  try {
    return decode();
  } catch {
    return undefined;
  }
}

/** The connections messages (their payloads checked by the HTTP decoders). */
function parseConnectionsMessage(data: Record<string, unknown>): ServerMessage | undefined {
  switch (data['type']) {
    case 'location.rejected':
      return typeof data['code'] === 'string' && typeof data['message'] === 'string'
        ? { type: 'location.rejected', code: data['code'], message: data['message'] }
        : undefined;
    case 'nearby.entered':
    case 'nearby.changed': {
      const type = data['type'];
      return attempt(() => ({ type, officer: decodeNearbyOfficer(data['officer']) }));
    }
    case 'nearby.left':
      return typeof data['officerId'] === 'string' ? { type: 'nearby.left', officerId: data['officerId'] } : undefined;
    case 'availability.changed': {
      const reason = availabilityCloseReasons.find((r) => r === data['reason']);
      return attempt(() => ({ type: 'availability.changed', window: decodeWindowOrNull(data['window']), ...(reason ? { reason } : {}) }));
    }
    case 'request.received':
    case 'request.updated': {
      const type = data['type'];
      return attempt(() => ({ type, request: decodeRequest(data['request']) }));
    }
    case 'connection.made':
      return attempt(() => ({ type: 'connection.made', connection: decodeConnection(data['connection']) }));
    case 'meet.position': {
      const { connectionId, userId, lat, lon, accuracy, until } = data;
      if (typeof connectionId !== 'string' || typeof userId !== 'string' || typeof until !== 'string') return undefined;
      if (!isNumber(lat) || !isNumber(lon) || !isNumber(accuracy)) return undefined;
      return { type: 'meet.position', connectionId, userId, lat, lon, accuracy, until };
    }
    default:
      return undefined;
  }
}

/** The rewards messages. */
function parseRewardsMessage(data: Record<string, unknown>): ServerMessage | undefined {
  switch (data['type']) {
    case 'points.awarded': {
      const { points, ruleName, ruleId, ruleVersion, connectionId, balance } = data;
      if (!isNumber(points) || !isNumber(balance) || typeof ruleName !== 'string') return undefined;
      return {
        type: 'points.awarded',
        points,
        ruleName,
        balance,
        ruleId: typeof ruleId === 'string' ? ruleId : '',
        ruleVersion: isNumber(ruleVersion) ? ruleVersion : 0,
        connectionId: typeof connectionId === 'string' ? connectionId : '',
      };
    }
    case 'voucher.changed': {
      const { voucherId, status, failureReason } = data;
      if (typeof voucherId !== 'string' || typeof status !== 'string') return undefined;
      return { type: 'voucher.changed', voucherId, status, failureReason: typeof failureReason === 'string' ? failureReason : null };
    }
    case 'gift.received': {
      const { giftId, points, senderId } = data;
      if (typeof giftId !== 'string' || !isNumber(points) || typeof senderId !== 'string') return undefined;
      return { type: 'gift.received', giftId, points, senderId };
    }
    default:
      return undefined;
  }
}

/** Parses one text frame into a known server message; unknown or malformed frames give undefined. */
export function parseServerMessage(frame: unknown): ServerMessage | undefined {
  if (typeof frame !== 'string') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(frame);
  } catch {
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  switch (data['type']) {
    case 'welcome': {
      const { connectionId, userId } = data;
      if (typeof connectionId !== 'string') return undefined;
      return { type: 'welcome', connectionId, ...(typeof userId === 'string' ? { userId } : {}) };
    }
    case 'pong':
      return typeof data['at'] === 'string' ? { type: 'pong', at: data['at'] } : undefined;
    case 'error':
      return typeof data['code'] === 'string' && typeof data['message'] === 'string'
        ? { type: 'error', code: data['code'], message: data['message'] }
        : undefined;
    default:
      return parseConnectionsMessage(data) ?? parseRewardsMessage(data);
  }
}
