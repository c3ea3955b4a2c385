import type { DeliveryPort, OutgoingMessage } from '../../application/delivery-port.ts';

/** Settings of the HTTP SMS adapter. */
export interface SmsHttpDeliveryOptions {
  /** Provider endpoint that receives `POST { from, to, text }` as JSON. */
  readonly url: string;
  /** Bearer token for the provider; never put in errors or logs. */
  readonly token: string;
  /** Sender name or number shown to the recipient. */
  readonly from: string;
  /** Longest wait for the provider's answer; 10 s by default. */
  readonly timeoutMs?: number;
}

/** Sends SMS through an HTTP provider: one JSON POST per message, accepted when it answers 2xx. */
export function createSmsHttpDelivery(options: SmsHttpDeliveryOptions): DeliveryPort {
  const timeout = options.timeoutMs ?? 10_000;
  return {
    channels: new Set(['sms']),
    async send(message: OutgoingMessage): Promise<void> {
      if (message.channel !== 'sms') throw new Error(`SMS delivery sends SMS only, not ${message.channel}`);
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify({ from: options.from, to: message.to, text: message.text }),
          signal: AbortSignal.timeout(timeout),
        });
      } catch (error) {
        const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer in ${timeout} ms` : causeOf(error);
        throw new Error(`SMS provider unreachable for the ${message.purpose} SMS: ${reason}`, { cause: error });
      }
      // Read the body so the connection can be reused; its content is not needed.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`SMS provider refused the ${message.purpose} SMS: HTTP ${response.status} ${response.statusText}`.trimEnd());
    },
  };
}

// fetch reports "fetch failed" and puts the network reason (ECONNREFUSED…) in `cause`.
function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
