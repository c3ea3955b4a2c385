/** Messages a client may send; modules add theirs through the gateway's `handle`. */
export interface ClientMessages {
  ping: { type: 'ping' };
}

/** Messages the server sends. */
export interface ServerMessages {
  welcome: { type: 'welcome'; connectionId: string; userId: string };
  pong: { type: 'pong'; at: string };
  error: { type: 'error'; code: string; message: string };
}

/** Any server message. */
export type ServerMessage = ServerMessages[keyof ServerMessages] | { type: string; [key: string]: unknown };

/** Close codes and the stable reason each carries. */
export const WS_CLOSE = {
  goingAway: { code: 1001, reason: 'WS_SERVER_SHUTTING_DOWN' },
  unsupportedData: { code: 1003, reason: 'WS_BINARY_NOT_SUPPORTED' },
  malformed: { code: 1007, reason: 'WS_MALFORMED_MESSAGE' },
  policy: { code: 1008, reason: 'WS_RATE_LIMITED' },
  tooBig: { code: 1009, reason: 'WS_FRAME_TOO_LARGE' },
  tooSlow: { code: 1013, reason: 'WS_CLIENT_TOO_SLOW' },
  heartbeat: { code: 4000, reason: 'WS_HEARTBEAT_MISSED' },
} as const;
