import { backoffDelay } from './backoff.ts';
import type { BackoffOptions } from './backoff.ts';
import { parseServerMessage } from './ws-messages.ts';
import type { ClientMessage, ServerMessage, ServerMessageMap, ServerMessageType } from './ws-messages.ts';

export type { ClientMessage, ServerMessage, ServerMessageMap, ServerMessageType } from './ws-messages.ts';

/** Where the socket is in its life. `closed` is final: only `connect()` starts it again. */
export type SocketStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The part of the browser's WebSocket the client uses (so tests can hand in a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
}

/** WebSocket.OPEN, spelled out so the client runs where the global is missing. */
const OPEN = 1;

export interface SocketClientOptions {
  /** The access token, read on every (re)connect so a refreshed token is used. */
  token?: () => string | undefined;
  /** Full socket URL; defaults to `/ws` on this page's host. */
  url?: string;
  backoff?: BackoffOptions;
  /** Send a ping this often while open, so proxies keep the socket (default 25 s; 0 = never). */
  heartbeatMs?: number;
  /** Called whenever the status changes. */
  onStatus?: (status: SocketStatus) => void;
  /** Builds the socket; injectable for tests. */
  createSocket?: (url: string) => SocketLike;
}

export interface SocketClient {
  connect(): void;
  /** Stops for good (no reconnect) until `connect()` is called again. */
  close(): void;
  /** Sends when open; returns false when the message could not be sent. */
  send(message: ClientMessage): boolean;
  /** Subscribes to one message type; returns the unsubscribe function. */
  on<K extends ServerMessageType>(type: K, handler: (message: ServerMessageMap[K]) => void): () => void;
  readonly status: SocketStatus;
}

type Handlers = { [K in ServerMessageType]: Set<(message: ServerMessageMap[K]) => void> };

/** Builds the `/ws` URL for the current page, with the token as `?token=`. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>, token?: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${scheme}//${location.host}/ws${query}`;
}

/**
 * Closes after which retrying cannot help: the server refused who we are. Everything else
 * (server restart 1001, missed heartbeat 4000, rate limit 1008, a dropped network 1006) is retried
 * with backoff. A token refused before the upgrade surfaces as 1006 and is retried too, slowly.
 */
export function isFinalClose(code: number, reason: string): boolean {
  return reason === 'WS_UNAUTHENTICATED' || (code >= 4400 && code < 4500);
}

function dispatch<M>(handlers: Set<(message: M) => void>, message: M): void {
  for (const handler of handlers) handler(message);
}

/** A websocket to `/ws` that reconnects with exponential backoff and types its messages. */
export function createSocketClient(options: SocketClientOptions = {}): SocketClient {
  const { heartbeatMs = 25_000, createSocket = (url: string): SocketLike => new WebSocket(url) } = options;
  const handlers: Handlers = {
    welcome: new Set(),
    pong: new Set(),
    error: new Set(),
    'location.rejected': new Set(),
    'nearby.entered': new Set(),
    'nearby.changed': new Set(),
    'nearby.left': new Set(),
    'availability.changed': new Set(),
    'request.received': new Set(),
    'request.updated': new Set(),
    'connection.made': new Set(),
    'meet.position': new Set(),
    'points.awarded': new Set(),
    'points.unpaid': new Set(),
    'voucher.changed': new Set(),
    'gift.received': new Set(),
  };
  let socket: SocketLike | undefined;
  let status: SocketStatus = 'idle';
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  function setStatus(next: SocketStatus) {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  }

  /** Hands a message to the handlers of its type. */
  function deliver<K extends ServerMessageType>(type: K, message: ServerMessageMap[K]) {
    dispatch(handlers[type], message);
  }

  function emit(message: ServerMessage) {
    if (message.type === 'welcome') attempt = 0;
    deliver(message.type, message);
  }

  function stopTimers() {
    clearTimeout(retryTimer);
    clearInterval(heartbeat);
    retryTimer = undefined;
    heartbeat = undefined;
  }

  function scheduleReconnect() {
    setStatus('reconnecting');
    retryTimer = setTimeout(open, backoffDelay(attempt, options.backoff));
    attempt += 1;
  }

  function open() {
    stopTimers();
    setStatus('connecting');
    const url = options.url ?? socketUrl(globalThis.location, options.token?.());
    const current = createSocket(url);
    socket = current;
    current.addEventListener('open', () => {
      setStatus('open');
      if (heartbeatMs > 0) heartbeat = setInterval(() => send({ type: 'ping' }), heartbeatMs);
    });
    current.addEventListener('message', (event) => {
      const message = parseServerMessage(event.data);
      if (message) emit(message);
    });
    current.addEventListener('close', (event) => {
      if (socket !== current) return;
      socket = undefined;
      stopTimers();
      if (status === 'closed') return;
      if (isFinalClose(event.code, event.reason)) setStatus('closed');
      else scheduleReconnect();
    });
  }

  function send(message: ClientMessage): boolean {
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  function onOnline() {
    // Back online: retry now rather than waiting out the backoff.
    if (status === 'reconnecting') open();
  }

  return {
    connect() {
      if (status === 'connecting' || status === 'open') return;
      attempt = 0;
      globalThis.window?.addEventListener('online', onOnline);
      open();
    },
    close() {
      setStatus('closed');
      stopTimers();
      globalThis.window?.removeEventListener('online', onOnline);
      const current = socket;
      socket = undefined;
      current?.close(1000);
    },
    send,
    on(type, handler) {
      const set: Set<typeof handler> = handlers[type];
      set.add(handler);
      return () => set.delete(handler);
    },
    get status() {
      return status;
    },
  };
}
