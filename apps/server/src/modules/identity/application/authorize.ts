import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { decide, type Action, type Principal, type Resource } from '../domain/access-policy.ts';
import type { OrganisationRecord } from './organisation-ports.ts';
import type { IdentityDeps } from './identity-deps.ts';
import type { Tx } from './ports.ts';

/** The actor with their current memberships, read fresh from the database. */
export async function principalOf(deps: IdentityDeps, tx: Tx, actor: Actor): Promise<Principal> {
  return { accountId: actor.accountId, roles: actor.roles, memberships: await deps.organisations.membershipsOf(tx, actor.accountId) };
}

/** Throws unless the policy allows: not-found answers 404 (the object is none of their business), forbidden 403. */
export function authorize(principal: Principal, action: Action, resource: Resource): void {
  const decision = decide(principal, action, resource);
  if (decision === 'allow') return;
  if (decision === 'not-found') throw new AppError(resource.kind === 'organisation' ? 'IDENTITY_ORGANISATION_NOT_FOUND' : 'PLATFORM_NOT_FOUND');
  throw new AppError('PLATFORM_FORBIDDEN');
}

/** Loads an organisation the principal may act on, or throws the policy's answer (unknown ids answer like foreign ones). */
export async function organisationFor(deps: IdentityDeps, tx: Tx, principal: Principal, action: Action, organisationId: string, lock = false): Promise<OrganisationRecord> {
  const org = await deps.organisations.findOrganisation(tx, organisationId, lock);
  if (!org) throw new AppError('IDENTITY_ORGANISATION_NOT_FOUND');
  authorize(principal, action, { kind: 'organisation', organisationId: org.id, type: org.type, status: org.status });
  return org;
}
