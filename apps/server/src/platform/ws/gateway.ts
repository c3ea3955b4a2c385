import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Config } from '../config/config.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Fanout } from './fanout.ts';
import { Compile } from 'typebox/compile';
import { clientMessages, WS_CLOSE, type ClientMessageOf, type ClientMessageType, type ServerMessage } from './messages.ts';
import { firstUnstorableText } from '../storable-text.ts';

/** Who is on the other end of a socket. */
export interface WsActor {
  readonly userId: string;
  /** The roles the token carried (e.g. officer), when the authenticator knows them. */
  readonly roles?: readonly string[];
}

/** Told when a user's first socket on this instance opens (true) and their last one closes (false). */
export type PresenceListener = (userId: string, online: boolean) => void;

/** The seam for sign-in: turns the connection's token into an actor, or null to refuse it. */
export interface WsAuthenticator {
  authenticate(token: string | undefined): Promise<WsActor | null>;
}

/** What a module's handler of a client message gets. */
export interface WsMessageContext {
  readonly actor: WsActor;
  readonly connectionId: string;
  reply(message: ServerMessage): void;
}

/** Handles one client message type; the message has passed its contract's schema. */
export type WsHandler<T extends ClientMessageType> = (message: ClientMessageOf<T>, context: WsMessageContext) => Promise<void> | void;

/** A handler with the check of its message's schema: erased to one shape so handlers of every type share a map. */
interface CheckedHandler {
  readonly check: (message: unknown) => boolean;
  readonly firstError: (message: unknown) => string;
  readonly run: (message: unknown, context: WsMessageContext) => Promise<void> | void;
}

interface Connection {
  readonly id: string;
  readonly actor: WsActor;
  readonly socket: WebSocket;
  alive: boolean;
  tokens: number;
  refilledAt: number;
}

const MESSAGES_PER_SECOND = 20;

/**
 * The one websocket endpoint `/ws`: authenticates before the upgrade, keeps per-user rooms,
 * checks heartbeats, closes sockets that send too big, too many or malformed frames, and
 * closes clients too slow to drain what is sent to them.
 */
export class WsGateway {
  readonly #options: Config['ws'];
  readonly #logger: Logger;
  readonly #metrics: Metrics;
  readonly #auth: WsAuthenticator;
  readonly #fanout: Fanout;
  readonly #rooms = new Map<string, Set<Connection>>();
  readonly #handlers = new Map<string, CheckedHandler>();
  readonly #presenceListeners: PresenceListener[] = [];
  // Bound once: a label lookup per message is measurable at 10k messages/s.
  readonly #messagesIn: { inc(): void };
  readonly #messagesOut: { inc(): void };
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(deps: { options: Config['ws']; logger: Logger; metrics: Metrics; authenticator: WsAuthenticator; fanout: Fanout }) {
    this.#options = deps.options;
    this.#logger = deps.logger;
    this.#metrics = deps.metrics;
    this.#auth = deps.authenticator;
    this.#fanout = deps.fanout;
    this.#messagesIn = deps.metrics.wsMessages.labels('in');
    this.#messagesOut = deps.metrics.wsMessages.labels('out');
    this.#fanout.listen((userId, message) => this.#deliverLocally(userId, message));
    this.handle('ping', (_message, context) => context.reply({ type: 'pong', at: new Date().toISOString() }));
  }

  /** Declares the handler of one client message type (explicit wiring, no discovery). */
  handle<T extends ClientMessageType>(type: T, handler: WsHandler<T>): void {
    if (this.#handlers.has(type)) throw new Error(`websocket message ${type} has two handlers`);
    const schema = Compile(clientMessages[type]);
    const fits = (message: unknown): message is ClientMessageOf<T> => schema.Check(message);
    this.#handlers.set(type, {
      check: fits,
      firstError: (message) => {
        const first = schema.Errors(message)[0];
        return first ? `${first.instancePath || '/'} ${first.message}` : 'does not match its schema';
      },
      run: (message, context) => (fits(message) ? handler(message, context) : undefined),
    });
  }

  /** Subscribes to users coming online and going offline on this instance (explicit wiring, like `handle`). */
  onPresence(listener: PresenceListener): void {
    this.#presenceListeners.push(listener);
  }

  /** Whether the user has a socket open on this instance. */
  isOnlineHere(userId: string): boolean {
    return this.#rooms.has(userId);
  }

  /** Sends to every socket of a user, on any instance. */
  async sendToUser(userId: string, message: ServerMessage): Promise<void> {
    await this.#fanout.publish(userId, message);
  }

  /** How many sockets this instance holds. */
  get connectionCount(): number {
    let count = 0;
    for (const room of this.#rooms.values()) count += room.size;
    return count;
  }

  /** Adds the `/ws` route; call inside the @fastify/websocket plugin's scope. */
  register(app: FastifyInstance): void {
    app.get('/ws', {
      websocket: true,
      config: { rateLimit: false },
      schema: { hide: true },
      preValidation: async (request, reply) => {
        const token = new URL(request.url, 'http://localhost').searchParams.get('token') ?? undefined;
        const actor = await this.#auth.authenticate(token);
        if (!actor) return reply.status(401).send({ error: { code: 'PLATFORM_UNAUTHENTICATED', message: 'Sign in to open a live connection.', requestId: request.id } });
        request.wsActor = actor;
      },
    }, (socket, request) => {
      const actor = request.wsActor;
      if (!actor) return socket.close(WS_CLOSE.policy.code, 'WS_UNAUTHENTICATED');
      this.#open(socket, actor);
    });
    this.#heartbeat ??= setInterval(() => this.#checkHeartbeats(), this.#options.heartbeatMs).unref();
  }

  /** Closes every socket with 1001 so clients reconnect elsewhere; waits briefly for the close handshakes. */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    const closing: Array<Promise<void>> = [];
    for (const room of this.#rooms.values()) {
      for (const connection of room) {
        closing.push(new Promise((resolve) => {
          const force = setTimeout(() => { connection.socket.terminate(); resolve(); }, 1000);
          connection.socket.once('close', () => { clearTimeout(force); resolve(); });
          connection.socket.close(WS_CLOSE.goingAway.code, WS_CLOSE.goingAway.reason);
        }));
      }
    }
    await Promise.all(closing);
    await this.#fanout.close();
  }

  #open(socket: WebSocket, actor: WsActor): void {
    const connection: Connection = { id: randomUUID(), actor, socket, alive: true, tokens: MESSAGES_PER_SECOND, refilledAt: Date.now() };
    let room = this.#rooms.get(actor.userId);
    const first = !room;
    if (!room) this.#rooms.set(actor.userId, (room = new Set()));
    room.add(connection);
    if (first) this.#tellPresence(actor.userId, true);
    this.#metrics.wsConnections.inc();
    socket.on('pong', () => { connection.alive = true; });
    socket.on('message', (data, isBinary) => this.#receive(connection, data, isBinary));
    socket.on('error', (error) => {
      const reason = /max payload|too big/i.test(error.message) ? WS_CLOSE.tooBig : undefined;
      this.#logger.debug({ err: error, connectionId: connection.id }, 'websocket error');
      if (reason && socket.readyState === socket.OPEN) socket.close(reason.code, reason.reason);
    });
    socket.on('close', () => {
      room.delete(connection);
      if (room.size === 0 && this.#rooms.get(actor.userId) === room) {
        this.#rooms.delete(actor.userId);
        this.#tellPresence(actor.userId, false);
      }
      this.#metrics.wsConnections.dec();
    });
    this.#send(connection, { type: 'welcome', connectionId: connection.id, userId: actor.userId });
  }

  #tellPresence(userId: string, online: boolean): void {
    for (const listener of this.#presenceListeners) {
      try {
        listener(userId, online);
      } catch (error) {
        this.#logger.error({ err: error, userId }, 'presence listener failed');
      }
    }
  }

  #receive(connection: Connection, data: unknown, isBinary: boolean): void {
    this.#messagesIn.inc();
    if (isBinary) return connection.socket.close(WS_CLOSE.unsupportedData.code, WS_CLOSE.unsupportedData.reason);
    if (!this.#takeToken(connection)) return connection.socket.close(WS_CLOSE.policy.code, WS_CLOSE.policy.reason);
    const message = parseMessage(String(data));
    if (!message) return connection.socket.close(WS_CLOSE.malformed.code, WS_CLOSE.malformed.reason);
    const reply = (m: ServerMessage): void => this.#send(connection, m);
    // Well-formed JSON may still carry text PostgreSQL cannot store; refused here once, not by each handler.
    const unstorable = firstUnstorableText(message);
    if (unstorable) return reply({ type: 'error', code: 'WS_MALFORMED_MESSAGE', message: `${unstorable.path} ${unstorable.reason}` });
    const handler = this.#handlers.get(message.type);
    if (!handler) return reply({ type: 'error', code: 'WS_UNKNOWN_MESSAGE', message: `unknown message type "${message.type}"` });
    if (!handler.check(message)) return reply({ type: 'error', code: 'WS_MALFORMED_MESSAGE', message: `${message.type}: ${handler.firstError(message)}` });
    const failed = (error: unknown): void => {
      this.#logger.error({ err: error, type: message.type }, 'websocket handler failed');
      reply({ type: 'error', code: 'PLATFORM_INTERNAL', message: 'Something went wrong on our side.' });
    };
    // Most handlers (location fixes) are synchronous: no promise per message for them.
    try {
      const outcome = handler.run(message, { actor: connection.actor, connectionId: connection.id, reply });
      if (outcome instanceof Promise) outcome.catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  #takeToken(connection: Connection): boolean {
    const now = Date.now();
    connection.tokens = Math.min(MESSAGES_PER_SECOND, connection.tokens + ((now - connection.refilledAt) / 1000) * MESSAGES_PER_SECOND);
    connection.refilledAt = now;
    if (connection.tokens < 1) return false;
    connection.tokens -= 1;
    return true;
  }

  #deliverLocally(userId: string, message: ServerMessage): void {
    for (const connection of this.#rooms.get(userId) ?? []) this.#send(connection, message);
  }

  #send(connection: Connection, message: ServerMessage): void {
    const socket = connection.socket;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > this.#options.maxBufferedBytes) {
      this.#logger.warn({ connectionId: connection.id, buffered: socket.bufferedAmount }, 'closing a websocket that does not keep up');
      socket.close(WS_CLOSE.tooSlow.code, WS_CLOSE.tooSlow.reason);
      // The close frame waits behind everything the client has not read; do not wait for its answer.
      setTimeout(() => socket.terminate(), 1000).unref();
      return;
    }
    this.#messagesOut.inc();
    socket.send(JSON.stringify(message));
  }

  #checkHeartbeats(): void {
    for (const room of this.#rooms.values()) {
      for (const connection of room) {
        if (!connection.alive) {
          connection.socket.close(WS_CLOSE.heartbeat.code, WS_CLOSE.heartbeat.reason);
          connection.socket.terminate();
          continue;
        }
        connection.alive = false;
        connection.socket.ping();
      }
    }
  }
}

function parseMessage(text: string): (Record<string, unknown> & { type: string }) | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value) && 'type' in value && typeof value.type === 'string') return value as Record<string, unknown> & { type: string };
  } catch {
    // malformed
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the websocket route's authentication before the upgrade. */
    wsActor?: WsActor;
  }
}
