import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { Metrics } from '../observability/metrics.ts';
import { inSpanFrom } from '../observability/tracing.ts';
import { batchName, PublishBatchError, type EventBus } from './bus.ts';
import { ClaimFloor } from './claim-floor.ts';
import type { BusMessage } from './envelope.ts';
import { yieldIfStarved } from './loop-turns.ts';

/** Batches a stopping relay still publishes (what was committed before it was told to stop), so a clean stop leaves nothing behind. */
const FINAL_BATCHES = 3;

/** Relay tuning. */
export interface RelayOptions {
  readonly pollMs: number;
  readonly batchSize: number;
  /** After this many failed attempts a row is parked and no longer blocks or retries. */
  readonly maxAttempts: number;
  /** How long a claimed row is reserved for this relay before another may take it. */
  readonly leaseMs?: number;
  /**
   * While events keep coming, a batch starts at most this often (default 20 ms), so a few milliseconds'
   * worth share one claim, one mark and one consumer transaction; an event after a quiet spell goes at
   * once. On the PostgreSQL server with NATS, 5 ms made batches of ~4 events and 0.31–0.43 of the plain
   * transaction rate, 20 ms batches of ~11 and 0.46–0.51, the lag at half that rate no worse.
   */
  readonly lingerMs?: number;
  /**
   * This relay is the only one on its database (PGlite's data folder is locked to one process): it reads
   * pending rows instead of leasing them, saving a write per event, and counts an attempt when it marks
   * a row or records its failure (so a row that crashes the process is not counted).
   */
  readonly exclusive?: boolean;
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
 * so several instances share the work and a crashed relay's rows come back after the lease. A claimed
 * batch is published as one and marked published by one statement. Each attempt is counted, and a
 * row that failed keeps its last error; one that keeps failing is parked — the bus names the rows
 * of a batch that failed, so a poison row is counted and parked alone.
 */
export class OutboxRelay {
  readonly #db: Db;
  readonly #bus: EventBus;
  readonly #logger: Logger;
  readonly #metrics: Metrics;
  readonly #options: Required<RelayOptions>;
  readonly #floor = new ClaimFloor();
  #running: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;
  #woken = false;

  constructor(deps: { db: Db; bus: EventBus; logger: Logger; metrics: Metrics; options: RelayOptions }) {
    this.#db = deps.db;
    this.#bus = deps.bus;
    this.#logger = deps.logger;
    this.#metrics = deps.metrics;
    this.#options = { leaseMs: 30_000, lingerMs: 20, exclusive: false, ...deps.options };
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

  /**
   * Finishes the batch in hand, publishes what was committed before the call (a stopping instance records
   * its stop as an event just before; the loop may have been lingering), a few batches at most, and stops.
   */
  async stop(): Promise<void> {
    const wasRunning = this.#running !== undefined;
    this.#stopping = true;
    this.#wake?.();
    await this.#running;
    this.#running = undefined;
    if (!wasRunning) return;
    for (let batch = 0; batch < FINAL_BATCHES; batch++) {
      const claimed = await this.runOnce().catch((error: unknown) => (this.#logger.warn({ err: error }, 'outbox relay could not publish on its way out'), 0));
      if (claimed === 0) break;
    }
  }

  /** Publishes one batch; returns how many rows it claimed. */
  async runOnce(): Promise<number> {
    const rows = await this.#claim();
    const [first] = rows;
    if (!first) return 0;
    // One span per batch, a child of its first event's request.
    const failures = await inSpanFrom(`publish ${batchName(rows.map((r) => r.type))}`, first.trace_context ?? {}, 'producer', () => this.#publish(rows));
    const published = rows.filter((row) => !failures.has(row.id));
    if (published.length > 0) {
      await sql`update platform.outbox set published_at = now(), claimed_until = null, last_error = null, attempts = attempts + ${this.#options.exclusive ? 1 : 0}
        from ${unsynced} where seq = any(${published.map((r) => r.seq)}::bigint[])`.execute(this.#db);
      this.#metrics.outboxPublished.inc(published.length);
      const now = Date.now();
      for (const row of published) this.#metrics.outboxLag.observe((now - row.occurred_at.getTime()) / 1000);
    }
    for (const row of rows) if (failures.has(row.id)) await this.#recordFailure(row, failures.get(row.id));
    return rows.length;
  }

  /** Publishes the rows as one batch; returns what failed, by event id. */
  async #publish(rows: readonly OutboxRow[]): Promise<ReadonlyMap<string, unknown>> {
    const messages = rows.map(toMessage);
    // In process, publishing runs the consumers. PGlite answers queries without ever returning to
    // the event loop, so a backlog would starve timers and sockets (the whole embedded server) until
    // it drained: a batch gives the loop a turn first if it has had none lately (the bus too, before each delivery).
    if (this.#bus.kind === 'in-process') await yieldIfStarved();
    try {
      await this.#bus.publishBatch(messages);
      return new Map();
    } catch (error) {
      if (error instanceof PublishBatchError) return error.failures;
      // Not said which: each alone, so only a poison row is counted against.
      const failures = new Map<string, unknown>();
      for (const message of messages) await this.#bus.publish(message).catch((cause: unknown) => failures.set(message.envelope.id, cause));
      return failures;
    }
  }

  async #claim(): Promise<OutboxRow[]> {
    const rows = await this.#claimPast(this.#floor.next());
    this.#floor.claimed(rows.at(-1)?.seq, rows.length >= this.#options.batchSize);
    return rows;
  }

  async #claimPast(floor: number): Promise<OutboxRow[]> {
    if (this.#options.exclusive) {
      const pending = await sql<OutboxRow>`
        select seq, id, type, occurred_at, actor_id, correlation_id, causation_id, payload, trace_context, attempts + 1 as attempts
        from platform.outbox
        where published_at is null and parked_at is null and (claimed_until is null or claimed_until < now()) and seq > ${floor}
        order by seq limit ${this.#options.batchSize}`.execute(this.#db);
      return pending.rows;
    }
    const result = await sql<OutboxRow>`
      update platform.outbox set attempts = attempts + 1, claimed_until = now() + make_interval(secs => ${this.#options.leaseMs / 1000})
      from ${unsynced}
      where seq in (
        select seq from platform.outbox
        where published_at is null and parked_at is null and (claimed_until is null or claimed_until < now()) and seq > ${floor}
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
    await sql`update platform.outbox set last_error = ${text.slice(0, 4000)}, attempts = ${row.attempts},
      claimed_until = now() + make_interval(secs => ${backoffSeconds}),
      parked_at = case when ${park} then now() else null end
      from ${unsynced} where seq = ${row.seq}`.execute(this.#db);
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      const started = performance.now();
      let claimed = 0;
      try {
        claimed = await this.runOnce();
      } catch (error) {
        this.#logger.error({ err: error }, 'outbox relay batch failed');
      }
      if (this.#stopping) break;
      if (claimed < this.#options.batchSize) {
        await this.#sleep();
        const linger = this.#options.lingerMs - (performance.now() - started);
        if (linger > 0 && !this.#stopping) await new Promise((resolve) => setTimeout(resolve, linger));
      }
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

/**
 * Joined into the relay's own writes (claims, marks, failures) so that their commits do not wait for
 * the disk: one lost in a crash only makes rows go out again, and consumers skip them by their inbox.
 * A flush was ~2 ms of each such statement on the PostgreSQL server (0.45 ms without).
 */
const unsynced = sql`(select set_config('synchronous_commit', 'off', true)) as unsynced`;

function toMessage(row: OutboxRow): BusMessage {
  const envelope = {
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    payload: row.payload,
  };
  return { envelope, traceContext: row.trace_context ?? {} };
}
