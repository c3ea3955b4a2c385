// The batch path pays what the one-at-a-time path pays. Two PGlite databases get the same rules and the
// same deliveries of connection-made events: one through the one-event consumer of before (awardConnection,
// one transaction per event), the other through rewards' consumer in batches of drawn sizes. Deliveries
// include redeliveries — of the same event in a later batch, in the same batch, and with the inbox row
// lost. fast-check draws the rules (kinds, verification, windows, areas, bonuses, caps, budgets) and the
// burst (people, kinds, local times over two days in New York, areas). Afterwards both databases hold
// the same awards, events, balances and budgets, and both ledgers balance. On the PostgreSQL server,
// batches over the same people run at the same time: none deadlocks, and no cap, bonus or budget is
// paid past its limit.
// Replay a failure with EARN_BATCH_SEED=<seed> npm test -- <this file>.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { ConnectionMadeV1 } from '@heyblue/contracts/connections';
import { rewardsEvents } from '@heyblue/contracts/rewards';
import { Value } from 'typebox/value';
import { systemClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrator.ts';
import { openPglite } from '../../platform/db/pglite.ts';
import { transactionsOn } from '../../platform/db/sql-of.ts';
import { envelopeOf, type BusMessage, type EventEnvelope } from '../../platform/events/envelope.ts';
import { idempotentWithEvents } from '../../platform/events/inbox.ts';
import { createUnitOfWork } from '../../platform/events/unit-of-work.ts';
import { awardBatchStore } from './adapters/award-batch-store.pg.ts';
import { catalogueStore } from './adapters/catalogue-store.pg.ts';
import { givingStore } from './adapters/giving-store.pg.ts';
import { ledgerStore } from './adapters/ledger-store.pg.ts';
import { idempotencyStore } from './adapters/idempotency-store.pg.ts';
import { rewardsConsumers } from './adapters/rewards.consumers.ts';
import { rulesStore } from './adapters/rules-store.pg.ts';
import { voucherStore } from './adapters/voucher-store.pg.ts';
import { freshPostgresDatabase, skipWithoutPostgres } from '../../../test/support/services.ts';
import { awardConnection } from './application/earn-points.ts';
import type { RewardsDeps } from './application/rewards-deps.ts';
import type { ConnectionKind, RuleDefinition } from './domain/earning-rules.ts';

const SEED = process.env.EARN_BATCH_SEED ? Number(process.env.EARN_BATCH_SEED) : Math.floor(Math.random() * 2 ** 31);
const NUM_RUNS = 30;
const TIME_LIMIT_MS = 60_000;
const CONSUMER = 'rewards.on-connection-made';
const TIME_ZONE = 'America/New_York';
const ZIPS = ['10001', '10002'];
const DAY0 = Date.parse('2030-03-09T00:00:00Z');

/** One database with rewards' real stores, and a way to deliver connection-made events to it. */
interface Side {
  readonly database: Database;
  readonly deps: RewardsDeps;
  deliver(messages: readonly BusMessage[]): Promise<void>;
}

async function openSide(batched: boolean, on?: Database): Promise<Side> {
  const database = on ?? (await openPglite(undefined));
  await migrate(database.db, [
    { schema: 'platform', dir: path.join(import.meta.dirname, '../../platform/db/migrations') },
    { schema: 'rewards', dir: path.join(import.meta.dirname, 'migrations') },
  ]);
  const unused = (what: string) => (): never => {
    throw new Error(`${what} is not used by earning`);
  };
  const deps: RewardsDeps = {
    db: database.db, unitOfWork: createUnitOfWork({ db: database.db, catalog: rewardsEvents, clock: systemClock, afterCommit: () => undefined }),
    clock: systemClock, timeZone: TIME_ZONE,
    transaction: transactionsOn(database.db),
    ledger: ledgerStore(), catalogue: catalogueStore(), vouchers: voucherStore(), rules: rulesStore(), awards: awardBatchStore(), giving: givingStore(), keys: idempotencyStore(),
    identity: { membership: unused('identity'), rosterNameOf: unused('identity') }, profiles: { card: unused('profiles'), cards: unused('profiles') },
    images: { inspect: unused('images'), toWebp: unused('images') },
    voucherKeys: unused('voucherKeys'), seal: { close: unused('seal'), open: unused('seal') }, push: unused('push'), wakeIssuer: unused('wakeIssuer'),
  };
  // The deployment's default rules are switched off: each run brings its own.
  await database.db.transaction().execute(async (tx) => {
    for (const rule of await deps.rules.current(tx)) await deps.rules.addVersion(tx, rule.id, rule.version + 1, { ...rule.definition, active: false }, null, new Date());
  });
  if (batched) {
    const subscription = rewardsConsumers(deps).find((s) => s.consumer === CONSUMER);
    const handleBatch = subscription?.handleBatch;
    assert.ok(handleBatch, 'rewards takes connection-made events in batches');
    return { database, deps, deliver: (messages) => handleBatch(messages) };
  }
  const handle = idempotentWithEvents(deps.unitOfWork, CONSUMER, async (envelope, tx, events) => {
    assert.ok(Value.Check(ConnectionMadeV1, envelope.payload));
    await awardConnection(deps, tx, events, envelope.id, envelope.payload);
  });
  return {
    database, deps,
    async deliver(messages) {
      for (const message of messages) await handle(message);
    },
  };
}

const mostlyNull = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary, weight: 1 });
// Rules lean to paying (every kind, any verification, no window or area) so most runs pay something, and keep the rest.
const ruleArbitrary: fc.Arbitrary<RuleDefinition> = fc.record({
  name: fc.constant('Drawn rule'),
  active: fc.constant(true),
  kinds: fc.oneof({ arbitrary: fc.constant<ConnectionKind[]>(['proximity', 'qr', 'virtual']), weight: 2 }, { arbitrary: fc.subarray<ConnectionKind>(['proximity', 'qr', 'virtual'], { minLength: 1 }), weight: 1 }),
  locationVerified: fc.constantFrom('any' as const, 'any' as const, 'verified' as const, 'unverified' as const),
  points: fc.record({ citizen: fc.integer({ min: 0, max: 12 }), officer: fc.integer({ min: 0, max: 12 }) }).filter((p) => p.citizen + p.officer > 0),
  timeWindow: mostlyNull(fc.record({ days: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }), from: fc.constantFrom('06:00', '20:00', '23:30'), to: fc.constantFrom('02:00', '12:00', '22:00') })),
  area: mostlyNull(fc.record({ cells: fc.constant([]), zips: fc.subarray(ZIPS, { minLength: 1 }) })),
  bonus: fc.constantFrom('none' as const, 'none' as const, 'first-ever' as const, 'first-with-this-officer' as const),
  caps: fc.record({
    perPairPerDay: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null, freq: 2 }),
    perUserPerDay: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null, freq: 2 }),
    budget: fc.option(fc.integer({ min: 1, max: 80 }), { nil: null, freq: 2 }),
  }),
});

/** A connection of the burst: who (by index among the run's people), how, where and when (minutes after the run's first local midnight). */
const connectionArbitrary = fc.record({
  citizen: fc.nat({ max: 2 }), officer: fc.nat({ max: 1 }), kind: fc.constantFrom<ConnectionKind>('proximity', 'qr', 'virtual'),
  locationVerified: fc.boolean(), zip: fc.option(fc.constantFrom(...ZIPS), { nil: null }), minute: fc.integer({ min: 0, max: 2 * 24 * 60 - 1 }),
});

/** A redelivery of the event at `index` (mod the burst), later in the sequence, with its inbox row lost or not. */
const redeliveryArbitrary = fc.record({ index: fc.nat(), after: fc.nat(), forgetInbox: fc.boolean() });

interface Delivery {
  readonly message: BusMessage;
  readonly forgetInbox: boolean;
}

const scenario = fc.record({
  rules: fc.array(ruleArbitrary, { minLength: 1, maxLength: 4 }),
  burst: fc.array(connectionArbitrary, { minLength: 1, maxLength: 40, size: 'max' }),
  redeliveries: fc.array(redeliveryArbitrary, { maxLength: 6 }),
  batchSizes: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }),
});

/** The burst as deliveries: each event once, in order, with each redelivery placed somewhere after its first delivery. */
function deliveriesOf(events: readonly EventEnvelope[], redeliveries: ReadonlyArray<{ index: number; after: number; forgetInbox: boolean }>): Delivery[] {
  const sequence: Delivery[] = events.map((envelope) => ({ message: { envelope, traceContext: {} }, forgetInbox: false }));
  for (const r of redeliveries) {
    const envelope = events[r.index % events.length];
    if (!envelope) continue;
    const first = sequence.findIndex((d) => d.message.envelope.id === envelope.id);
    const at = first + 1 + (r.after % (sequence.length - first));
    sequence.splice(at, 0, { message: { envelope, traceContext: {} }, forgetInbox: r.forgetInbox });
  }
  return sequence;
}

/** Cuts the deliveries into batches of the drawn sizes (cycling through them). */
function batchesOf(deliveries: readonly Delivery[], sizes: readonly number[]): Delivery[][] {
  const batches: Delivery[][] = [];
  for (let start = 0, n = 0; start < deliveries.length; n++) {
    const size = sizes[n % sizes.length] ?? 1;
    batches.push(deliveries.slice(start, start + size));
    start += size;
  }
  return batches;
}

async function forget(side: Side, deliveries: readonly Delivery[]): Promise<void> {
  const ids = deliveries.filter((d) => d.forgetInbox).map((d) => d.message.envelope.id);
  if (ids.length > 0) await sql`delete from platform.inbox where consumer = ${CONSUMER} and event_id = any(${ids}::uuid[])`.execute(side.database.db);
}

/** What a run paid, as both paths must agree on it: awards, their events, balances, budgets. */
async function paid(side: Side, eventIds: readonly string[], people: readonly string[], ruleIds: readonly string[]) {
  const db = side.database.db;
  const awards = await sql<Record<string, unknown>>`select event_id, recipient_id, rule_id, rule_version, counterpart_id, points, local_day::text as day
    from rewards.awards where event_id = any(${eventIds}::uuid[]) order by event_id, recipient_id, rule_id`.execute(db);
  const events = await sql<{ causation_id: string; payload: Record<string, unknown> }>`select causation_id, payload from platform.outbox
    where type = 'rewards.points-awarded.v1' and causation_id = any(${eventIds}::text[])`.execute(db);
  const told = events.rows.map(({ causation_id, payload: { awardId: _awardId, ...rest } }) => JSON.stringify({ causation_id, ...rest })).sort();
  const balances = await sql<{ owner_id: string; balance: string }>`select owner_id, balance::text from rewards.accounts where owner_id = any(${people}::uuid[]) order by owner_id`.execute(db);
  const spent = await sql<{ id: string; spent_points: string }>`select id, spent_points::text from rewards.rules where id = any(${ruleIds}::uuid[]) order by id`.execute(db);
  const audit = await side.deps.ledger.conservation(db);
  assert.deepEqual([audit.sumOfEntries, audit.mismatched], [0, []], 'the ledger balances');
  return { awards: awards.rows, told, balances: balances.rows, spent: spent.rows };
}

let single: Side;
let batched: Side;
let previousRules: string[] = [];

async function useRules(side: Side, rules: readonly RuleDefinition[], ids: readonly string[]): Promise<void> {
  await side.database.db.transaction().execute(async (tx) => {
    for (const id of previousRules) {
      const rule = await side.deps.rules.one(tx, id);
      if (rule) await side.deps.rules.addVersion(tx, id, rule.version + 1, { ...rule.definition, active: false }, null, new Date());
    }
    for (const [n, rule] of rules.entries()) await side.deps.rules.create(tx, ids[n] ?? '', { ...rule, name: `Rule ${n}` }, null, new Date());
  });
}

describe('paying connections in batches', () => {
  before(async () => {
    [single, batched] = await Promise.all([openSide(false), openSide(true)]);
  });
  after(async () => {
    await single?.database.close();
    await batched?.database.close();
  });

  it('pays exactly what paying one event at a time pays, whatever the batches and redeliveries', async () => {
    console.log(`  earn batch: seed ${SEED} (replay with EARN_BATCH_SEED=${SEED})`);
    let awardsCompared = 0;
    const property = fc.asyncProperty(scenario, async ({ rules, burst, redeliveries, batchSizes }) => {
      const ruleIds = rules.map(() => crypto.randomUUID());
      const citizens = Array.from({ length: 3 }, () => crypto.randomUUID());
      const officers = Array.from({ length: 2 }, () => crypto.randomUUID());
      for (const side of [single, batched]) await useRules(side, rules, ruleIds);
      previousRules = ruleIds;
      const events = burst.map((c) => {
        const payload = {
          connectionId: crypto.randomUUID(), officerId: officers[c.officer] ?? '', citizenId: citizens[c.citizen] ?? '', kind: c.kind,
          locationVerified: c.locationVerified, cell: null, zip: c.zip, madeAt: new Date(DAY0 + c.minute * 60_000).toISOString(),
        };
        return envelopeOf('connections.connection-made.v1', payload, { actorId: payload.officerId, correlationId: crypto.randomUUID(), causationId: null }, new Date());
      });
      const deliveries = deliveriesOf(events, redeliveries);
      for (const d of deliveries) {
        await forget(single, [d]);
        await single.deliver([d.message]);
      }
      for (const batch of batchesOf(deliveries, batchSizes)) {
        await forget(batched, batch);
        await batched.deliver(batch.map((d) => d.message));
      }
      const ids = events.map((e) => e.id);
      const people = [...citizens, ...officers];
      const expected = await paid(single, ids, people, ruleIds);
      const actual = await paid(batched, ids, people, ruleIds);
      assert.deepEqual(actual, expected);
      awardsCompared += expected.awards.length;
    });
    const details = await fc.check(property, { numRuns: NUM_RUNS, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT_MS });
    console.log(`  earn batch: ${details.numRuns} runs${details.interrupted ? ' (stopped by the time limit)' : ''}, ${awardsCompared} awards compared`);
    if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'the batch path and the one-at-a-time path disagree', { cause: details.errorInstance });
    assert.ok(details.numRuns > 0 && awardsCompared > 0, 'awards were compared');
  });
});

describe('batches at the same time on the PostgreSQL server', { skip: skipWithoutPostgres }, () => {
  it('never deadlock, and pay no cap, bonus or budget past its limit', async () => {
    const fresh = await freshPostgresDatabase();
    const side = await openSide(true, fresh.open());
    try {
      const definitions: RuleDefinition[] = [
        { name: 'Every connection', active: true, kinds: ['proximity', 'qr', 'virtual'], locationVerified: 'any', points: { citizen: 10, officer: 10 }, timeWindow: null, area: null, bonus: 'none', caps: { perPairPerDay: 20, perUserPerDay: 60, budget: null } },
        { name: 'First ever', active: true, kinds: ['proximity', 'qr', 'virtual'], locationVerified: 'any', points: { citizen: 25, officer: 5 }, timeWindow: null, area: null, bonus: 'first-ever', caps: { perPairPerDay: null, perUserPerDay: null, budget: null } },
        { name: 'New face', active: true, kinds: ['proximity', 'qr', 'virtual'], locationVerified: 'any', points: { citizen: 3, officer: 1 }, timeWindow: null, area: null, bonus: 'first-with-this-officer', caps: { perPairPerDay: null, perUserPerDay: null, budget: 100 } },
      ];
      const ruleIds = definitions.map(() => crypto.randomUUID());
      await side.database.db.transaction().execute(async (tx) => {
        for (const [n, rule] of definitions.entries()) await side.deps.rules.create(tx, ruleIds[n] ?? '', rule, null, new Date());
      });
      const citizens = Array.from({ length: 6 }, () => crypto.randomUUID());
      const officers = Array.from({ length: 4 }, () => crypto.randomUUID());
      const madeAt = new Date().toISOString();
      const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 40 }, (_, n) => {
        const payload = {
          connectionId: crypto.randomUUID(), officerId: officers[(b + n) % officers.length] ?? '', citizenId: citizens[(b * 7 + n * 5) % citizens.length] ?? '',
          kind: 'qr' as const, locationVerified: true, cell: null, zip: null, madeAt,
        };
        return { envelope: envelopeOf('connections.connection-made.v1', payload, { actorId: null, correlationId: crypto.randomUUID(), causationId: null }, new Date()), traceContext: {} };
      }));
      // Each batch twice, the copy reversed and at the same time: the inbox lets each event through once.
      await Promise.all(batches.flatMap((batch) => [side.deliver(batch), side.deliver([...batch].reverse())]));

      const db = side.database.db;
      const handled = await sql<{ n: number }>`select count(*)::int as n from platform.inbox where consumer = ${CONSUMER}`.execute(db);
      assert.equal(handled.rows[0]?.n, 8 * 40, 'every event handled once');
      const totals = await sql<{ rule_id: string; recipient_id: string; counterpart_id: string; points: number; n: number }>`
        select rule_id, recipient_id, counterpart_id, sum(points)::int as points, count(*)::int as n from rewards.awards group by rule_id, recipient_id, counterpart_id`.execute(db);
      const [every, first, newFace] = ruleIds;
      const sum = (rule: string | undefined, recipient?: string) => totals.rows.filter((t) => t.rule_id === rule && (recipient === undefined || t.recipient_id === recipient)).reduce((a, t) => a + t.points, 0);
      for (const person of [...citizens, ...officers]) {
        assert.ok(sum(every, person) <= 60, 'the daily cap per person holds');
        assert.ok(totals.rows.filter((t) => t.rule_id === first && t.recipient_id === person).reduce((a, t) => a + t.n, 0) <= 1, 'a first-ever bonus is paid once');
      }
      assert.ok(totals.rows.filter((t) => t.rule_id === every).every((t) => t.points <= 20), 'the daily cap per pair holds');
      assert.ok(totals.rows.filter((t) => t.rule_id === newFace).every((t) => t.n === 1), 'a first-with-this-officer bonus is paid once per pair');
      assert.equal(sum(first), 6 * 25 + 4 * 5, 'everyone got their first-ever bonus');
      assert.ok(sum(newFace) <= 100, 'the budget holds');
      const spent = await sql<{ spent_points: number }>`select spent_points::int from rewards.rules where id = ${newFace ?? ''}`.execute(db);
      assert.equal(spent.rows[0]?.spent_points, sum(newFace), 'the budget counts what its rule paid');
      const audit = await side.deps.ledger.conservation(db);
      assert.deepEqual([audit.sumOfEntries, audit.mismatched], [0, []], 'the ledger balances');
    } finally {
      await side.database.close();
      await fresh.drop();
    }
  });
});
