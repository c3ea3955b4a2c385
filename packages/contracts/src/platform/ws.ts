// The websocket's own messages on `/ws`: the greeting, the heartbeat a client may ask for, and the
// error a frame the server cannot take is answered with.
import { Type, type Static } from 'typebox';
import { Time } from '../shared/http.ts';

/** Sent once the socket is accepted. */
export const WelcomeMessage = Type.Object({ type: Type.Literal('welcome'), connectionId: Type.String({ description: 'this socket' }), userId: Type.String({ description: 'who it is signed in as' }) });
export type WelcomeMessage = Static<typeof WelcomeMessage>;

/** The answer to a ping, with the server's clock. */
export const PongMessage = Type.Object({ type: Type.Literal('pong'), at: Time('the server’s clock') });
export type PongMessage = Static<typeof PongMessage>;

/** Why the gateway refused a frame (besides the error codes of the HTTP API, e.g. PLATFORM_INTERNAL). */
export const WsErrorCode = Type.Union([Type.Literal('WS_MALFORMED_MESSAGE'), Type.Literal('WS_UNKNOWN_MESSAGE'), Type.Literal('PLATFORM_INTERNAL')]);
export type WsErrorCode = Static<typeof WsErrorCode>;

/** Something the client sent could not be handled. */
export const ErrorMessage = Type.Object({ type: Type.Literal('error'), code: WsErrorCode, message: Type.String({ description: 'for developers; apps say it in their own words per code' }) });
export type ErrorMessage = Static<typeof ErrorMessage>;

/** Every message the gateway itself sends, by type. */
export const platformServerMessages = { welcome: WelcomeMessage, pong: PongMessage, error: ErrorMessage } as const;

/** Asks for a pong (apps measure the round trip with it). */
export const PingMessage = Type.Object({ type: Type.Literal('ping') });
export type PingMessage = Static<typeof PingMessage>;

/** Every message the gateway itself takes, by type. */
export const platformClientMessages = { ping: PingMessage } as const;

/** Close codes of `/ws` and the stable reason each carries. */
export const WS_CLOSE = {
  goingAway: { code: 1001, reason: 'WS_SERVER_SHUTTING_DOWN' },
  unsupportedData: { code: 1003, reason: 'WS_BINARY_NOT_SUPPORTED' },
  malformed: { code: 1007, reason: 'WS_MALFORMED_MESSAGE' },
  policy: { code: 1008, reason: 'WS_RATE_LIMITED' },
  tooBig: { code: 1009, reason: 'WS_FRAME_TOO_LARGE' },
  tooSlow: { code: 1013, reason: 'WS_CLIENT_TOO_SLOW' },
  heartbeat: { code: 4000, reason: 'WS_HEARTBEAT_MISSED' },
} as const;
