// Outbox throughput: events appended (one per transaction, as a request would) + relayed + consumed
// (inbox-deduplicated effect, in batches) per second, and the lag from append to consumer, on PGlite
// (embedded) and, when DATABASE_URL is set, on the PostgreSQL server (with NATS JetStream when NATS_URL
// is set). Flat out, then offered at half the anchor's rate (open loop) for the lag batching must not buy.
// Anchor: the same database doing plain one-row transactions with no outbox, relay or consumer.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { Type } from 'typebox';
import { migrationSetsOf } from '../apps/server/src/composition.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { migrate } from '../apps/server/src/platform/db/migrator.ts';
import { openPglite } from '../apps/server/src/platform/db/pglite.ts';
import type { EventBus } from '../apps/server/src/platform/events/bus.ts';
import type { BusMessage } from '../apps/server/src/platform/events/envelope.ts';
import { catalogOf, defineEvent } from '../apps/server/src/platform/events/event-catalog.ts';
import { idempotentBatch } from '../apps/server/src/platform/events/inbox.ts';
import { InProcessBus } from '../apps/server/src/platform/events/in-process-bus.ts';
import { NatsBus } from '../apps/server/src/platform/events/nats-bus.ts';
import { OutboxRelay } from '../apps/server/src/platform/events/relay.ts';
import { createUnitOfWork } from '../apps/server/src/platform/events/unit-of-work.ts';
import { createMetrics } from '../apps/server/src/platform/observability/metrics.ts';
import { SettingsSchema } from '../apps/server/src/platform/config/settings.ts';
import { deleteStream, freshPostgresDatabase } from '../apps/server/test/support/services.ts';

// 6,000: at ~2,000 events/s, 3,000 gave runs of 1.5 s whose ratio swung by ±0.1 from run to run.
const EVENTS = Number(process.env.BENCH_EVENTS ?? 6000);
/** How long the half-rate phase offers events. */
const HALF_RATE_SECONDS = Number(process.env.BENCH_HALF_RATE_SECONDS ?? 5);
const PRODUCERS = 4;
const catalog = catalogOf(defineEvent('bench.thing-happened.v1', Type.Object({ n: Type.Integer(), note: Type.String({ maxLength: 20 }) }), 'A benchmark event.'));
const logger = pino({ level: 'warn' });

/** The bus, counting the relay's batches and the consumer's deliveries, to report events per batch. */
function counting(bus: EventBus): { bus: EventBus; counts: { published: number; batches: number } } {
  const counts = { published: 0, batches: 0 };
  const counted: EventBus = {
    kind: bus.kind,
    publish: (message) => bus.publish(message),
    publishBatch: async (messages) => {
      counts.batches++;
      counts.published += messages.length;
      await bus.publishBatch(messages);
    },
    subscribe: (subscription) => bus.subscribe(subscription),
    start: () => bus.start(),
    close: () => bus.close(),
  };
  return { bus: counted, counts };
}

interface Result { eventsPerSecond: number; eventsPerRelayBatch: number; eventsPerDelivery: number; lagP50Ms: number; lagP99Ms: number; plainTxPerSecond: number; halfRateLagP50Ms: number; halfRateLagP99Ms: number; halfRatePerSecond: number }

async function measure(database: Database, plainBus: EventBus): Promise<Result> {
  const { bus, counts } = counting(plainBus);
  let deliveries = 0;
  await migrate(database.db, migrationSetsOf([]));
  await sql.raw('create schema if not exists bench; create table if not exists bench.effects (event_id uuid primary key); create table if not exists bench.plain (id uuid primary key, n int, note text)').execute(database.db);

  // Anchor: plain one-row transactions.
  const plainStart = performance.now();
  await inParallel(PRODUCERS, EVENTS, async (n) => {
    await database.db.transaction().execute(async (trx) => void (await sql`insert into bench.plain values (${randomUUID()}, ${n}, 'plain')`.execute(trx)));
  });
  const plainTxPerSecond = EVENTS / ((performance.now() - plainStart) / 1000);

  let lags: number[] = [];
  let consumed = 0;
  let target = 0;
  let reached: () => void = () => {};
  const effect = idempotentBatch(database.db, 'bench.count', async (envelopes, trx) => {
    await sql`insert into bench.effects select unnest(${envelopes.map((e) => e.id)}::uuid[])`.execute(trx);
  });
  const handleBatch = async (messages: readonly BusMessage[]): Promise<void> => {
    await effect(messages);
    deliveries++;
    const now = Date.now();
    for (const { envelope } of messages) lags.push(now - Date.parse(envelope.occurredAt));
    consumed += messages.length;
    if (consumed >= target) reached();
  };
  bus.subscribe({ consumer: 'bench.count', types: ['bench.thing-happened.v1'], handle: (m) => handleBatch([m]), handleBatch });
  await bus.start();
  // As the server composes it, with its default settings: a relay on PGlite is alone on its database.
  const relay = new OutboxRelay({ db: database.db, bus, logger, metrics: createMetrics(), options: { pollMs: SettingsSchema.properties.OUTBOX_POLL_MS.default, batchSize: SettingsSchema.properties.OUTBOX_BATCH_SIZE.default, maxAttempts: 5, exclusive: database.kind === 'pglite' } });
  const unitOfWork = createUnitOfWork({ db: database.db, catalog, clock: systemClock, afterCommit: () => relay.wake() });
  const append = async (n: number): Promise<void> => {
    await unitOfWork({ actorId: null, correlationId: randomUUID(), causationId: null }, async (trx, events) => {
      await sql`insert into bench.plain values (${randomUUID()}, ${n}, 'with event')`.execute(trx);
      events.emit('bench.thing-happened.v1', { n, note: 'with event' });
    });
  };
  /** Runs `offer` until `count` more events are consumed; returns the seconds taken and the lags. */
  const phase = async (count: number, offer: () => Promise<void>): Promise<{ seconds: number; lags: number[] }> => {
    lags = [];
    target = consumed + count;
    const done = new Promise<void>((resolve) => (reached = resolve));
    const start = performance.now();
    await offer();
    await done;
    return { seconds: (performance.now() - start) / 1000, lags: lags.sort((a, b) => a - b) };
  };
  relay.start();
  try {
    const flat = await phase(EVENTS, () => inParallel(PRODUCERS, EVENTS, append));
    const eventsPerRelayBatch = counts.published / counts.batches;
    const eventsPerDelivery = consumed / deliveries;
    const halfRate = plainTxPerSecond / 2;
    const offered = Math.max(1, Math.round(halfRate * HALF_RATE_SECONDS));
    const paced = await phase(offered, () => atRate(halfRate, offered, append));
    return {
      eventsPerSecond: EVENTS / flat.seconds, eventsPerRelayBatch, eventsPerDelivery, lagP50Ms: quantile(flat.lags, 0.5), lagP99Ms: quantile(flat.lags, 0.99), plainTxPerSecond,
      halfRatePerSecond: offered / paced.seconds, halfRateLagP50Ms: quantile(paced.lags, 0.5), halfRateLagP99Ms: quantile(paced.lags, 0.99),
    };
  } finally {
    await relay.stop();
    await bus.close();
  }
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Offers `total` calls at `perSecond`, open loop: each starts at its scheduled time whether or not earlier ones have finished. */
async function atRate(perSecond: number, total: number, work: (n: number) => Promise<void>): Promise<void> {
  const start = performance.now();
  const running: Array<Promise<void>> = [];
  for (let n = 0; n < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * perSecond) + 1);
    for (; n < due; n++) running.push(work(n));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(running);
}

async function inParallel(workers: number, total: number, work: (n: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < total) await work(next++);
  }));
}

const figures: Record<string, number | string> = {};
const anchors: Record<string, number> = {};
const ratios: Record<string, number> = {};
const round = (x: number): number => Math.round(x * 10) / 10;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-outbox-'));
const pglite = await openPglite(path.join(dir, 'pglite'));
try {
  const r = await measure(pglite, new InProcessBus());
  Object.assign(figures, { pgliteEventsPerSecond: round(r.eventsPerSecond), pgliteLagP50Ms: r.lagP50Ms, pgliteLagP99Ms: r.lagP99Ms });
  Object.assign(figures, { pgliteHalfRatePerSecond: round(r.halfRatePerSecond), pgliteLagP50MsAtHalfRate: r.halfRateLagP50Ms, pgliteLagP99MsAtHalfRate: r.halfRateLagP99Ms });
  anchors.pglitePlainTxPerSecond = round(r.plainTxPerSecond);
  ratios.pgliteOutboxVsPlainTx = Number((r.eventsPerSecond / r.plainTxPerSecond).toFixed(3));
  console.log(`PGlite + in-process bus: ${r.eventsPerSecond.toFixed(0)} events/s end to end (lag p50 ${r.lagP50Ms} ms, p99 ${r.lagP99Ms} ms; ${r.eventsPerRelayBatch.toFixed(1)} events a relay batch, ${r.eventsPerDelivery.toFixed(1)} a delivery); plain transactions ${r.plainTxPerSecond.toFixed(0)}/s`);
  console.log(`  at half that rate (${r.halfRatePerSecond.toFixed(0)} events/s offered): lag p50 ${r.halfRateLagP50Ms} ms, p99 ${r.halfRateLagP99Ms} ms`);
} finally {
  await pglite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.env.DATABASE_URL) {
  const fresh = await freshPostgresDatabase();
  const database = fresh.open();
  const stream = `BENCH_${randomUUID().slice(0, 8)}`;
  const bus: EventBus = process.env.NATS_URL
    ? new NatsBus({ url: process.env.NATS_URL, stream, types: Object.keys(catalog), subjectPrefix: `${stream}.`, logger })
    : new InProcessBus();
  try {
    const r = await measure(database, bus);
    figures.postgresBus = bus.kind;
    Object.assign(figures, { postgresEventsPerSecond: round(r.eventsPerSecond), postgresLagP50Ms: r.lagP50Ms, postgresLagP99Ms: r.lagP99Ms });
    Object.assign(figures, { postgresHalfRatePerSecond: round(r.halfRatePerSecond), postgresLagP50MsAtHalfRate: r.halfRateLagP50Ms, postgresLagP99MsAtHalfRate: r.halfRateLagP99Ms });
    anchors.postgresPlainTxPerSecond = round(r.plainTxPerSecond);
    ratios.postgresOutboxVsPlainTx = Number((r.eventsPerSecond / r.plainTxPerSecond).toFixed(3));
    console.log(`PostgreSQL server + ${bus.kind} bus: ${r.eventsPerSecond.toFixed(0)} events/s end to end (lag p50 ${r.lagP50Ms} ms, p99 ${r.lagP99Ms} ms; ${r.eventsPerRelayBatch.toFixed(1)} events a relay batch, ${r.eventsPerDelivery.toFixed(1)} a delivery); plain transactions ${r.plainTxPerSecond.toFixed(0)}/s`);
    console.log(`  at half that rate (${r.halfRatePerSecond.toFixed(0)} events/s offered): lag p50 ${r.halfRateLagP50Ms} ms, p99 ${r.halfRateLagP99Ms} ms`);
  } finally {
    await database.close();
    await fresh.drop();
    if (process.env.NATS_URL) await deleteStream(stream);
  }
} else {
  console.log('DATABASE_URL is not set: the PostgreSQL-server half is skipped.');
}

console.log(JSON.stringify({ bench: 'outbox', figures, anchors, ratios, targets: { outboxVsPlainTx: 0.6, lagP99MsAtHalfRate: 100 }, setup: { events: EVENTS, producers: PRODUCERS, halfRateSeconds: HALF_RATE_SECONDS, loadAverage: os.loadavg().map((l) => round(l)), node: process.version } }));
