import type { Broadcast } from '../../../platform/events/broadcast.ts';
import type { LiveLink, LiveMessage } from '../application/live-link.ts';

const CHANNEL = 'connections.live';

/**
 * Live-map replication over the platform's broadcast (NATS core in distributed mode): every instance
 * applies every other instance's fixes and window changes, so a citizen on instance B finds an
 * officer on instance A within one update (ADR 0009). Memory only: NATS core keeps nothing.
 */
export function broadcastLink(broadcast: Broadcast): LiveLink {
  return {
    publish(message) {
      broadcast.publish(CHANNEL, JSON.stringify(message));
    },
    listen(apply) {
      broadcast.subscribe(CHANNEL, (payload) => {
        const message = parse(payload);
        if (message) apply(message);
      });
    },
    async close() {},
  };
}

function parse(payload: string): LiveMessage | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    if (value && typeof value === 'object' && 't' in value && typeof value.t === 'string') return value as LiveMessage;
  } catch {
    // another version's message, or noise: ignore
  }
  return undefined;
}
