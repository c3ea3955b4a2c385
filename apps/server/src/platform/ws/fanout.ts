import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { ServerMessage } from './messages.ts';

/** Delivers a message to a user on whichever instance holds their sockets. */
export interface Fanout {
  publish(userId: string, message: ServerMessage): Promise<void>;
  /** Registers the local delivery; called once by the gateway. */
  listen(deliver: (userId: string, message: ServerMessage) => void): void;
  close(): Promise<void>;
}

/** One instance: delivery is local. */
export function localFanout(): Fanout {
  let deliver: (userId: string, message: ServerMessage) => void = () => {};
  return {
    async publish(userId, message) {
      deliver(userId, message);
    },
    listen(fn) {
      deliver = fn;
    },
    async close() {},
  };
}

/** Several instances: every message goes through NATS core subject `<prefix>ws.user.<userId>`; each instance delivers to its own sockets. */
export function natsFanout(nc: NatsConnection, prefix = 'heyblue.'): Fanout {
  let subscription: Subscription | undefined;
  return {
    async publish(userId, message) {
      nc.publish(`${prefix}ws.user.${encodeToken(userId)}`, JSON.stringify({ userId, message }));
    },
    listen(deliver) {
      subscription = nc.subscribe(`${prefix}ws.user.*`, {
        callback: (error, msg) => {
          if (error) return;
          const parsed: unknown = msg.json();
          if (parsed && typeof parsed === 'object' && 'userId' in parsed && typeof parsed.userId === 'string' && 'message' in parsed) {
            deliver(parsed.userId, parsed.message as ServerMessage);
          }
        },
      });
    },
    async close() {
      subscription?.unsubscribe();
    },
  };
}

/** NATS subject tokens may not contain dots, spaces or wildcards. */
function encodeToken(value: string): string {
  return Buffer.from(value).toString('base64url');
}

/** A fan-out whose transport arrives later (the NATS connection opens after modules subscribe). */
export function deferredFanout(): Fanout & { attach(inner: Fanout): void } {
  let inner: Fanout | undefined;
  let deliver: (userId: string, message: ServerMessage) => void = () => {};
  return {
    attach(next) {
      inner = next;
      inner.listen(deliver);
    },
    async publish(userId, message) {
      if (!inner) throw new Error('the websocket fan-out is not connected yet');
      await inner.publish(userId, message);
    },
    listen(fn) {
      deliver = fn;
    },
    async close() {
      await inner?.close();
    },
  };
}
