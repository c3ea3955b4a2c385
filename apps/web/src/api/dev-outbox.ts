import { DevOutbox } from '@heyblue/contracts/identity';
import type { DevOutboxMessage } from '@heyblue/contracts/identity';
import { precompiledChecks } from '@heyblue/contracts/identity/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import { apiGet } from './http.ts';

export type { DevOutboxMessage };

// The identity schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

const decodeBody = decoderOf(DevOutbox);

/** Checks the body of `GET /api/v1/dev/outbox`: its messages. */
export function decodeDevOutbox(data: unknown): DevOutboxMessage[] {
  return decodeBody(data).messages;
}

/** The dev outbox's messages, newest first; 404 on a production server. */
export function getDevOutbox(signal?: AbortSignal): Promise<DevOutboxMessage[]> {
  return apiGet('/api/v1/dev/outbox', { decode: decodeDevOutbox, ...(signal ? { signal } : {}) });
}

/** The one-time code in a message's text (the first run of exactly six digits), if any. */
export function codeIn(text: string): string | undefined {
  return /(?<!\d)\d{6}(?!\d)/.exec(text)?.[0];
}
