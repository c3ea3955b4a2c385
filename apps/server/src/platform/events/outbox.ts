import { sql, type Transaction } from 'kysely';
import type { NoTables } from '../db/database.ts';
import { currentTraceContext } from '../observability/tracing.ts';
import type { EventEnvelope } from './envelope.ts';

/** Writes events to the outbox inside the caller's transaction, so they commit (or not) with the state change. */
export async function appendToOutbox(trx: Transaction<NoTables>, envelopes: readonly EventEnvelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  const context = currentTraceContext();
  // Without tracing there is no context to keep: null costs the row nothing, '{}' a jsonb value.
  const trace = Object.keys(context).length > 0 ? JSON.stringify(context) : null;
  // PostgreSQL's wire protocol counts a statement's parameters in 16 bits: 8 per row, so at most
  // 8,191 rows per insert (a 10,000-account seed wrapped around and failed). Chunks of 1,000.
  for (let from = 0; from < envelopes.length; from += OUTBOX_ROWS_PER_INSERT) {
    const rows = envelopes.slice(from, from + OUTBOX_ROWS_PER_INSERT).map(
      (e) => sql`(${e.id}, ${e.type}, ${e.occurredAt}, ${e.actorId}, ${e.correlationId}, ${e.causationId}, ${JSON.stringify(e.payload)}::jsonb, ${trace}::jsonb)`,
    );
    await sql`insert into platform.outbox (id, type, occurred_at, actor_id, correlation_id, causation_id, payload, trace_context)
      values ${sql.join(rows)}`.execute(trx);
  }
}

const OUTBOX_ROWS_PER_INSERT = 1000;
