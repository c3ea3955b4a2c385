import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { OfficerClaim, OfficerClaimStore } from '../application/officer-claim-ports.ts';

/** A roster entry of the claim's precinct with its badge number and department (case aside). */
const ROSTER_MATCH = sql`r.organisation_id = c.organisation_id and r.badge_number = c.badge_number and lower(r.department) = lower(c.department)`;

/** Officers' claims in identity.officer_claims, through SQL. */
export function officerClaimStore(): OfficerClaimStore {
  return {
    async upsert(tx, c) {
      const inserted = await sql`insert into identity.officer_claims (id, organisation_id, account_id, badge_number, department)
        values (${c.id}, ${c.organisationId}, ${c.accountId}, ${c.badgeNumber}, ${c.department})
        on conflict (organisation_id, account_id) do update set badge_number = excluded.badge_number, department = excluded.department, status = 'pending', created_at = now()
        where identity.officer_claims.status <> 'confirmed'`.execute(sqlOf(tx));
      return Number(inserted.numAffectedRows ?? 0n) > 0;
    },
    async pendingOf(tx, organisationId) {
      const rows = await sql<{ id: string; account_id: string; email: string | null; badge_number: string; department: string; roster_name: string | null; status: OfficerClaim['status']; created_at: Date }>`
        select c.id, c.account_id, a.email, c.badge_number, c.department, r.name as roster_name, c.status, c.created_at
        from identity.officer_claims c join identity.accounts a on a.id = c.account_id
        left join identity.roster_entries r on ${ROSTER_MATCH}
        where c.organisation_id = ${organisationId} and c.status = 'pending' order by c.created_at`.execute(sqlOf(tx));
      return rows.rows.map((r) => ({ id: r.id, accountId: r.account_id, email: r.email, badgeNumber: r.badge_number, department: r.department, rosterName: r.roster_name, status: r.status, createdAt: r.created_at }));
    },
    async lockPending(tx, organisationId, claimId) {
      const claims = await sql<{ account_id: string; matches: boolean }>`
        select c.account_id, exists (select 1 from identity.roster_entries r where ${ROSTER_MATCH}) as matches
        from identity.officer_claims c where c.id = ${claimId} and c.organisation_id = ${organisationId} and c.status = 'pending' for update`.execute(sqlOf(tx));
      const claim = claims.rows[0];
      return claim && { accountId: claim.account_id, matchesRoster: claim.matches };
    },
    async decide(tx, claimId, d) {
      await sql`update identity.officer_claims set status = ${d.status}, decided_by = ${d.by}, decided_at = ${d.at} where id = ${claimId}`.execute(sqlOf(tx));
    },
  };
}
