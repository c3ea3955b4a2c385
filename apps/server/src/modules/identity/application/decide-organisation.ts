import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { organisationFor, principalOf } from './authorize.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { verifyMatchingOfficers } from './verify-officers.ts';

/** An admin approves or rejects a pending organisation. Approving a precinct verifies the officers its roster or domains already match. */
export async function decideOrganisation(deps: IdentityDeps, actor: Actor, input: { organisationId: string; approve: boolean; note: string | null }, context: RequestContext): Promise<void> {
  await deps.unitOfWork({ actorId: actor.accountId, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const principal = await principalOf(deps, tx, actor);
    const org = await organisationFor(deps, tx, principal, 'organisation.decide', input.organisationId, true);
    if (org.status !== 'pending') throw new AppError('IDENTITY_ORGANISATION_NOT_PENDING');
    const status = input.approve ? 'active' : 'rejected';
    await deps.organisations.decideOrganisation(tx, org.id, { status, by: actor.accountId, note: input.note, at: deps.clock.now() });
    await deps.store.audit(tx, { actorId: actor.accountId, action: input.approve ? 'organisation.approved' : 'organisation.rejected', subjectType: 'organisation', subjectId: org.id, correlationId: context.correlationId, ip: context.ip, details: { note: input.note } });
    if (input.approve) {
      events.emit('identity.organisation-approved.v1', { organisationId: org.id, type: org.type, name: org.name });
      if (org.type === 'precinct') await verifyMatchingOfficers(deps, tx, events, { organisationId: org.id }, context.correlationId);
    }
  });
}
