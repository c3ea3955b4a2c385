import { isRecord } from './decode.ts';

/** Messages the server sends on `/ws`, keyed by `type`. */
export interface ServerMessageMap {
  /** Sent once the socket is accepted. */
  welcome: { type: 'welcome'; connectionId: string; userId?: string };
  /** The answer to a ping, with the server's clock. */
  pong: { type: 'pong'; at: string };
  /** Something the client sent could not be handled. */
  error: { type: 'error'; code: string; message: string };
}

export type ServerMessageType = keyof ServerMessageMap;
export type ServerMessage = ServerMessageMap[ServerMessageType];

/** Messages the client sends on `/ws`. */
export type ClientMessage = { type: 'ping' };

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
      return undefined;
  }
}
