// The points ledger under load, on PGlite (embedded, on disk) and, when the PostgreSQL server of
// DATABASE_URL answers, on that server:
// - redemptions/s: POST /api/v1/rewards/offers/:id/redeem through app.inject — the whole Fastify
//   pipeline (rate limit, bearer token checked against its session, schema, error handler,
//   serialization) and the use case (idempotency key recorded, offer, stock, per-user limit, points,
//   voucher with its MAC'd and sealed code, event in the outbox, one transaction); not the socket (see
//   the http bench). BENCH_CLIENTS requests in flight, random citizens × random offers of ten
//   partners, a fresh key each. After each round the relay publishes the round's voucher-issued
//   events (the profiles read model consumes them): also reported, as a rate counting that time.
//   Anchor: pgbench's builtin TPC-B-like transaction (scale 10, same clients, same server, same run).
// - redemption transactions/s: the same redemption through the use case alone (redeemOffer with a
//   signed-in caller, no HTTP, no token check): the database transaction TPC-B's is the like of.
// - transfers/s: the ledger's move in a transaction as the use cases write it, against a plpgsql
//   function doing the same debit/credit/insert in one round trip, same accounts, same concurrency.
// - awards: a seeded burst of BENCH_AWARD_EVENTS connection-made events put in the outbox in one
//   transaction, paid by the bench's own earning rules (bench/ledger-awards.ts), and the time until
//   rewards has handled them all and the profiles read model has applied every points-awarded event
//   (capped at BENCH_AWARD_SECONDS; 0 = no cap). What was paid is compared with what paying the burst
//   one event at a time pays (worked out by the domain's rules alone), and the ledger is audited.
// BENCH_PARTS (default redemptions,transfers,awards) runs only some parts, e.g. BENCH_PARTS=awards.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { openPglite } from '../apps/server/src/platform/db/pglite.ts';
import { ledgerStore } from '../apps/server/src/modules/rewards/adapters/ledger-store.pg.ts';
import { retryTransient } from '../apps/server/src/modules/rewards/application/once-per-key.ts';
import { redeemOffer } from '../apps/server/src/modules/rewards/application/redeem-offer.ts';
import type { RewardsProbe } from '../apps/server/src/modules/rewards/index.ts';
import { ISSUANCE_ACCOUNTS } from '../apps/server/src/modules/rewards/domain/ledger-accounts.ts';
import { startRewardsStage, type RewardsStage } from '../apps/server/src/modules/rewards/rewards.e2e-harness.ts';
import { seededRandom } from '../apps/server/test/support/random.ts';
import { distributedSettings } from '../apps/server/test/support/services.ts';
import { BENCH_RULES, drainBurst, paidOneAtATime, seededBurst, useBenchRules } from './ledger-awards.ts';
import { createTransferFunction, pgbenchDatabase, reachable } from './ledger-anchors.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 300);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 200);
const TRANSFER_ACCOUNTS = 1000;
const AWARD_EVENTS = Number(process.env.BENCH_AWARD_EVENTS ?? 100_000);
const AWARD_SECONDS = Number(process.env.BENCH_AWARD_SECONDS ?? 60);
const MODES = (process.env.BENCH_MODES ?? 'pglite,postgres').split(',');
const PARTS = new Set((process.env.BENCH_PARTS ?? 'redemptions,transfers,awards').split(','));
const AWARD_SEED = 20261207;
// The server's own settings unless told otherwise (e.g. BENCH_OUTBOX_BATCH_SIZE=1000 to try the relay's batch size).
const SERVER_SETTINGS: Record<string, string> = process.env.BENCH_OUTBOX_BATCH_SIZE ? { OUTBOX_BATCH_SIZE: process.env.BENCH_OUTBOX_BATCH_SIZE } : {};
// Ours and the anchor take turns, several short rounds each, and each figure is the median: the machine is shared.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TRANSFER_ROUNDS = 2 * ROUNDS;
const PGBENCH_SCALE = 10;
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const random = seededRandom(20261121);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const round = (x: number, digits = 1): number => Number(x.toFixed(digits));
const load = (): number => round(os.loadavg()[0] ?? NaN, 2);
const started = Date.now();
const say = (line: string): void => console.log(`[${String(Math.round((Date.now() - started) / 1000)).padStart(3)} s] ${line}`);

// Round trips to the PostgreSQL server, counted on the client (every pooled connection is a pg.Client).
let roundTrips = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
  roundTrips += 1;
  return Reflect.apply(query, this, args);
} as typeof query;

/** Runs `work` from `clients` loops until `seconds` have passed; counts what it returned. */
async function flatOut(clients: number, seconds: number, work: () => Promise<string>): Promise<{ perSecond: number; outcomes: Record<string, number>; total: number }> {
  const outcomes: Record<string, number> = {};
  let total = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < deadline) {
      const outcome = await work();
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      total += 1;
    }
  }));
  const elapsed = (performance.now() - t0) / 1000;
  return { perSecond: (outcomes.ok ?? 0) / elapsed, outcomes, total };
}

/** The module's wiring, handed over when the stage builds it (redemptions through the use case alone). */
const probe: RewardsProbe = { deps: undefined };

async function stageFor(mode: string): Promise<{ stage: RewardsStage; drop(): Promise<void> }> {
  if (mode === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ledger-'));
    const database: Database = await openPglite(path.join(dir, 'pglite'));
    const stage = await startRewardsStage({ citizens: CITIZENS, officers: 0, probe, settings: SERVER_SETTINGS, overrides: { database } });
    return { stage, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const distributed = await distributedSettings();
  const stage = await startRewardsStage({ citizens: CITIZENS, officers: 0, probe, settings: { ...SERVER_SETTINGS, ...distributed.settings } });
  return { stage, drop: distributed.drop };
}

/**
 * Ten partners (as TPC-B at scale 10 has ten branches: each redemption credits one of them, as each
 * TPC-B transaction updates one branch), offers spread over them (half with a per-user limit that is
 * never reached, so its count is paid) and citizens with points.
 */
async function seedCatalogue(stage: RewardsStage): Promise<Array<{ id: string }>> {
  const retailers = ['Corner Shop', 'Bakery', 'Bookshop', 'Cinema', 'Pharmacy', 'Deli', 'Florist', 'Barber'];
  const partners = [];
  for (const name of retailers) partners.push(await stage.partner('retailer', name));
  for (const name of ['City Parks', 'City Parking']) partners.push(await stage.partner('municipality', name));
  const offers: Array<{ id: string }> = [];
  for (let n = 0; n < OFFERS; n++) {
    const partner = partners[n % partners.length];
    if (!partner) continue;
    // Each partner's till on its own address (the partner write limit is 120 a minute per address).
    const created = await stage.server.app.inject({
      method: 'POST', url: `/api/v1/rewards/organisations/${partner.id}/offers`, headers: { authorization: `Bearer ${partner.owner.token}` }, remoteAddress: `10.97.${n}.1`,
      payload: { title: `Offer ${n}`, description: 'A benchmark offer', category: 'food-drink', pricePoints: 5 + (n % 20), stock: 1_000_000, perUserLimit: n % 2 === 0 ? null : 1000, endsAt: null, locations: [], voucherValidDays: 30 },
    });
    if (created.statusCode !== 201) throw new Error(`offer not created: ${created.body}`);
    offers.push(created.json<{ offer: { id: string } }>().offer);
  }
  for (const citizen of stage.citizens) await stage.grant(citizen, 1_000_000);
  return offers;
}

/** Redemptions as citizens' phones send them: a fresh Idempotency-Key each, from many client addresses (the write limit is 60 a minute per address). */
let sent = 0;
async function redeemFlatOut(stage: RewardsStage, offers: ReadonlyArray<{ id: string }>, seconds: number) {
  return flatOut(CLIENTS, seconds, async () => {
    const citizen = pick(stage.citizens);
    const address = Math.floor(sent++ / 50);
    const answer = await stage.server.app.inject({
      method: 'POST', url: `/api/v1/rewards/offers/${pick(offers).id}/redeem`, payload: {},
      headers: { authorization: `Bearer ${citizen.token}`, 'idempotency-key': randomUUID() },
      remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
    });
    return answer.statusCode === 201 ? 'ok' : `${answer.statusCode} ${answer.json<{ error?: { code?: string } }>().error?.code ?? ''}`;
  });
}

/** The same redemptions through the use case alone: a signed-in caller, a fresh key, one transaction — no HTTP, no token check. */
async function redeemUseCaseFlatOut(stage: RewardsStage, offers: ReadonlyArray<{ id: string }>, seconds: number) {
  const deps = probe.deps;
  if (!deps) throw new Error('the rewards module was not built with the probe');
  return flatOut(CLIENTS, seconds, async () => {
    const caller = { accountId: pick(stage.citizens).accountId, roles: ['citizen'], correlationId: randomUUID() };
    try {
      await redeemOffer(deps, caller, pick(offers).id, randomUUID());
      return 'ok';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
}

/** Waits until the relay has published every event (each redemption's voucher-issued feeds the profiles read model); answers the seconds it took. */
async function drainOutbox(stage: RewardsStage): Promise<number> {
  const t0 = performance.now();
  stage.server.relay.wake();
  for (;;) {
    const left = await sql<{ n: number }>`select count(*) as n from platform.outbox where published_at is null and parked_at is null`.execute(stage.server.database.db);
    if (Number(left.rows[0]?.n ?? 0) === 0 || performance.now() - t0 > 120_000) return (performance.now() - t0) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Person accounts with plenty of points for the transfer rounds. */
async function transferAccounts(stage: RewardsStage): Promise<string[]> {
  const ledger = ledgerStore();
  const db = stage.server.database.db;
  return db.transaction().execute(async (tx) => {
    const ids: string[] = [];
    for (let n = 0; n < TRANSFER_ACCOUNTS; n++) {
      const id = await ledger.accountOf(tx, 'person', randomUUID());
      await ledger.move(tx, { id: randomUUID(), from: ISSUANCE_ACCOUNTS[n % ISSUANCE_ACCOUNTS.length] ?? '', to: id, amount: 1_000_000_000, kind: 'adjustment', referenceId: null, at: new Date() });
      ids.push(id);
    }
    return ids;
  });
}

/** Ours (a transaction around the ledger's move, as the use cases write it) and the one-call stored procedure, interleaved. */
async function transfersFlatOut(stage: RewardsStage, accounts: readonly string[]) {
  const db = stage.server.database.db;
  const ledger = ledgerStore();
  const storedProcedure = await createTransferFunction(db);
  const draft = () => {
    const from = pick(accounts);
    let to = pick(accounts);
    while (to === from) to = pick(accounts);
    return { id: randomUUID(), from, to, amount: 1 + Math.floor(random() * 10), kind: 'gift' as const, referenceId: null, at: new Date() };
  };
  const oursOnce = () => retryTransient(() => db.transaction().execute((tx) => ledger.move(tx, draft())));
  const anchorOnce = () => retryTransient(() => storedProcedure(draft()));
  // Warm-up: every pooled connection plans both functions' statements once.
  await flatOut(CLIENTS, 1, async () => {
    await oursOnce();
    await anchorOnce();
    return 'ok';
  });
  const ours: number[] = [];
  const anchor: number[] = [];
  const oursTrips: number[] = [];
  for (let r = 0; r < TRANSFER_ROUNDS; r++) {
    const t0 = roundTrips;
    const o = await flatOut(CLIENTS, SECONDS / 2, async () => {
      await oursOnce();
      return 'ok';
    });
    ours.push(o.perSecond);
    oursTrips.push((roundTrips - t0) / o.total);
    anchor.push((await flatOut(CLIENTS, SECONDS / 2, async () => {
      await anchorOnce();
      return 'ok';
    })).perSecond);
  }
  return { ours: median(ours), anchor: median(anchor), roundTripsPerTransfer: median(oursTrips) };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const figures: Record<string, number | string | boolean> = {};
const anchors: Record<string, number> = {};
const ratios: Record<string, number> = {};
const loads: Record<string, number> = { start: load() };
let failed = false;

let serverUnreachable: string | null = null;
if (MODES.includes('postgres')) {
  serverUnreachable = await reachable(adminUrl);
  if (serverUnreachable) console.log(`PostgreSQL server at ${adminUrl.replace(/\/\/[^@]*@/, '//…@')} is unreachable (${serverUnreachable}): the server parts and the pgbench anchor are skipped.`);
  else process.env.DATABASE_URL = adminUrl;
}

/** Redemptions through HTTP and through the use case alone, with pgbench's TPC-B in turns on the server. */
async function redemptionsPart(stage: RewardsStage, mode: string, label: string, key: string): Promise<void> {
  const offers = await seedCatalogue(stage);
  const pgbench = mode === 'postgres' ? await pgbenchDatabase(adminUrl, PGBENCH_SCALE) : null;
  say(`${label}: redemptions, ${CLIENTS} in flight, ${ROUNDS} × ${SECONDS} s${pgbench ? ' interleaved with pgbench TPC-B' : ''} …`);
  await redeemFlatOut(stage, offers, 1);
  const ours: number[] = [];
  const useCase: number[] = [];
  const tpcb: number[] = [];
  const trips: number[] = [];
  const cpu: number[] = [];
  const sustained: number[] = [];
  const refusals: Record<string, number> = {};
  try {
    for (let r = 0; r < ROUNDS; r++) {
      if (pgbench) tpcb.push(await pgbench.run(CLIENTS, 2, SECONDS));
      const t0 = roundTrips;
      const cpu0 = process.cpuUsage();
      const result = await redeemFlatOut(stage, offers, SECONDS);
      const drainSeconds = await drainOutbox(stage);
      const used = process.cpuUsage(cpu0);
      ours.push(result.perSecond);
      sustained.push((result.outcomes.ok ?? 0) / (SECONDS + drainSeconds));
      trips.push((roundTrips - t0) / result.total);
      cpu.push((used.user + used.system) / 1000 / result.total);
      for (const [k, v] of Object.entries(result.outcomes)) if (k !== 'ok') refusals[k] = (refusals[k] ?? 0) + v;
      const alone = await redeemUseCaseFlatOut(stage, offers, SECONDS);
      await drainOutbox(stage);
      useCase.push(alone.perSecond);
      for (const [k, v] of Object.entries(alone.outcomes)) if (k !== 'ok') refusals[k] = (refusals[k] ?? 0) + v;
    }
  } finally {
    await pgbench?.drop();
  }
  figures[`${key}RedemptionsPerSecond`] = round(median(ours));
  figures[`${key}ServerCpuMsPerRedemption`] = round(median(cpu), 2);
  figures[`${key}RedemptionsPerSecondWithRelay`] = round(median(sustained));
  figures[`${key}RedemptionTransactionsPerSecond`] = round(median(useCase));
  if (Object.keys(refusals).length > 0) {
    console.error(`${label}: redemptions not accepted: ${JSON.stringify(refusals)}`);
    failed = true;
  }
  if (pgbench) {
    figures.postgresRoundTripsPerRedemption = round(median(trips), 2);
    anchors.pgbenchTpcbTps = round(median(tpcb));
    ratios.postgresRedemptionsVsTpcb = round(median(ours) / median(tpcb), 3);
    ratios.postgresRedemptionsWithRelayVsTpcb = round(median(sustained) / median(tpcb), 3);
    ratios.postgresRedemptionTransactionsVsTpcb = round(median(useCase) / median(tpcb), 3);
  }
  say(`${label}: ${median(ours).toFixed(0)} redemptions/s answered (${median(sustained).toFixed(0)}/s counting the relay's catching up with their events), ${median(cpu).toFixed(2)} ms of this process's CPU each (relay and consumers included)${pgbench ? ` (${median(trips).toFixed(1)} round trips each); pgbench TPC-B ${median(tpcb).toFixed(0)} tps → ${(median(ours) / median(tpcb)).toFixed(2)}×` : ''}; the use case alone ${median(useCase).toFixed(0)}/s${pgbench ? ` → ${(median(useCase) / median(tpcb)).toFixed(2)}×` : ''} (load ${load()})`);
  loads[`${key}Redemptions`] = load();
}

/** Transfers: ours against the one-call stored procedure. */
async function transfersPart(stage: RewardsStage, mode: string, label: string, key: string): Promise<void> {
  say(`${label}: transfers, ${CLIENTS} in flight, ${TRANSFER_ROUNDS} × (${SECONDS / 2} s ours + ${SECONDS / 2} s stored procedure) …`);
  const transfers = await transfersFlatOut(stage, await transferAccounts(stage));
  figures[`${key}TransfersPerSecond`] = round(transfers.ours);
  anchors[`${key}StoredProcedureTransfersPerSecond`] = round(transfers.anchor);
  ratios[`${key}TransfersVsStoredProcedure`] = round(transfers.ours / transfers.anchor, 3);
  if (mode === 'postgres') figures.postgresRoundTripsPerTransfer = round(transfers.roundTripsPerTransfer, 2);
  say(`${label}: ${transfers.ours.toFixed(0)} transfers/s; stored procedure ${transfers.anchor.toFixed(0)}/s → ${(transfers.ours / transfers.anchor).toFixed(2)}× (load ${load()})`);
  loads[`${key}Transfers`] = load();
}

/** The seeded burst of connection-made events, paid by the bench's own rules, against what paying it one event at a time pays. */
async function awardsPart(stage: RewardsStage, mode: string, label: string, key: string): Promise<void> {
  await useBenchRules(stage);
  const burst = seededBurst(AWARD_EVENTS, AWARD_SEED, new Date());
  const reference = paidOneAtATime(BENCH_RULES, burst.envelopes, probe.deps?.timeZone ?? 'UTC');
  say(`${label}: a burst of ${AWARD_EVENTS} connection-made events (one at a time they would pay ${reference.awards} awards, ${reference.points} points) …`);
  const awards = await drainBurst(stage, burst, AWARD_SECONDS, () => roundTrips);
  if (mode === 'postgres') {
    figures.postgresRoundTripsPerAwardEvent = round(awards.tripsPerEvent, 2);
    figures.postgresBus = stage.server.bus.kind;
  }
  Object.assign(figures, {
    [`${key}AwardEventsPerSecond`]: round(awards.perSecond), [`${key}AwardEventsHandled`]: awards.handled, [`${key}AwardBurstDrained`]: awards.drained,
    [`${key}AwardsPaid`]: awards.awards, [`${key}AwardPointsPaid`]: awards.points, [`${key}AwardsPaidOneAtATime`]: reference.awards, [`${key}AwardPointsPaidOneAtATime`]: reference.points,
  });
  say(`${label}: ${awards.handled} events handled${awards.drained ? ' and every points-awarded event applied by profiles' : ''} in ${awards.seconds.toFixed(1)} s (${awards.perSecond.toFixed(0)}/s${awards.drained ? '' : `, stopped at the ${AWARD_SECONDS} s cap; the whole burst would take ~${Math.round(AWARD_EVENTS / awards.perSecond)} s`}), ${awards.awards} awards paid (${awards.points} points)${mode === 'postgres' ? `, ${awards.tripsPerEvent.toFixed(2)} round trips per event` : ''} (load ${load()})`);
  loads[`${key}Awards`] = load();
  if (awards.drained && (awards.awards !== reference.awards || awards.points !== reference.points)) {
    console.error(`${label}: the burst paid ${awards.awards} awards (${awards.points} points); one event at a time pays ${reference.awards} (${reference.points})`);
    failed = true;
  }
}

for (const mode of MODES) {
  if (mode === 'postgres' && serverUnreachable) continue;
  const label = mode === 'pglite' ? 'PGlite' : 'PostgreSQL server';
  const key = mode === 'pglite' ? 'pglite' : 'postgres';
  say(`${label}: seeding ${CITIZENS} citizens${PARTS.has('redemptions') ? `, ${OFFERS} offers` : ''} …`);
  const { stage, drop } = await stageFor(mode);
  try {
    if (PARTS.has('redemptions')) await redemptionsPart(stage, mode, label, key);
    if (PARTS.has('transfers')) await transfersPart(stage, mode, label, key);
    if (PARTS.has('awards')) await awardsPart(stage, mode, label, key);
    // The ledger's own audit, after everything (the award burst drained or stopped at its cap).
    const audit = await ledgerStore().conservation(stage.server.database.db);
    if (audit.sumOfEntries !== 0 || audit.mismatched.length > 0) {
      console.error(`${label}: the ledger does not balance: ${JSON.stringify(audit).slice(0, 1000)}`);
      failed = true;
    }
  } finally {
    await stage.close();
    await drop();
  }
}

console.log(JSON.stringify({
  bench: 'ledger', figures, anchors, ratios,
  targets: {
    postgresRedemptionsVsTpcb: '>= 1.0', postgresRedemptionTransactionsVsTpcb: '>= 1.0', postgresTransfersVsStoredProcedure: '>= 0.7', pgliteTransfersVsStoredProcedure: '>= 0.7',
    postgresAwardEventsPerSecond: '>= 1000', pgliteAwardEventsPerSecond: '>= 500', postgresAwardBurstDrained: true, postgresAwardsPaid: '= postgresAwardsPaidOneAtATime',
  },
  setup: { seconds: SECONDS, rounds: ROUNDS, transferRounds: TRANSFER_ROUNDS, clients: CLIENTS, citizens: CITIZENS, offers: OFFERS, transferAccounts: TRANSFER_ACCOUNTS, parts: [...PARTS], serverSettings: SERVER_SETTINGS, awardEvents: AWARD_EVENTS, awardSeed: AWARD_SEED, awardCapSeconds: AWARD_SECONDS, pgbenchScale: PGBENCH_SCALE, loadAverage: loads, cores: os.availableParallelism(), node: process.version },
}));
process.exit(failed ? 1 : 0);
