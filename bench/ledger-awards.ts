// The award part of the ledger bench: a seeded burst of connection-made events, the bench's own earning
// rules (so changes to the product's default rules do not move it), what paying the burst one event at a
// time would pay (worked out by the domain's rules alone, in memory), and the drain: the clock stops when
// rewards has handled every event and the profiles read model has applied every points-awarded event.
import assert from 'node:assert/strict';
import { sql, type RawBuilder } from 'kysely';
import type { ConnectionMadeV1 } from '@heyblue/contracts/connections';
import { cappedPoints, pointsFor, ruleApplies, type ConnectionFacts, type Party, type RuleDefinition } from '../apps/server/src/modules/rewards/domain/earning-rules.ts';
import { localMoment } from '../apps/server/src/modules/rewards/domain/local-time.ts';
import type { RewardsStage } from '../apps/server/src/modules/rewards/rewards.e2e-harness.ts';
import { envelopeOf, type EventEnvelope } from '../apps/server/src/platform/events/envelope.ts';
import { appendToOutbox } from '../apps/server/src/platform/events/outbox.ts';
import { seededRandom } from '../apps/server/test/support/random.ts';

const every = ['proximity', 'qr', 'virtual'] as const;
const noCaps = { perPairPerDay: null, perUserPerDay: null, budget: null };
const rule = (r: Pick<RuleDefinition, 'name' | 'points'> & Partial<RuleDefinition>): RuleDefinition => ({
  active: true, kinds: [...every], locationVerified: 'any', timeWindow: null, area: null, bonus: 'none', caps: noCaps, ...r,
});

/**
 * The bench's earning rules: the product's three default rules as they were when the bench was written
 * (daily caps per pair and per person, a verified-only rule, a first-ever bonus), and a budgeted
 * first-with-this-officer rule whose budget runs out early in the burst.
 */
export const BENCH_RULES: readonly RuleDefinition[] = [
  rule({ name: 'Bench: connection', points: { citizen: 10, officer: 10 }, caps: { perPairPerDay: 20, perUserPerDay: 200, budget: null } }),
  rule({ name: 'Bench: met in person', kinds: ['proximity', 'qr'], locationVerified: 'verified', points: { citizen: 5, officer: 5 }, caps: { perPairPerDay: 10, perUserPerDay: 100, budget: null } }),
  rule({ name: 'Bench: first connection', points: { citizen: 25, officer: 0 }, bonus: 'first-ever' }),
  rule({ name: 'Bench: new face, launch week', points: { citizen: 3, officer: 1 }, bonus: 'first-with-this-officer', caps: { perPairPerDay: null, perUserPerDay: null, budget: 20_000 } }),
];

/** Switches off every rule in force and adds the bench's own, through the admins' API. */
export async function useBenchRules(stage: RewardsStage): Promise<void> {
  const listed = await stage.call(stage.admin, 'GET', '/rewards/rules');
  assert.equal(listed.statusCode, 200, listed.body);
  for (const r of listed.json<{ items: Array<RuleDefinition & { id: string; version: number; spentPoints: number; updatedAt: string }> }>().items) {
    const { id, version: _version, spentPoints: _spent, updatedAt: _updated, ...definition } = r;
    const off = await stage.call(stage.admin, 'PUT', `/rewards/rules/${id}`, { ...definition, active: false });
    assert.equal(off.statusCode, 200, off.body);
  }
  for (const r of BENCH_RULES) {
    const created = await stage.call(stage.admin, 'POST', '/rewards/rules', r);
    assert.equal(created.statusCode, 201, created.body);
  }
}

/** A UUID (version 4 layout) drawn from a seeded generator, so the same seed gives the same burst. */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A seeded burst: `count` connections between 5,000 citizens and 500 officers, made at `madeAt`. */
export function seededBurst(count: number, seed: number, madeAt: Date): { envelopes: EventEnvelope<string, ConnectionMadeV1>[]; people: string[] } {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const citizens = Array.from({ length: 5000 }, () => seededUuid(random));
  const officers = Array.from({ length: 500 }, () => seededUuid(random));
  const envelopes = Array.from({ length: count }, () => {
    const officerId = pick(officers);
    const made: ConnectionMadeV1 = {
      connectionId: seededUuid(random), officerId, citizenId: pick(citizens), kind: pick(every), locationVerified: random() < 0.7, cell: null, zip: null, madeAt: madeAt.toISOString(),
    };
    return { ...envelopeOf('connections.connection-made.v1', made, { actorId: officerId, correlationId: seededUuid(random), causationId: null }, madeAt), id: seededUuid(random) };
  });
  return { envelopes, people: [...citizens, ...officers] };
}

/**
 * What paying the burst one event at a time pays, from an empty history, by the domain's rules alone:
 * each connection's bonuses see the connections before it, its caps the awards before it.
 */
export function paidOneAtATime(rules: readonly RuleDefinition[], burst: ReadonlyArray<EventEnvelope<string, ConnectionMadeV1>>, timeZone: string): { awards: number; points: number } {
  const seen = new Set<string>();
  const pairs = new Set<string>();
  const paid = new Map<string, number>();
  const add = (key: string, n: number): void => void paid.set(key, (paid.get(key) ?? 0) + n);
  let awards = 0;
  let points = 0;
  for (const { payload: c } of burst) {
    const at = localMoment(new Date(c.madeAt), timeZone);
    const facts: ConnectionFacts = {
      kind: c.kind, locationVerified: c.locationVerified, cell: c.cell, zip: c.zip,
      firstEver: { citizen: !seen.has(c.citizenId), officer: !seen.has(c.officerId) }, firstForPair: !pairs.has(`${c.officerId}|${c.citizenId}`),
    };
    const sides: Array<[Party, string, string]> = [['citizen', c.citizenId, c.officerId], ['officer', c.officerId, c.citizenId]];
    for (const [party, recipient, counterpart] of sides) {
      rules.forEach((r, n) => {
        if (!ruleApplies(r, facts, party, at)) return;
        const usage = { pairToday: paid.get(`${n}|${recipient}|${counterpart}|${at.day}`) ?? 0, recipientToday: paid.get(`${n}|${recipient}|${at.day}`) ?? 0, spent: paid.get(`${n}`) ?? 0 };
        const p = cappedPoints(pointsFor(r, party), r.caps, usage);
        if (p <= 0) return;
        add(`${n}|${recipient}|${counterpart}|${at.day}`, p);
        add(`${n}|${recipient}|${at.day}`, p);
        add(`${n}`, p);
        awards += 1;
        points += p;
      });
    }
    seen.add(c.citizenId);
    seen.add(c.officerId);
    pairs.add(`${c.officerId}|${c.citizenId}`);
  }
  return { awards, points };
}

const count = async (stage: RewardsStage, query: RawBuilder<{ n: number }>): Promise<number> => Number((await query.execute(stage.server.database.db)).rows[0]?.n ?? 0);
const handledByRewards = (stage: RewardsStage) => count(stage, sql<{ n: number }>`select count(*) as n from platform.inbox where consumer = 'rewards.on-connection-made'`);
const appliedByProfiles = (stage: RewardsStage) => count(stage, sql<{ n: number }>`select count(*) as n from platform.inbox where consumer = 'profiles.on-rewards'`);
const awardsPaid = (stage: RewardsStage) => count(stage, sql<{ n: number }>`select count(*) as n from rewards.awards`);
const inInbox = async (stage: RewardsStage, consumer: string, eventId: string): Promise<boolean> =>
  (await sql`select 1 from platform.inbox where consumer = ${consumer} and event_id = ${eventId}`.execute(stage.server.database.db)).rows.length > 0;
const lastEventOf = async (stage: RewardsStage, type: string): Promise<string | undefined> =>
  (await sql<{ id: string }>`select id from platform.outbox where type = ${type} order by seq desc limit 1`.execute(stage.server.database.db)).rows[0]?.id;
const pointsAwarded = (stage: RewardsStage) => count(stage, sql<{ n: number }>`select coalesce(sum(points), 0) as n from rewards.awards`);

/** What the drain measured. */
export interface AwardRun {
  readonly handled: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly drained: boolean;
  readonly awards: number;
  readonly points: number;
  readonly tripsPerEvent: number;
}

/**
 * Puts the burst in the outbox in one transaction (its people have profiles), then waits until rewards has
 * handled every event and profiles has applied every points-awarded event, or until `capSeconds`.
 */
export async function drainBurst(stage: RewardsStage, burst: ReturnType<typeof seededBurst>, capSeconds: number, roundTrips: () => number): Promise<AwardRun> {
  const db = stage.server.database.db;
  await sql`insert into profiles.profiles (account_id, display_name) select id, 'Bench ' || left(id::text, 8) from unnest(${burst.people}::uuid[]) as p(id)
    on conflict do nothing`.execute(db);
  const [rewards0, profiles0, awards0, points0] = [await handledByRewards(stage), await appliedByProfiles(stage), await awardsPaid(stage), await pointsAwarded(stage)];
  await db.transaction().execute((trx) => appendToOutbox(trx, burst.envelopes));
  const t0 = performance.now();
  const trips0 = roundTrips();
  stage.server.relay.wake();
  const cap = capSeconds > 0 ? t0 + capSeconds * 1000 : Infinity;
  const last = burst.envelopes.at(-1)?.id ?? '';
  let drained = false;
  let seconds = 0;
  // Polling must cost the database little (counting a growing inbox four times a second took a tenth of its
  // time): events are delivered in order, so the burst is through when rewards has handled its last event and
  // profiles has applied the last points-awarded event; then the counts confirm it, once.
  while (!drained && performance.now() < cap) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (!(await inInbox(stage, 'rewards.on-connection-made', last))) continue;
    const lastAward = await lastEventOf(stage, 'rewards.points-awarded.v1');
    if (lastAward && !(await inInbox(stage, 'profiles.on-rewards', lastAward))) continue;
    seconds = (performance.now() - t0) / 1000;
    // Profiles' inbox gets one row per points-awarded event; nothing else of rewards' is published meanwhile.
    drained = (await handledByRewards(stage)) - rewards0 >= burst.envelopes.length && (await appliedByProfiles(stage)) - profiles0 >= (await awardsPaid(stage)) - awards0;
  }
  if (!drained) seconds = (performance.now() - t0) / 1000;
  const handled = (await handledByRewards(stage)) - rewards0;
  const trips = roundTrips() - trips0;
  const awards = (await awardsPaid(stage)) - awards0;
  const points = (await pointsAwarded(stage)) - points0;
  return { handled, seconds, perSecond: handled / seconds, drained, awards, points, tripsPerEvent: trips / Math.max(1, handled) };
}
