import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { MemberRole } from '../domain/access-policy.ts';
import type { AuditRecord, OrganisationRecord, OrganisationStore, OrganisationType, VerifiedOfficer } from '../application/organisation-ports.ts';

interface OrgRow { id: string; type: OrganisationType; name: string; status: 'pending' | 'active' | 'rejected'; requested_by: string | null; created_at: Date; decided_at: Date | null; decision_note: string | null }
const ORG_COLUMNS = sql`o.id, o.type, o.name, o.status, o.requested_by, o.created_at, o.decided_at, o.decision_note`;

function toOrg(row: OrgRow): OrganisationRecord {
  return { id: row.id, type: row.type, name: row.name, status: row.status, requestedBy: row.requested_by, createdAt: row.created_at, decidedAt: row.decided_at, decisionNote: row.decision_note };
}

/** Identity's organisation tables, through SQL. */
export function organisationStore(): OrganisationStore {
  return {
    async membershipsOf(tx, accountId) {
      const rows = await sql<{ organisation_id: string; role: MemberRole }>`select organisation_id, role from identity.memberships where account_id = ${accountId}`.execute(sqlOf(tx));
      return new Map(rows.rows.map((r) => [r.organisation_id, r.role]));
    },
    async insertOrganisation(tx, org) {
      const rows = await sql<OrgRow>`insert into identity.organisations as o (id, type, name, requested_by) values (${org.id}, ${org.type}, ${org.name}, ${org.requestedBy}) returning ${ORG_COLUMNS}`.execute(sqlOf(tx));
      const row = rows.rows[0];
      if (!row) throw new Error('organisation insert returned nothing');
      return toOrg(row);
    },
    async findOrganisation(tx, id, lock = false) {
      const rows = await sql<OrgRow>`select ${ORG_COLUMNS} from identity.organisations o where o.id = ${id} ${lock ? sql`for update` : sql``}`.execute(sqlOf(tx));
      return rows.rows[0] && toOrg(rows.rows[0]);
    },
    async listOrganisationsOf(tx, accountId) {
      const rows = await sql<OrgRow & { role: MemberRole }>`select ${ORG_COLUMNS}, m.role from identity.organisations o join identity.memberships m on m.organisation_id = o.id
        where m.account_id = ${accountId} order by o.created_at`.execute(sqlOf(tx));
      return rows.rows.map((r) => ({ ...toOrg(r), role: r.role }));
    },
    async listOrganisations(tx, filter) {
      const rows = await sql<OrgRow>`select ${ORG_COLUMNS} from identity.organisations o
        where (${filter.status ?? null}::text is null or o.status = ${filter.status ?? null}) and (${filter.before ?? null}::timestamptz is null or o.created_at < ${filter.before ?? null})
        order by o.created_at desc limit ${filter.limit}`.execute(sqlOf(tx));
      return rows.rows.map(toOrg);
    },
    async decideOrganisation(tx, id, d) {
      await sql`update identity.organisations set status = ${d.status}, decided_by = ${d.by}, decided_at = ${d.at}, decision_note = ${d.note} where id = ${id}`.execute(sqlOf(tx));
    },
    async addMember(tx, organisationId, accountId, role) {
      const result = await sql`insert into identity.memberships (organisation_id, account_id, role) values (${organisationId}, ${accountId}, ${role}) on conflict do nothing`.execute(sqlOf(tx));
      return Number(result.numAffectedRows ?? 0n) === 1;
    },
    async listMembers(tx, organisationId) {
      const rows = await sql<{ account_id: string; email: string | null; role: MemberRole; created_at: Date }>`select m.account_id, a.email, m.role, m.created_at from identity.memberships m
        join identity.accounts a on a.id = m.account_id where m.organisation_id = ${organisationId} order by m.created_at`.execute(sqlOf(tx));
      return rows.rows.map((r) => ({ accountId: r.account_id, email: r.email, role: r.role, since: r.created_at }));
    },
    async insertInvitation(tx, i) {
      await sql`insert into identity.invitations (id, organisation_id, email, role, token_hash, invited_by, expires_at)
        values (${i.id}, ${i.organisationId}, ${i.email}, ${i.role}, ${i.tokenHash}, ${i.invitedBy}, ${i.expiresAt})`.execute(sqlOf(tx));
    },
    async findInvitationByToken(tx, tokenHash, lock = false) {
      const rows = await sql<{ id: string; organisation_id: string; name: string; email: string; role: MemberRole; expires_at: Date; accepted_at: Date | null }>`
        select i.id, i.organisation_id, o.name, i.email, i.role, i.expires_at, i.accepted_at from identity.invitations i join identity.organisations o on o.id = i.organisation_id
        where i.token_hash = ${tokenHash} ${lock ? sql`for update of i` : sql``}`.execute(sqlOf(tx));
      const r = rows.rows[0];
      return r && { id: r.id, organisationId: r.organisation_id, organisationName: r.name, email: r.email, role: r.role, expiresAt: r.expires_at, acceptedAt: r.accepted_at };
    },
    async acceptInvitation(tx, id, accountId, at) {
      await sql`update identity.invitations set accepted_at = ${at}, accepted_by = ${accountId} where id = ${id}`.execute(sqlOf(tx));
    },
    async upsertRosterEntries(tx, organisationId, entries) {
      for (let i = 0; i < entries.length; i += 500) {
        const chunk = entries.slice(i, i + 500).map((e) => sql`(${organisationId}, ${e.email}, ${e.name}, ${e.badgeNumber}, ${e.department}, now())`);
        await sql`insert into identity.roster_entries (organisation_id, email, name, badge_number, department, updated_at) values ${sql.join(chunk)}
          on conflict (organisation_id, email) do update set name = excluded.name, badge_number = excluded.badge_number, department = excluded.department, updated_at = now()`.execute(sqlOf(tx));
      }
    },
    async rosterNameOf(tx, accountId) {
      const rows = await sql<{ name: string }>`select r.name from identity.accounts a
        join identity.roster_entries r on r.organisation_id = a.officer_precinct_id and r.email = a.email
        where a.id = ${accountId} and a.deleted_at is null`.execute(sqlOf(tx));
      return rows.rows[0]?.name;
    },
    async listRoster(tx, organisationId, page) {
      const rows = await sql<{ name: string; email: string; badge_number: string; department: string }>`select name, email, badge_number, department from identity.roster_entries
        where organisation_id = ${organisationId} and (${page.after ?? null}::text is null or email > ${page.after ?? null}) order by email limit ${page.limit}`.execute(sqlOf(tx));
      return rows.rows.map((r) => ({ name: r.name, email: r.email, badgeNumber: r.badge_number, department: r.department }));
    },
    async verifyMatchingOfficers(tx, scope, at) {
      const byOrg = scope.organisationId ?? null;
      const byAccount = scope.accountId ?? null;
      const rows = await sql<{ account_id: string; precinct_id: string; precinct_name: string; via: 'roster' | 'domain' }>`
        with candidates as (
          select a.id as account_id, r.organisation_id as precinct_id, 'roster' as via, 1 as rank
          from identity.accounts a join identity.roster_entries r on r.email = a.email
          join identity.organisations o on o.id = r.organisation_id and o.status = 'active' and o.type = 'precinct'
          where a.officer_verified_at is null and a.deleted_at is null
            and (${byOrg}::uuid is null or r.organisation_id = ${byOrg}) and (${byAccount}::uuid is null or a.id = ${byAccount})
          union all
          select a.id, d.organisation_id, 'domain', 2
          from identity.accounts a join identity.officer_domains d on d.status = 'approved' and d.domain = split_part(a.email, '@', 2)
          join identity.organisations o on o.id = d.organisation_id and o.status = 'active' and o.type = 'precinct'
          where a.officer_verified_at is null and a.deleted_at is null
            and (${byOrg}::uuid is null or d.organisation_id = ${byOrg}) and (${byAccount}::uuid is null or a.id = ${byAccount})
        ), chosen as (
          select distinct on (account_id) account_id, precinct_id, via from candidates order by account_id, rank, precinct_id
        )
        update identity.accounts a set officer_verified_at = ${at}, officer_precinct_id = chosen.precinct_id
        from chosen where a.id = chosen.account_id
        returning chosen.account_id, chosen.precinct_id, (select name from identity.organisations where id = chosen.precinct_id) as precinct_name, chosen.via`.execute(sqlOf(tx));
      return rows.rows.map((r): VerifiedOfficer => ({ accountId: r.account_id, precinctId: r.precinct_id, precinctName: r.precinct_name, via: r.via }));
    },
    async upsertOfficerDomain(tx, organisationId, domain, status, by) {
      await sql`insert into identity.officer_domains (organisation_id, domain, status, requested_by, decided_by)
        values (${organisationId}, ${domain}, ${status}, ${by}, ${status === 'approved' ? by : null})
        on conflict (organisation_id, domain) do update set status = excluded.status, decided_by = coalesce(excluded.decided_by, identity.officer_domains.decided_by)`.execute(sqlOf(tx));
    },
    async listOfficerDomains(tx, organisationId) {
      const rows = await sql<{ domain: string; status: 'pending' | 'approved' }>`select domain, status from identity.officer_domains where organisation_id = ${organisationId} order by domain`.execute(sqlOf(tx));
      return rows.rows;
    },
    async membership(tx, organisationId, accountId) {
      const rows = await sql<OrgRow & { role: MemberRole }>`select ${ORG_COLUMNS}, m.role from identity.memberships m
        join identity.organisations o on o.id = m.organisation_id join identity.accounts a on a.id = m.account_id and a.deleted_at is null
        where m.organisation_id = ${organisationId} and m.account_id = ${accountId}`.execute(sqlOf(tx));
      const row = rows.rows[0];
      return row && { role: row.role, organisation: toOrg(row) };
    },
    async findOrganisationByName(tx, type, name) {
      const rows = await sql<OrgRow>`select ${ORG_COLUMNS} from identity.organisations o where o.type = ${type} and o.name = ${name} order by o.created_at limit 1`.execute(sqlOf(tx));
      return rows.rows[0] && toOrg(rows.rows[0]);
    },
    async insertActiveOrganisation(tx, org, at) {
      await sql`insert into identity.organisations (id, type, name, status, decided_at) values (${org.id}, ${org.type}, ${org.name}, 'active', ${at})`.execute(sqlOf(tx));
    },
    async verifyOfficer(tx, accountId, precinctId, at) {
      const verified = await sql`update identity.accounts set officer_verified_at = ${at}, officer_precinct_id = ${precinctId} where id = ${accountId} and officer_verified_at is null`.execute(sqlOf(tx));
      return Number(verified.numAffectedRows ?? 0n) === 1;
    },
    async auditPage(tx, page) {
      const rows = await sql<AuditRecord>`select l.id, l.at, l.actor_id as "actorId", a.email as "actorEmail", l.action, l.subject_type as "subjectType",
        l.subject_id as "subjectId", l.correlation_id as "correlationId", l.ip, l.details
        from identity.audit_log l left join identity.accounts a on a.id = l.actor_id
        where (${page.beforeId ?? null}::bigint is null or l.id < ${page.beforeId ?? null}) order by l.id desc limit ${page.limit}`.execute(sqlOf(tx));
      return rows.rows;
    },
  };
}
