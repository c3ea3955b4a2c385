// Outbox throughput: events appended (one per transaction, as a request would) + relayed + consumed
// (inbox-deduplicated effect) per second, and the lag from append to consumer, on PGlite (embedded) and,
// when DATABASE_URL is set, on the PostgreSQL server (with NATS JetStream when NATS_URL is set).
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
import { catalogOf, defineEvent } from '../apps/server/src/platform/events/event-catalog.ts';
import { idempotent } from '../apps/server/src/platform/events/inbox.ts';
import { InProcessBus } from '../apps/server/src/platform/events/in-process-bus.ts';
import { NatsBus } from '../apps/server/src/platform/events/nats-bus.ts';
import { OutboxRelay } from '../apps/server/src/platform/events/relay.ts';
import { createUnitOfWork } from '../apps/server/src/platform/events/unit-of-work.ts';
import { createMetrics } from '../apps/server/src/platform/observability/metrics.ts';
import { deleteStream, freshPostgresDatabase } from '../apps/server/test/support/services.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const PRODUCERS = 4;
const catalog = catalogOf(defineEvent('bench.thing-happened.v1', Type.Object({ n: Type.Integer(), note: Type.String() }), 'A benchmark event.'));
const logger = pino({ level: 'warn' });

interface Result { eventsPerSecond: number; lagP50Ms: number; lagP99Ms: number; plainTxPerSecond: number }

async function measure(database: Database, bus: EventBus): Promise<Result> {
  await migrate(database.db, migrationSetsOf([]));
  await sql.raw('create schema if not exists bench; create table if not exists bench.effects (event_id uuid primary key); create table if not exists bench.plain (id uuid primary key, n int, note text)').execute(database.db);

  // Anchor: plain one-row transactions.
  const plainStart = performance.now();
  await inParallel(PRODUCERS, EVENTS, async (n) => {
    await database.db.transaction().execute(async (trx) => void (await sql`insert into bench.plain values (${randomUUID()}, ${n}, 'plain')`.execute(trx)));
  });
  const plainTxPerSecond = EVENTS / ((performance.now() - plainStart) / 1000);

  const lags: number[] = [];
  let consumed = 0;
  let allConsumed: () => void = () => {};
  const done = new Promise<void>((resolve) => (allConsumed = resolve));
  const effect = idempotent(database.db, 'bench.count', async (envelope, trx) => {
    await sql`insert into bench.effects values (${envelope.id})`.execute(trx);
  });
  bus.subscribe({
    consumer: 'bench.count',
    types: ['bench.thing-happened.v1'],
    handle: async (message) => {
      await effect(message);
      lags.push(Date.now() - Date.parse(message.envelope.occurredAt));
      if (++consumed === EVENTS) allConsumed();
    },
  });
  await bus.start();
  const relay = new OutboxRelay({ db: database.db, bus, logger, metrics: createMetrics(), options: { pollMs: 10, batchSize: 200, maxAttempts: 5 } });
  const unitOfWork = createUnitOfWork({ db: database.db, catalog, clock: systemClock, afterCommit: () => relay.wake() });
  relay.start();
  const start = performance.now();
  await inParallel(PRODUCERS, EVENTS, async (n) => {
    await unitOfWork({ actorId: null, correlationId: randomUUID(), causationId: null }, async (trx, events) => {
      await sql`insert into bench.plain values (${randomUUID()}, ${n}, 'with event')`.execute(trx);
      events.emit('bench.thing-happened.v1', { n, note: 'with event' });
    });
  });
  await done;
  const seconds = (performance.now() - start) / 1000;
  await relay.stop();
  await bus.close();
  lags.sort((a, b) => a - b);
  const at = (q: number): number => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? 0;
  return { eventsPerSecond: EVENTS / seconds, lagP50Ms: at(0.5), lagP99Ms: at(0.99), plainTxPerSecond };
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
  anchors.pglitePlainTxPerSecond = round(r.plainTxPerSecond);
  ratios.pgliteOutboxVsPlainTx = Number((r.eventsPerSecond / r.plainTxPerSecond).toFixed(3));
  console.log(`PGlite + in-process bus: ${r.eventsPerSecond.toFixed(0)} events/s end to end (lag p50 ${r.lagP50Ms} ms, p99 ${r.lagP99Ms} ms); plain transactions ${r.plainTxPerSecond.toFixed(0)}/s`);
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
    anchors.postgresPlainTxPerSecond = round(r.plainTxPerSecond);
    ratios.postgresOutboxVsPlainTx = Number((r.eventsPerSecond / r.plainTxPerSecond).toFixed(3));
    console.log(`PostgreSQL server + ${bus.kind} bus: ${r.eventsPerSecond.toFixed(0)} events/s end to end (lag p50 ${r.lagP50Ms} ms, p99 ${r.lagP99Ms} ms); plain transactions ${r.plainTxPerSecond.toFixed(0)}/s`);
  } finally {
    await database.close();
    await fresh.drop();
    if (process.env.NATS_URL) await deleteStream(stream);
  }
} else {
  console.log('DATABASE_URL is not set: the PostgreSQL-server half is skipped.');
}

console.log(JSON.stringify({ bench: 'outbox', figures, anchors, ratios, targets: {}, setup: { events: EVENTS, producers: PRODUCERS, node: process.version } }));
