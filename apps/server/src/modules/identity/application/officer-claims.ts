import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { organisationFor, principalOf } from './authorize.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import type { OfficerClaim } from './officer-claim-ports.ts';

/**
 * An officer claims a roster entry of an active precinct by badge number and department (for entries
 * whose email they do not use). Badge numbers are not secret, so the claim waits for the precinct.
 */
export async function claimOfficerEntry(deps: IdentityDeps, actor: Actor, input: { organisationId: string; badgeNumber: string; department: string }, context: RequestContext): Promise<{ claimId: string; status: 'pending' }> {
  const badgeNumber = input.badgeNumber.trim();
  const department = input.department.trim();
  return deps.transaction(async (tx) => {
    const org = await deps.organisations.findOrganisation(tx, input.organisationId);
    if (!org || org.type !== 'precinct' || org.status !== 'active') throw new AppError('IDENTITY_ORGANISATION_NOT_FOUND');
    const claimId = randomUUID();
    if (!(await deps.claims.upsert(tx, { id: claimId, organisationId: org.id, accountId: actor.accountId, badgeNumber, department }))) throw new AppError('IDENTITY_CLAIM_ALREADY_CONFIRMED');
    await deps.store.audit(tx, { actorId: actor.accountId, action: 'officer-claim.made', subjectType: 'organisation', subjectId: org.id, correlationId: context.correlationId, ip: context.ip, details: { badgeNumber, department } });
    return { claimId, status: 'pending' as const };
  });
}

/** The precinct's pending claims, each with the roster entry it matches. */
export async function listOfficerClaims(deps: IdentityDeps, actor: Actor, organisationId: string): Promise<OfficerClaim[]> {
  return deps.transaction(async (tx) => {
    const org = await organisationFor(deps, tx, await principalOf(deps, tx, actor), 'organisation.manage-roster', organisationId);
    return deps.claims.pendingOf(tx, org.id);
  });
}

/** The precinct confirms (only claims matching a roster entry) or rejects a claim; confirming verifies the officer. */
export async function decideOfficerClaim(deps: IdentityDeps, actor: Actor, input: { organisationId: string; claimId: string; confirm: boolean }, context: RequestContext): Promise<void> {
  await deps.unitOfWork({ actorId: actor.accountId, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const org = await organisationFor(deps, tx, await principalOf(deps, tx, actor), 'organisation.manage-roster', input.organisationId);
    const claim = await deps.claims.lockPending(tx, org.id, input.claimId);
    if (!claim) throw new AppError('IDENTITY_CLAIM_NOT_FOUND');
    if (input.confirm && !claim.matchesRoster) throw new AppError('IDENTITY_CLAIM_NOT_ON_ROSTER');
    const now = deps.clock.now();
    await deps.claims.decide(tx, input.claimId, { status: input.confirm ? 'confirmed' : 'rejected', by: actor.accountId, at: now });
    await deps.store.audit(tx, { actorId: actor.accountId, action: input.confirm ? 'officer-claim.confirmed' : 'officer-claim.rejected', subjectType: 'account', subjectId: claim.accountId, correlationId: context.correlationId, ip: context.ip, details: { organisationId: org.id } });
    if (!input.confirm) return;
    if (await deps.organisations.verifyOfficer(tx, claim.accountId, org.id, now)) {
      events.emit('identity.officer-verified.v1', { accountId: claim.accountId, precinctId: org.id, precinctName: org.name, via: 'claim' });
      await deps.store.audit(tx, { actorId: null, action: 'officer.verified', subjectType: 'account', subjectId: claim.accountId, correlationId: context.correlationId, details: { precinctId: org.id, via: 'claim' } });
    }
  });
}
