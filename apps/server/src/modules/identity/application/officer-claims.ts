import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { organisationFor, principalOf } from './authorize.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';

/** A claim as the precinct sees it. */
export interface OfficerClaim {
  readonly id: string;
  readonly accountId: string;
  readonly email: string | null;
  readonly badgeNumber: string;
  readonly department: string;
  /** The roster entry it matches, if any (name as the precinct wrote it). */
  readonly rosterName: string | null;
  readonly status: 'pending' | 'confirmed' | 'rejected';
  readonly createdAt: Date;
}

/**
 * An officer claims a roster entry of an active precinct by badge number and department (for entries
 * whose email they do not use). Badge numbers are not secret, so the claim waits for the precinct.
 */
export async function claimOfficerEntry(deps: IdentityDeps, actor: Actor, input: { organisationId: string; badgeNumber: string; department: string }, context: RequestContext): Promise<{ claimId: string; status: 'pending' }> {
  const badgeNumber = input.badgeNumber.trim();
  const department = input.department.trim();
  return deps.db.transaction().execute(async (tx) => {
    const org = await deps.organisations.findOrganisation(tx, input.organisationId);
    if (!org || org.type !== 'precinct' || org.status !== 'active') throw new AppError('IDENTITY_ORGANISATION_NOT_FOUND');
    const claimId = randomUUID();
    const inserted = await sql`insert into identity.officer_claims (id, organisation_id, account_id, badge_number, department)
      values (${claimId}, ${org.id}, ${actor.accountId}, ${badgeNumber}, ${department})
      on conflict (organisation_id, account_id) do update set badge_number = excluded.badge_number, department = excluded.department, status = 'pending', created_at = now()
      where identity.officer_claims.status <> 'confirmed'`.execute(tx);
    if (Number(inserted.numAffectedRows ?? 0n) === 0) throw new AppError('IDENTITY_CLAIM_ALREADY_CONFIRMED');
    await deps.store.audit(tx, { actorId: actor.accountId, action: 'officer-claim.made', subjectType: 'organisation', subjectId: org.id, correlationId: context.correlationId, ip: context.ip, details: { badgeNumber, department } });
    return { claimId, status: 'pending' as const };
  });
}

/** The precinct's pending claims, each with the roster entry it matches. */
export async function listOfficerClaims(deps: IdentityDeps, actor: Actor, organisationId: string): Promise<OfficerClaim[]> {
  return deps.db.transaction().execute(async (tx) => {
    const org = await organisationFor(deps, tx, await principalOf(deps, tx, actor), 'organisation.manage-roster', organisationId);
    const rows = await sql<{ id: string; account_id: string; email: string | null; badge_number: string; department: string; roster_name: string | null; status: OfficerClaim['status']; created_at: Date }>`
      select c.id, c.account_id, a.email, c.badge_number, c.department, r.name as roster_name, c.status, c.created_at
      from identity.officer_claims c join identity.accounts a on a.id = c.account_id
      left join identity.roster_entries r on r.organisation_id = c.organisation_id and r.badge_number = c.badge_number and lower(r.department) = lower(c.department)
      where c.organisation_id = ${org.id} and c.status = 'pending' order by c.created_at`.execute(tx);
    return rows.rows.map((r) => ({ id: r.id, accountId: r.account_id, email: r.email, badgeNumber: r.badge_number, department: r.department, rosterName: r.roster_name, status: r.status, createdAt: r.created_at }));
  });
}

/** The precinct confirms (only claims matching a roster entry) or rejects a claim; confirming verifies the officer. */
export async function decideOfficerClaim(deps: IdentityDeps, actor: Actor, input: { organisationId: string; claimId: string; confirm: boolean }, context: RequestContext): Promise<void> {
  await deps.unitOfWork({ actorId: actor.accountId, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const org = await organisationFor(deps, tx, await principalOf(deps, tx, actor), 'organisation.manage-roster', input.organisationId);
    const claims = await sql<{ account_id: string; matches: boolean }>`
      select c.account_id, exists (select 1 from identity.roster_entries r where r.organisation_id = c.organisation_id and r.badge_number = c.badge_number and lower(r.department) = lower(c.department)) as matches
      from identity.officer_claims c where c.id = ${input.claimId} and c.organisation_id = ${org.id} and c.status = 'pending' for update`.execute(tx);
    const claim = claims.rows[0];
    if (!claim) throw new AppError('IDENTITY_CLAIM_NOT_FOUND');
    if (input.confirm && !claim.matches) throw new AppError('IDENTITY_CLAIM_NOT_ON_ROSTER');
    const now = deps.clock.now();
    await sql`update identity.officer_claims set status = ${input.confirm ? 'confirmed' : 'rejected'}, decided_by = ${actor.accountId}, decided_at = ${now} where id = ${input.claimId}`.execute(tx);
    await deps.store.audit(tx, { actorId: actor.accountId, action: input.confirm ? 'officer-claim.confirmed' : 'officer-claim.rejected', subjectType: 'account', subjectId: claim.account_id, correlationId: context.correlationId, ip: context.ip, details: { organisationId: org.id } });
    if (!input.confirm) return;
    const verified = await sql`update identity.accounts set officer_verified_at = ${now}, officer_precinct_id = ${org.id} where id = ${claim.account_id} and officer_verified_at is null`.execute(tx);
    if (Number(verified.numAffectedRows ?? 0n) === 1) {
      events.emit('identity.officer-verified.v1', { accountId: claim.account_id, precinctId: org.id, precinctName: org.name, via: 'claim' });
      await deps.store.audit(tx, { actorId: null, action: 'officer.verified', subjectType: 'account', subjectId: claim.account_id, correlationId: context.correlationId, details: { precinctId: org.id, via: 'claim' } });
    }
  });
}
