import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/http/actor.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import type { OrganisationRecord, OrganisationType } from './organisation-ports.ts';

/** A signed-in person asks for a partner organisation; it stays pending until an admin decides, and they are its owner. */
export async function requestOrganisation(deps: IdentityDeps, actor: Actor, input: { type: OrganisationType; name: string }, context: RequestContext): Promise<OrganisationRecord> {
  return deps.unitOfWork({ actorId: actor.accountId, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const org = await deps.organisations.insertOrganisation(tx, { id: randomUUID(), type: input.type, name: input.name.trim(), requestedBy: actor.accountId });
    await deps.organisations.addMember(tx, org.id, actor.accountId, 'owner');
    events.emit('identity.member-added.v1', { organisationId: org.id, accountId: actor.accountId, role: 'owner' });
    await deps.store.audit(tx, { actorId: actor.accountId, action: 'organisation.requested', subjectType: 'organisation', subjectId: org.id, correlationId: context.correlationId, ip: context.ip, details: { type: org.type, name: org.name } });
    return org;
  });
}
