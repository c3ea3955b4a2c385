import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { AwardBatchStore, BatchHistory } from '../application/ports.ts';
import { awardKey, pairDayKey, pairKey, recipientDayKey } from '../domain/award-plan.ts';

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];

/**
 * A batch of connections paid in a handful of statements: arrays in, `unnest` in SQL. Row locks are
 * taken in one global order — people's accounts by owner id, then budgeted rules by id, then issuance
 * shards by id — so concurrent batches never deadlock on each other.
 */
export function awardBatchStore(): AwardBatchStore {
  return {
    async lockPeople(tx, personIds) {
      const people = uniq(personIds).sort();
      // An upsert that always updates holds each account's row, taking them one after another in the input's (sorted) order.
      const rows = await sql<{ id: string; owner_id: string }>`with known as (
          insert into rewards.people (account_id) select id from unnest(${people}::uuid[]) with ordinality as p(id, n) order by n on conflict do nothing)
        insert into rewards.accounts (id, kind, owner_id)
          select gen_random_uuid(), 'person', id from unnest(${people}::uuid[]) with ordinality as p(id, n) order by n
        on conflict (kind, owner_id) where owner_id is not null do update set kind = excluded.kind
        returning id, owner_id`.execute(sqlOf(tx));
      return new Map(rows.rows.map((r) => [r.owner_id, r.id]));
    },

    async history(tx, connections) {
      const ids = connections.map((c) => c.connectionId);
      const people = uniq(connections.flatMap((c) => [c.officerId, c.citizenId]));
      const pairs = uniq(connections.map((c) => pairKey(c.officerId, c.citizenId))).map((key) => key.split('|'));
      // Lateral probes with a limit: one or two index lookups per person, pair and connection, whatever the table
      // holds (with EXISTS the planner hashed the whole table once per batch).
      const rows = await sql<{ what: 'person' | 'pair' | 'recorded'; id: string | null; officer_id: string; citizen_id: string }>`
        select 'person' as what, null::uuid as id, p.id as officer_id, p.id as citizen_id from unnest(${people}::uuid[]) as p(id)
          cross join lateral (
            (select 1 from rewards.connections_seen s where s.officer_id = p.id and s.connection_id <> all(${ids}::uuid[]) limit 1)
            union all
            (select 1 from rewards.connections_seen s where s.citizen_id = p.id and s.connection_id <> all(${ids}::uuid[]) limit 1)
            limit 1) as seen
        union all
        select 'pair', null, q.officer_id, q.citizen_id from unnest(${pairs.map((p) => p[0] ?? '')}::uuid[], ${pairs.map((p) => p[1] ?? '')}::uuid[]) as q(officer_id, citizen_id)
          cross join lateral (select 1 from rewards.connections_seen s
            where s.officer_id = q.officer_id and s.citizen_id = q.citizen_id and s.connection_id <> all(${ids}::uuid[]) limit 1) as seen
        union all
        select 'recorded', s.connection_id, s.officer_id, s.citizen_id from unnest(${ids}::uuid[]) as b(id)
          cross join lateral (select * from rewards.connections_seen s where s.connection_id = b.id) as s`.execute(sqlOf(tx));
      const history: BatchHistory = { peopleSeen: new Set(), pairsSeen: new Set(), recorded: new Map() };
      for (const r of rows.rows) {
        if (r.what === 'person') history.peopleSeen.add(r.officer_id);
        else if (r.what === 'pair') history.pairsSeen.add(pairKey(r.officer_id, r.citizen_id));
        else if (r.id) history.recorded.set(r.id, { officerId: r.officer_id, citizenId: r.citizen_id });
      }
      return history;
    },

    async recordConnections(tx, connections) {
      // Sorted, so two batches inserting the same (redelivered) connection wait in one order.
      const sorted = [...connections].sort((a, b) => (a.connectionId < b.connectionId ? -1 : a.connectionId > b.connectionId ? 1 : 0));
      await sql`insert into rewards.connections_seen (connection_id, officer_id, citizen_id, made_at)
        select connection_id, officer_id, citizen_id, made_at from unnest(${sorted.map((c) => c.connectionId)}::uuid[], ${sorted.map((c) => c.officerId)}::uuid[], ${sorted.map((c) => c.citizenId)}::uuid[], ${sorted.map((c) => c.madeAt.toISOString())}::timestamptz[]) with ordinality as c(connection_id, officer_id, citizen_id, made_at, n)
        order by n on conflict do nothing`.execute(sqlOf(tx));
    },

    async paidBefore(tx, query) {
      const usage = new Map<string, number>();
      if (query.ruleIds.length > 0 && query.recipients.length > 0) {
        const keys = uniq(query.recipients.map((r) => `${r.recipientId}|${r.counterpartId}|${r.day}`)).map((key) => key.split('|'));
        // One index probe per rule and (recipient, day): what a capped rule paid there stops at its cap, so each
        // probe reads a few rows, whatever the table holds (a join let the planner sort every award of the rules).
        const rows = await sql<{ rule_id: string; recipient_id: string; counterpart_id: string; day: string; recipient_points: number; pair_points: number | null }>`
          select r.rule_id, k.recipient_id, k.counterpart_id, k.day::text as day, s.recipient_points, s.pair_points
          from unnest(${keys.map((k) => k[0] ?? '')}::uuid[], ${keys.map((k) => k[1] ?? '')}::uuid[], ${keys.map((k) => k[2] ?? '')}::date[]) as k(recipient_id, counterpart_id, day)
          cross join unnest(${[...query.ruleIds]}::uuid[]) as r(rule_id)
          cross join lateral (
            select sum(a.points) as recipient_points, sum(a.points) filter (where a.counterpart_id = k.counterpart_id) as pair_points
            from rewards.awards a where a.rule_id = r.rule_id and a.recipient_id = k.recipient_id and a.local_day = k.day) s
          where s.recipient_points is not null`.execute(sqlOf(tx));
        for (const r of rows.rows) {
          usage.set(recipientDayKey(r.rule_id, r.recipient_id, r.day), Number(r.recipient_points));
          if (r.pair_points !== null) usage.set(pairDayKey(r.rule_id, r.recipient_id, r.counterpart_id, r.day), Number(r.pair_points));
        }
      }
      const written = await sql<{ event_id: string; recipient_id: string; rule_id: string }>`select a.event_id, a.recipient_id, a.rule_id
        from unnest(${uniq(query.eventIds)}::uuid[]) as e(id) cross join lateral (select * from rewards.awards a where a.event_id = e.id) as a`.execute(sqlOf(tx));
      return { usage, awarded: new Set(written.rows.map((r) => awardKey(r.event_id, r.recipient_id, r.rule_id))) };
    },

    async lockBudgets(tx, ruleIds) {
      if (ruleIds.length === 0) return new Map();
      const rows = await sql<{ id: string; spent_points: number }>`select id, spent_points from rewards.rules
        where id = any(${uniq(ruleIds)}::uuid[]) order by id for update`.execute(sqlOf(tx));
      return new Map(rows.rows.map((r) => [r.id, Number(r.spent_points)]));
    },

    async pay(tx, awards) {
      if (awards.length === 0) return new Set();
      const shards = uniq(awards.map((a) => a.from)).sort();
      // Issuance shards last (people's accounts are held already), in id order.
      await sql`select id from rewards.accounts where id = any(${shards}::uuid[]) order by id for update`.execute(sqlOf(tx));
      const column = <T>(pick: (a: (typeof awards)[number]) => T): T[] => awards.map(pick);
      // One statement: the awards (a redelivered one is not written twice), then for those written only: their
      // transfers, every balance moved by the sum of its transfers, and the budgets' spending.
      const rows = await sql<{ id: string }>`with input as (
          select * from unnest(${column((a) => a.id)}::uuid[], ${column((a) => a.eventId)}::uuid[], ${column((a) => a.recipientId)}::uuid[],
            ${column((a) => a.ruleId)}::uuid[], ${column((a) => a.ruleVersion)}::int[], ${column((a) => a.counterpartId)}::uuid[], ${column((a) => a.points)}::int[],
            ${column((a) => a.localDay)}::date[], ${column((a) => a.transferId)}::uuid[], ${column((a) => a.from)}::uuid[], ${column((a) => a.to)}::uuid[],
            ${column((a) => a.budgeted)}::boolean[], ${column((a) => a.at.toISOString())}::timestamptz[])
            as i(id, event_id, recipient_id, rule_id, rule_version, counterpart_id, points, local_day, transfer_id, debit, credit, budgeted, at)
        ), written as (
          insert into rewards.awards (id, event_id, recipient_id, rule_id, rule_version, counterpart_id, points, local_day, transfer_id, awarded_at)
          select id, event_id, recipient_id, rule_id, rule_version, counterpart_id, points, local_day, transfer_id, at from input
          on conflict on constraint awards_once_per_event_recipient_rule do nothing
          returning id
        ), paid as (
          select i.* from input i join written w on w.id = i.id
        ), transfers as (
          insert into rewards.transfers (id, debit_account_id, credit_account_id, amount, kind, reference_id, created_at)
          select transfer_id, debit, credit, points, 'award', id, at from paid
        ), moved as (
          update rewards.accounts a set balance = a.balance + m.delta
          from (select account, sum(delta) as delta from (select credit as account, points as delta from paid union all select debit, -points from paid) legs group by account) m
          where a.id = m.account
        ), spent as (
          update rewards.rules r set spent_points = r.spent_points + s.points
          from (select rule_id, sum(points) as points from paid where budgeted group by rule_id) s
          where r.id = s.rule_id
        )
        select id from paid`.execute(sqlOf(tx));
      return new Set(rows.rows.map((r) => r.id));
    },
  };
}
