import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { IdempotencyStore, KeyOutcome } from '../application/idempotency-ports.ts';

/** Idempotency keys in rewards.idempotency_keys: one insert records an outcome, one select replays it. */
export function idempotencyStore(): IdempotencyStore {
  return {
    async record(tx, k) {
      const inserted = await sql`insert into rewards.idempotency_keys (account_id, key, operation, request_hash, status, response)
        values (${k.accountId}, ${k.key}, ${k.operation}, ${k.requestHash}, ${k.status}, ${JSON.stringify(k.response)}::jsonb) on conflict do nothing`.execute(sqlOf(tx));
      return Number(inserted.numAffectedRows ?? 0n) > 0;
    },
    async outcome(tx, accountId, key) {
      const rows = await sql<{ request_hash: string; status: number; response: KeyOutcome['response'] }>`
        select request_hash, status, response from rewards.idempotency_keys where account_id = ${accountId} and key = ${key}`.execute(sqlOf(tx));
      const row = rows.rows[0];
      return row && { requestHash: row.request_hash, status: row.status, response: row.response };
    },
    async forgetBefore(tx, before, limit) {
      // By ctid, a bounded batch: no sweep holds many row locks for long.
      const result = await sql`delete from rewards.idempotency_keys where ctid in (
        select ctid from rewards.idempotency_keys where created_at < ${before} limit ${limit})`.execute(sqlOf(tx));
      return Number(result.numAffectedRows ?? 0n);
    },
  };
}
