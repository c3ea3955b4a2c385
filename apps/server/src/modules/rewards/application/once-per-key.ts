import { AppError, isErrorCode, type ErrorCode } from '../../../platform/errors/app-error.ts';
import type { EventContext } from '../../../platform/events/envelope.ts';
import type { EventSink } from '../../../platform/events/unit-of-work.ts';
import { requestHash } from '../domain/idempotency.ts';
import type { RewardsCatalog, RewardsDeps } from './rewards-deps.ts';
import type { Tx } from './ports.ts';

/** A points-moving request under a client's idempotency key. */
export interface KeyedRequest {
  readonly accountId: string;
  readonly key: string;
  /** The use case and its target, e.g. `redeem:<offerId>`: part of the fingerprint. */
  readonly operation: string;
  readonly body: unknown;
  readonly context: EventContext;
}

/** What the first request answered, replayed for the same key and body. */
export type KeyedOutcome<T> = { readonly ok: true; readonly status: number; readonly body: T; readonly replayed: boolean } | { readonly ok: false; readonly code: ErrorCode; readonly replayed: boolean };

/** What a business refusal may still write (e.g. a redemption-failed event) after its work was rolled back. */
export type OnRefused = (tx: Tx, events: EventSink<RewardsCatalog>, code: ErrorCode) => Promise<void>;

const TRANSIENT = new Set(['40001', '40P01']);
const MAX_TRIES = 5;

/**
 * Runs `work` at most once per (account, key). The work runs first and its outcome is recorded under
 * the key in the same transaction, so the happy path costs one insert and no savepoint. When the key
 * already has an outcome — a retry, or a concurrent duplicate (the insert waits for it to commit) —
 * this work is rolled back and that outcome replayed. A business refusal (an AppError) rolls the work
 * back and records the refusal in a transaction of its own (unless the key got an outcome meanwhile,
 * which is then replayed), so a retry is refused the same way; anything else (timeout, lost database)
 * records nothing, and the same key may be retried. See docs/adr/0011-ledger-hot-path.md.
 */
export async function oncePerKey<T>(deps: RewardsDeps, request: KeyedRequest, status: number, work: (tx: Tx, events: EventSink<RewardsCatalog>) => Promise<T>, onRefused?: OnRefused): Promise<KeyedOutcome<T>> {
  const hash = requestHash(request.operation, request.body);
  try {
    return await retryTransient(() =>
      deps.unitOfWork(request.context, async (tx, events): Promise<KeyedOutcome<T>> => {
        const body = await work(tx, events);
        if (!(await record(deps, tx, request, hash, status, { body }))) throw new KeyAnswered();
        return { ok: true, status, body, replayed: false };
      }),
    );
  } catch (error) {
    if (error instanceof KeyAnswered) return replay<T>(deps, deps.db, request, hash);
    if (!(error instanceof AppError)) throw error;
    const code = error.code;
    return retryTransient(() =>
      deps.unitOfWork(request.context, async (tx, events): Promise<KeyedOutcome<T>> => {
        if (!(await record(deps, tx, request, hash, 0, { error: code }))) return replay<T>(deps, tx, request, hash);
        await onRefused?.(tx, events, code);
        return { ok: false, code, replayed: false };
      }),
    );
  }
}

/** Thrown to roll back work whose key already has an outcome. */
class KeyAnswered extends Error {}

/** Records the key's outcome; false when the key already has one (committed by another transaction, which the insert waited for). */
function record(deps: RewardsDeps, tx: Tx, request: KeyedRequest, hash: string, status: number, response: { body?: unknown; error?: string }): Promise<boolean> {
  return deps.keys.record(tx, { accountId: request.accountId, key: request.key, operation: request.operation, requestHash: hash, status, response });
}

async function replay<T>(deps: RewardsDeps, tx: Tx, request: KeyedRequest, hash: string): Promise<KeyedOutcome<T>> {
  const first = await deps.keys.outcome(tx, request.accountId, request.key);
  if (!first) throw new Error('idempotency key vanished while being read');
  if (first.requestHash !== hash) throw new AppError('REWARDS_IDEMPOTENCY_KEY_REUSED');
  // A refusal recorded before its code was renamed replays as the platform's generic refusal.
  if (first.response.error) return { ok: false, code: isErrorCode(first.response.error) ? first.response.error : 'PLATFORM_BAD_REQUEST', replayed: true };
  return { ok: true, status: first.status, body: first.response.body as T, replayed: true };
}

/** Reruns a transaction PostgreSQL aborted for a deadlock or a serialization conflict: nothing of it was written. */
export async function retryTransient<R>(work: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
      if (!TRANSIENT.has(code) || attempt >= MAX_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

/** The outcome as a result or a thrown refusal (the same refusal on every retry of the key). */
export function settled<T>(outcome: KeyedOutcome<T>): { status: number; body: T } {
  if (!outcome.ok) throw new AppError(outcome.code);
  return { status: outcome.status, body: outcome.body };
}
