import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../../../../platform/clock.ts';
import type { DeliveryPort, OutgoingMessage } from '../../application/delivery-port.ts';

/** A message kept by the dev outbox. */
export interface DevOutboxMessage extends OutgoingMessage {
  /** Unique id of this message in the outbox. */
  readonly id: string;
  /** When it was sent (ISO 8601). */
  readonly sentAt: string;
}

/** Development delivery for both channels: messages are logged and kept in memory for a developer to read. */
export interface DevOutbox extends DeliveryPort {
  /** The kept messages, newest first. */
  list(): readonly DevOutboxMessage[];
}

/** How many messages the dev outbox keeps by default. */
export const DEV_OUTBOX_CAPACITY = 200;

/**
 * Builds the dev outbox. Each message is logged at info level with its text: in development the
 * log and `/api/v1/dev/outbox` are how sign-in codes reach the developer. Never used in production.
 */
export function createDevOutbox(deps: { logger: Logger; clock?: Clock; capacity?: number }): DevOutbox {
  const clock = deps.clock ?? systemClock;
  const capacity = deps.capacity ?? DEV_OUTBOX_CAPACITY;
  const messages: DevOutboxMessage[] = [];
  return {
    channels: new Set(['email', 'sms']),
    async send(message: OutgoingMessage): Promise<void> {
      const kept: DevOutboxMessage = {
        id: randomUUID(),
        channel: message.channel,
        to: message.to,
        purpose: message.purpose,
        subject: message.subject,
        text: message.text,
        sentAt: clock.now().toISOString(),
      };
      messages.unshift(kept);
      if (messages.length > capacity) messages.length = capacity;
      deps.logger.info({ devOutbox: true, channel: kept.channel, to: kept.to, purpose: kept.purpose, text: kept.text }, `dev outbox: ${kept.purpose} ${kept.channel} to ${kept.to}`);
    },
    list: () => [...messages],
  };
}
