import type { NatsConnection, Subscription } from '@nats-io/transport-node';

/**
 * Fire-and-forget messages to the other instances (NATS core, no persistence): for state that lives
 * in memory on every instance, like live positions. With one instance there is nobody to tell.
 */
export interface Broadcast {
  /** Sends to every other instance subscribed to the channel. */
  publish(channel: string, payload: string): void;
  /** Receives what other instances publish on the channel (never this instance's own messages). */
  subscribe(channel: string, handler: (payload: string) => void): void;
}

/** A broadcast whose NATS connection arrives after modules are built; until then (and without NATS) publishing does nothing. */
export function deferredBroadcast(instanceId: string): Broadcast & { attach(nc: NatsConnection, prefix: string): void; close(): void } {
  const handlers = new Map<string, Array<(payload: string) => void>>();
  const subscriptions: Subscription[] = [];
  let link: { nc: NatsConnection; prefix: string } | undefined;
  const origin = `${instanceId}\n`;
  const listen = (nc: NatsConnection, prefix: string, channel: string): void => {
    subscriptions.push(nc.subscribe(`${prefix}bc.${channel}`, {
      callback: (error, msg) => {
        if (error) return;
        const text = msg.string();
        if (text.startsWith(origin)) return;
        const payload = text.slice(text.indexOf('\n') + 1);
        for (const handler of handlers.get(channel) ?? []) handler(payload);
      },
    }));
  };
  return {
    publish(channel, payload) {
      link?.nc.publish(`${link.prefix}bc.${channel}`, origin + payload);
    },
    subscribe(channel, handler) {
      const list = handlers.get(channel);
      if (list) return void list.push(handler);
      handlers.set(channel, [handler]);
      if (link) listen(link.nc, link.prefix, channel);
    },
    attach(nc, prefix) {
      link = { nc, prefix };
      for (const channel of handlers.keys()) listen(nc, prefix, channel);
    },
    close() {
      for (const subscription of subscriptions) subscription.unsubscribe();
      subscriptions.length = 0;
      link = undefined;
    },
  };
}
