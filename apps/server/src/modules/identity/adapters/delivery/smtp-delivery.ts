import nodemailer from 'nodemailer';
import type { DeliveryPort, OutgoingMessage } from '../../application/delivery-port.ts';

/** Settings of the SMTP adapter. */
export interface SmtpDeliveryOptions {
  /** `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://user:pass@host:465` (TLS from the start). */
  readonly url: string;
  /** Sender of every email, e.g. `Hey Blue! <no-reply@heyblue.example>`. */
  readonly from: string;
  /** Longest wait to connect, for the greeting, and for an idle socket; 10 s by default. */
  readonly timeoutMs?: number;
}

/** An email DeliveryPort over a pool of SMTP connections; `close()` ends them on shutdown. */
export interface SmtpDelivery extends DeliveryPort {
  /** Closes the pooled connections. */
  close(): void;
}

/** Sends email through the SMTP server at `url`, reusing connections (nodemailer pool). */
export function createSmtpDelivery(options: SmtpDeliveryOptions): SmtpDelivery {
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    channels: new Set(['email']),
    async send(message: OutgoingMessage): Promise<void> {
      if (message.channel !== 'email') throw new Error(`SMTP delivery sends email only, not ${message.channel}`);
      let rejected: unknown[];
      try {
        const info = await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
        rejected = info.rejected;
      } catch (error) {
        throw new Error(`SMTP server did not take the ${message.purpose} email: ${reasonOf(error)}`, { cause: error });
      }
      if (rejected.length > 0) throw new Error(`SMTP server rejected the recipient of the ${message.purpose} email`);
    },
    close: () => transport.close(),
  };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
