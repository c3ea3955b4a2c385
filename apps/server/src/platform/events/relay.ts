import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { Metrics } from '../observability/metrics.ts';
import { inSpanFrom } from '../observability/tracing.ts';
import type { EventBus } from './bus.ts';
import type { EventEnvelope } from './envelope.ts';

/** Relay tuning. */
export interface RelayOptions {
  readonly pollMs: number;
  readonly batchSize: number;
  /** After this many failed attempts a row is parked and no longer blocks or retries. */
  readonly maxAttempts: number;
  /** How long a claimed row is reserved for this relay before another may take it. */
  readonly leaseMs?: number;
}

interface OutboxRow {
  seq: number;
  id: string;
  type: string;
  occurred_at: Date;
  actor_id: string | null;
  correlation_id: string;
  causation_id: string | null;
  payload: unknown;
  trace_context: Record<string, string> | null;
  attempts: number;
}

/**
 * Moves committed outbox rows to the bus. Rows are claimed with `FOR UPDATE SKIP LOCKED` and a lease,
 * so several instances share the work and a crashed relay's rows come back after the lease. Each
 * attempt is counted, the last error kept, and a row that keeps failing is parked.
 */
export class OutboxRelay {
  readonly #db: Db;
  readonly #bus: EventBus;
  readonly #logger: Logger;
  readonly #metrics: Metrics;
  readonly #options: Required<RelayOptions>;
  #running: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;
  #woken = false;

  constructor(deps: { db: Db; bus: EventBus; logger: Logger; metrics: Metrics; options: RelayOptions }) {
    this.#db = deps.db;
    this.#bus = deps.bus;
    this.#logger = deps.logger;
    this.#metrics = deps.metrics;
    this.#options = { leaseMs: 30_000, ...deps.options };
  }

  /** Starts polling; `wake` makes it look at once. */
  start(): void {
    this.#stopping = false;
    this.#running ??= this.#loop();
  }

  /** Asks the relay to look now, e.g. right after a transaction wrote events. */
  wake(): void {
    this.#woken = true;
    this.#wake?.();
  }

  /** Finishes the batch in hand and stops. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#running;
    this.#running = undefined;
  }

  /** Publishes one batch; returns how many rows it claimed. */
  async runOnce(): Promise<number> {
    const rows = await this.#claim();
    const published: number[] = [];
    const publishOne = async (row: OutboxRow): Promise<void> => {
      const envelope = toEnvelope(row);
      try {
        await inSpanFrom(`publish ${row.type}`, row.trace_context ?? {}, 'producer', async () => {
          await this.#bus.publish({ envelope, traceContext: row.trace_context ?? {} });
        });
        published.push(row.seq);
        this.#metrics.outboxLag.observe((Date.now() - row.occurred_at.getTime()) / 1000);
      } catch (error) {
        await this.#recordFailure(row, error);
      }
    };
    if (this.#bus.kind === 'nats') {
      // A broker acknowledges each publish; sent together they share the round trips (one connection keeps their order).
      await Promise.all(rows.map(publishOne));
    } else {
      // In process, publishing runs the consumers: one at a time, in order. PGlite answers queries
      // without ever returning to the event loop, so a backlog would starve timers and sockets (the
      // whole embedded server) until it drained: each event gives the loop a turn first.
      for (const row of rows) {
        await setImmediatePromise();
        await publishOne(row);
      }
    }
    if (published.length > 0) {
      await sql`update platform.outbox set published_at = now(), claimed_until = null, last_error = null where seq = any(${published}::bigint[])`.execute(this.#db);
      this.#metrics.outboxPublished.inc(published.length);
    }
    return rows.length;
  }

  async #claim(): Promise<OutboxRow[]> {
    const result = await sql<OutboxRow>`
      update platform.outbox set attempts = attempts + 1, claimed_until = now() + make_interval(secs => ${this.#options.leaseMs / 1000})
      where seq in (
        select seq from platform.outbox
        where published_at is null and parked_at is null and (claimed_until is null or claimed_until < now())
        order by seq limit ${this.#options.batchSize}
        for update skip locked)
      returning seq, id, type, occurred_at, actor_id, correlation_id, causation_id, payload, trace_context, attempts`.execute(this.#db);
    return result.rows.sort((a, b) => a.seq - b.seq);
  }

  async #recordFailure(row: OutboxRow, error: unknown): Promise<void> {
    const text = error instanceof Error ? error.message : String(error);
    const park = row.attempts >= this.#options.maxAttempts;
    const backoffSeconds = Math.min(300, 2 ** row.attempts);
    this.#metrics.outboxFailures.inc({ parked: String(park) });
    this.#logger.warn({ eventId: row.id, type: row.type, attempts: row.attempts, parked: park, err: error }, 'outbox publish failed');
    await sql`update platform.outbox set last_error = ${text.slice(0, 4000)},
      claimed_until = now() + make_interval(secs => ${backoffSeconds}),
      parked_at = case when ${park} then now() else null end
      where seq = ${row.seq}`.execute(this.#db);
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      let claimed = 0;
      try {
        claimed = await this.runOnce();
      } catch (error) {
        this.#logger.error({ err: error }, 'outbox relay batch failed');
      }
      if (this.#stopping) break;
      if (claimed < this.#options.batchSize) await this.#sleep();
    }
  }

  #sleep(): Promise<void> {
    if (this.#woken) {
      this.#woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#wake = undefined;
        this.#woken = false;
        resolve();
      };
      const timer = setTimeout(done, this.#options.pollMs);
      this.#wake = done;
    });
  }
}

function toEnvelope(row: OutboxRow): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    payload: row.payload,
  };
}
