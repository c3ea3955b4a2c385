import type { Logger } from 'pino';
import type { Config } from '../../../../platform/config/config.ts';
import type { DeliveryPort, OutgoingMessage } from '../../application/delivery-port.ts';
import { createDevOutbox, type DevOutbox } from './dev-outbox.ts';
import { createSmsHttpDelivery } from './sms-http-delivery.ts';
import { createSmtpDelivery } from './smtp-delivery.ts';

type Channel = OutgoingMessage['channel'];
const CHANNELS: readonly Channel[] = ['email', 'sms'];

/** What createDelivery builds from. */
export interface DeliveryDeps {
  /** The delivery settings (`config.delivery`). */
  readonly settings: Config['delivery'];
  /** The server mode; the dev outbox exists only outside production. */
  readonly mode: Config['mode'];
  /** Where the dev outbox logs its messages. */
  readonly logger: Logger;
}

/** The deployment's delivery, the dev outbox when there is one, and how to close provider connections. */
export interface Delivery {
  /** Sends by email and SMS through whichever adapter serves each channel. */
  readonly delivery: DeliveryPort;
  /** Present only outside production, when some channel has no provider configured. */
  readonly devOutbox?: DevOutbox;
  /** Closes pooled SMTP connections (on shutdown). */
  close(): void;
}

/**
 * Chooses an adapter per channel: SMTP for email when SMTP_URL is set, the HTTP provider for SMS when
 * SMS_HTTP_URL is set, otherwise the dev outbox in development and test. In production email must have
 * SMTP (throws otherwise) and SMS without a provider is simply unavailable.
 */
export function createDelivery(deps: DeliveryDeps): Delivery {
  const { settings, mode } = deps;
  const production = mode === 'production';
  if (production && settings.smtpUrl === undefined) throw new Error('SMTP_URL is required in production (sign-in codes are sent by email)');
  const needsOutbox = !production && (settings.smtpUrl === undefined || settings.smsHttpUrl === undefined);
  const devOutbox = needsOutbox ? createDevOutbox({ logger: deps.logger }) : undefined;
  const smtp = settings.smtpUrl === undefined ? undefined : createSmtpDelivery({ url: settings.smtpUrl, from: settings.emailFrom });
  const sms =
    settings.smsHttpUrl === undefined ? devOutbox : createSmsHttpDelivery({ url: settings.smsHttpUrl, token: settings.smsHttpToken ?? '', from: settings.smsFrom });
  const delivery = routeByChannel({ email: smtp ?? devOutbox, sms });
  deps.logger.info({ email: smtp ? 'smtp' : 'dev-outbox', sms: settings.smsHttpUrl ? 'http' : (devOutbox ? 'dev-outbox' : 'unavailable') }, 'delivery channels');
  return { delivery, devOutbox, close: () => smtp?.close() };
}

/** One DeliveryPort that hands each message to the adapter of its channel; a channel without one throws. */
export function routeByChannel(adapters: Partial<Record<Channel, DeliveryPort>>): DeliveryPort {
  const channels = new Set(CHANNELS.filter((channel) => adapters[channel]?.channels.has(channel)));
  return {
    channels,
    async send(message: OutgoingMessage): Promise<void> {
      const adapter = channels.has(message.channel) ? adapters[message.channel] : undefined;
      if (!adapter) throw new Error(`No ${message.channel} delivery in this deployment (cannot send the ${message.purpose} message)`);
      await adapter.send(message);
    },
  };
}
