import { sql } from 'kysely';
import { AppError } from '../../../platform/errors/app-error.ts';
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
export type KeyedOutcome<T> = { readonly ok: true; readonly status: number; readonly body: T; readonly replayed: boolean } | { readonly ok: false; readonly code: string; readonly replayed: boolean };

/** What a business refusal may still write (e.g. a redemption-failed event) after its work was rolled back. */
export type OnRefused = (tx: Tx, events: EventSink<RewardsCatalog>, code: string) => Promise<void>;

const TRANSIENT = new Set(['40001', '40P01']);
const MAX_TRIES = 5;

/**
 * Runs `work` at most once per (account, key): the key row is claimed in the same transaction as the
 * work, so concurrent duplicates wait for the first and then read its outcome. A business refusal
 * (an AppError) rolls the work back to a savepoint but keeps the key with the refusal, so a retry is
 * refused the same way; anything else (timeout, lost database) rolls everything back, key included,
 * and the same key may be retried.
 */
export async function oncePerKey<T>(deps: RewardsDeps, request: KeyedRequest, status: number, work: (tx: Tx, events: EventSink<RewardsCatalog>) => Promise<T>, onRefused?: OnRefused): Promise<KeyedOutcome<T>> {
  const hash = requestHash(request.operation, request.body);
  return retryTransient(() =>
    deps.unitOfWork(request.context, async (tx, events) => {
      const claimed = await sql`insert into rewards.idempotency_keys (account_id, key, operation, request_hash, status, response)
        values (${request.accountId}, ${request.key}, ${request.operation}, ${hash}, 0, '{}') on conflict do nothing`.execute(tx);
      if (Number(claimed.numAffectedRows ?? 0n) === 0) return replay<T>(tx, request, hash);
      await sql`savepoint keyed_work`.execute(tx);
      const buffered: Array<() => void> = [];
      const sink: EventSink<RewardsCatalog> = { emit: (type, payload) => void buffered.push(() => events.emit(type, payload)) };
      let outcome: KeyedOutcome<T>;
      try {
        outcome = { ok: true, status, body: await work(tx, sink), replayed: false };
        for (const emit of buffered) emit();
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await sql`rollback to savepoint keyed_work`.execute(tx);
        outcome = { ok: false, code: error.code, replayed: false };
        await onRefused?.(tx, events, error.code);
      }
      const stored = outcome.ok ? { status: outcome.status, response: { body: outcome.body } } : { status: 0, response: { error: outcome.code } };
      await sql`update rewards.idempotency_keys set status = ${stored.status}, response = ${JSON.stringify(stored.response)}::jsonb
        where account_id = ${request.accountId} and key = ${request.key}`.execute(tx);
      return outcome;
    }),
  );
}

async function replay<T>(tx: Tx, request: KeyedRequest, hash: string): Promise<KeyedOutcome<T>> {
  const row = await sql<{ request_hash: string; status: number; response: { body?: T; error?: string } }>`
    select request_hash, status, response from rewards.idempotency_keys where account_id = ${request.accountId} and key = ${request.key}`.execute(tx);
  const first = row.rows[0];
  if (!first) throw new Error('idempotency key vanished while being read');
  if (first.request_hash !== hash) throw new AppError('REWARDS_IDEMPOTENCY_KEY_REUSED');
  if (first.response.error) return { ok: false, code: first.response.error, replayed: true };
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
