import type { Tx } from './ports.ts';

/** What a request answered, as recorded under its client's idempotency key. */
export interface KeyOutcome {
  /** The fingerprint of the operation and body the key was first used with. */
  readonly requestHash: string;
  readonly status: number;
  readonly response: { readonly body?: unknown; readonly error?: string };
}

/** Idempotency keys of points-moving requests (docs/adr/0011-ledger-hot-path.md). */
export interface IdempotencyStore {
  /** Records the key's outcome; false when the key already has one (committed by another transaction, which the insert waited for). */
  record(tx: Tx, key: { accountId: string; key: string; operation: string } & KeyOutcome): Promise<boolean>;
  /** The outcome recorded under a key, if any. */
  outcome(tx: Tx, accountId: string, key: string): Promise<KeyOutcome | undefined>;
  /** Forgets at most `limit` keys recorded before `before`; answers how many it forgot. */
  forgetBefore(tx: Tx, before: Date, limit: number): Promise<number>;
}
