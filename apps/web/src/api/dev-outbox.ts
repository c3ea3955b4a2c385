import { isRecord } from './decode.ts';
import { apiGet } from './http.ts';

/** One message the development outbox caught instead of sending it. */
export interface DevOutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  purpose: string;
  subject: string;
  text: string;
  /** ISO 8601. */
  sentAt: string;
}

function decodeMessage(data: unknown): DevOutboxMessage {
  if (isRecord(data)) {
    const { id, channel, to, purpose, subject, text, sentAt } = data;
    if (
      typeof id === 'string' &&
      (channel === 'email' || channel === 'sms') &&
      typeof to === 'string' &&
      typeof purpose === 'string' &&
      typeof subject === 'string' &&
      typeof text === 'string' &&
      typeof sentAt === 'string'
    ) {
      return { id, channel, to, purpose, subject, text, sentAt };
    }
  }
  throw new TypeError('Unexpected dev outbox message');
}

/** Checks the body of `GET /api/v1/dev/outbox`. */
export function decodeDevOutbox(data: unknown): DevOutboxMessage[] {
  if (isRecord(data) && Array.isArray(data['messages'])) return data['messages'].map(decodeMessage);
  throw new TypeError('Unexpected /dev/outbox response');
}

/** The dev outbox's messages, newest first; 404 on a production server. */
export function getDevOutbox(signal?: AbortSignal): Promise<DevOutboxMessage[]> {
  return apiGet('/api/v1/dev/outbox', { decode: decodeDevOutbox, ...(signal ? { signal } : {}) });
}

/** The one-time code in a message's text (the first run of exactly six digits), if any. */
export function codeIn(text: string): string | undefined {
  return /(?<!\d)\d{6}(?!\d)/.exec(text)?.[0];
}
