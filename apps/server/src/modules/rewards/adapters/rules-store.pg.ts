import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { RuleRecord, RulesStore } from '../application/ports.ts';
import type { RuleDefinition } from '../domain/earning-rules.ts';

interface RuleRow {
  id: string;
  version: number;
  definition: RuleDefinition;
  spent_points: number;
  updated_at: Date;
}
const toRule = (r: RuleRow): RuleRecord => ({ id: r.id, version: r.version, definition: r.definition, spentPoints: Number(r.spent_points), updatedAt: r.updated_at });

/** Earning rules and their versions, connections seen, and awards. */
export function rulesStore(): RulesStore {
  return {
    async current(tx) {
      const rows = await sql<RuleRow>`select r.id, v.version, v.definition, r.spent_points, r.updated_at from rewards.rules r
        join rewards.rule_versions v on v.rule_id = r.id and v.version = r.current_version order by r.created_at, r.id`.execute(sqlOf(tx));
      return rows.rows.map(toRule);
    },
    async one(tx, id, lock = false) {
      const row = await sql<RuleRow>`select r.id, v.version, v.definition, r.spent_points, r.updated_at from rewards.rules r
        join rewards.rule_versions v on v.rule_id = r.id and v.version = r.current_version where r.id = ${id} ${lock ? sql`for update of r` : sql``}`.execute(sqlOf(tx));
      return row.rows[0] ? toRule(row.rows[0]) : null;
    },
    async versions(tx, id) {
      const rows = await sql<RuleRow>`select r.id, v.version, v.definition, r.spent_points, v.created_at as updated_at from rewards.rules r
        join rewards.rule_versions v on v.rule_id = r.id where r.id = ${id} order by v.version desc`.execute(sqlOf(tx));
      return rows.rows.map(toRule);
    },
    async create(tx, id, definition, by, at) {
      await sql`insert into rewards.rules (id, current_version, created_at, updated_at) values (${id}, 1, ${at}, ${at})`.execute(sqlOf(tx));
      await sql`insert into rewards.rule_versions (rule_id, version, definition, created_by, created_at) values (${id}, 1, ${JSON.stringify(definition)}::jsonb, ${by}, ${at})`.execute(sqlOf(tx));
    },
    async addVersion(tx, id, version, definition, by, at) {
      await sql`insert into rewards.rule_versions (rule_id, version, definition, created_by, created_at) values (${id}, ${version}, ${JSON.stringify(definition)}::jsonb, ${by}, ${at})`.execute(sqlOf(tx));
      // The budget counter is kept only while a rule has a budget: a version that (re)gains one starts from what the rule really paid.
      await sql`update rewards.rules set current_version = ${version}, updated_at = ${at},
          spent_points = (select coalesce(sum(points), 0) from rewards.awards where rule_id = ${id}) where id = ${id}`.execute(sqlOf(tx));
    },
    async paidSoFar(tx) {
      const rows = await sql<{ rule_id: string; paid: number }>`select rule_id, coalesce(sum(points), 0) as paid from rewards.awards group by rule_id`.execute(sqlOf(tx));
      return new Map(rows.rows.map((r) => [r.rule_id, Number(r.paid)]));
    },
    async recordConnection(tx, c) {
      const row = await sql`insert into rewards.connections_seen (connection_id, officer_id, citizen_id, made_at)
        values (${c.connectionId}, ${c.officerId}, ${c.citizenId}, ${c.madeAt}) on conflict do nothing returning connection_id`.execute(sqlOf(tx));
      return row.rows.length > 0;
    },
    async history(tx, c) {
      const row = await sql<{ officer_before: boolean; citizen_before: boolean; pair_before: boolean }>`select
          exists (select 1 from rewards.connections_seen where (officer_id = ${c.officerId} or citizen_id = ${c.officerId}) and connection_id <> ${c.connectionId}) as officer_before,
          exists (select 1 from rewards.connections_seen where (citizen_id = ${c.citizenId} or officer_id = ${c.citizenId}) and connection_id <> ${c.connectionId}) as citizen_before,
          exists (select 1 from rewards.connections_seen where officer_id = ${c.officerId} and citizen_id = ${c.citizenId} and connection_id <> ${c.connectionId}) as pair_before`.execute(sqlOf(tx));
      const r = row.rows[0];
      return { officerBefore: r?.officer_before ?? false, citizenBefore: r?.citizen_before ?? false, pairBefore: r?.pair_before ?? false };
    },
    async usage(tx, ruleId, recipientId, counterpartId, day) {
      const row = await sql<{ pair: number; recipient: number }>`select
          coalesce(sum(points) filter (where counterpart_id = ${counterpartId}), 0) as pair, coalesce(sum(points), 0) as recipient
        from rewards.awards where rule_id = ${ruleId} and recipient_id = ${recipientId} and local_day = ${day}`.execute(sqlOf(tx));
      return { pairToday: Number(row.rows[0]?.pair ?? 0), recipientToday: Number(row.rows[0]?.recipient ?? 0) };
    },
    async insertAward(tx, a) {
      const row = await sql`insert into rewards.awards (id, event_id, recipient_id, rule_id, rule_version, counterpart_id, points, local_day, transfer_id, awarded_at)
        values (${a.id}, ${a.eventId}, ${a.recipientId}, ${a.ruleId}, ${a.ruleVersion}, ${a.counterpartId}, ${a.points}, ${a.localDay}, ${a.transferId}, ${a.at})
        on conflict on constraint awards_once_per_event_recipient_rule do nothing returning id`.execute(sqlOf(tx));
      return row.rows.length > 0;
    },
    async spend(tx, ruleId, points, budget) {
      const row = await sql`update rewards.rules set spent_points = spent_points + ${points}
        where id = ${ruleId} ${budget === null ? sql`` : sql`and spent_points + ${points} <= ${budget}`} returning id`.execute(sqlOf(tx));
      return row.rows.length > 0;
    },
    async awardOf(tx, transferId) {
      const row = await sql<{ rule_id: string; rule_version: number; name: string }>`select a.rule_id, a.rule_version, v.definition->>'name' as name from rewards.awards a
        join rewards.rule_versions v on v.rule_id = a.rule_id and v.version = a.rule_version where a.transfer_id = ${transferId}`.execute(sqlOf(tx));
      const r = row.rows[0];
      return r ? { ruleId: r.rule_id, ruleVersion: r.rule_version, ruleName: r.name } : null;
    },
  };
}
