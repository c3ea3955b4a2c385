import { isApiError } from '../../api/api-error.ts';

/** A fresh Idempotency-Key: a UUID (crypto.randomUUID exists only on https and localhost, so random bytes elsewhere). */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A failure after which the server recorded nothing (no answer, timeout, 5xx, rate limit): the same
 * key may be sent again, and must be, in case the first request did go through after all.
 */
export function isTransientFailure(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

/** Keeps the Idempotency-Key of one user action across its retries. */
export interface ActionKey {
  /** The key for an attempt at the action `fingerprint` names (e.g. "donate cause-1 50"); the same action keeps its key. */
  keyFor(fingerprint: string): string;
  /** After an attempt: success or a refusal ends the action (the next one gets a new key); a transient failure keeps the key for the retry. */
  settle(error?: unknown): void;
}

/** One action's key: generated once per action, reused only when the same action is retried after a transient failure. */
export function createActionKey(generate: () => string = newIdempotencyKey): ActionKey {
  let current: { fingerprint: string; key: string } | undefined;
  return {
    keyFor(fingerprint) {
      if (current?.fingerprint !== fingerprint) current = { fingerprint, key: generate() };
      return current.key;
    },
    settle(error) {
      if (error === undefined || !isTransientFailure(error)) current = undefined;
    },
  };
}
