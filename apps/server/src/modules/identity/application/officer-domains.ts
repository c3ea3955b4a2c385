import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { isValidDomain } from '../domain/roster.ts';
import { organisationFor, principalOf } from './authorize.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { verifyMatchingOfficers } from './verify-officers.ts';

/**
 * A precinct lists an email domain whose accounts are its officers. A precinct owner's request waits
 * for an admin; an admin's adds it approved, and approval verifies the accounts it matches.
 */
export async function addOfficerDomain(deps: IdentityDeps, actor: Actor, input: { organisationId: string; domain: string }, context: RequestContext): Promise<{ domain: string; status: 'pending' | 'approved'; officersVerified: number }> {
  const domain = input.domain.trim().toLowerCase().replace(/^@/, '');
  if (!isValidDomain(domain)) throw new AppError('IDENTITY_DOMAIN_INVALID');
  return deps.unitOfWork({ actorId: actor.accountId, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const principal = await principalOf(deps, tx, actor);
    const org = await organisationFor(deps, tx, principal, 'organisation.manage-roster', input.organisationId);
    const status = actor.roles.includes('admin') ? 'approved' : 'pending';
    await deps.organisations.upsertOfficerDomain(tx, org.id, domain, status, actor.accountId);
    await deps.store.audit(tx, { actorId: actor.accountId, action: status === 'approved' ? 'officer-domain.approved' : 'officer-domain.requested', subjectType: 'organisation', subjectId: org.id, correlationId: context.correlationId, ip: context.ip, details: { domain } });
    const officersVerified = status === 'approved' ? await verifyMatchingOfficers(deps, tx, events, { organisationId: org.id }, context.correlationId) : 0;
    return { domain, status, officersVerified };
  });
}
