import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import type { MemberRole } from '../domain/access-policy.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { hashInvitationToken } from './invite-member.ts';
import type { InvitationRecord } from './organisation-ports.ts';

/** What an invitation link shows before it is accepted. */
export async function readInvitation(deps: IdentityDeps, token: string): Promise<InvitationRecord> {
  const invitation = await deps.transaction((tx) => deps.organisations.findInvitationByToken(tx, hashInvitationToken(token)));
  if (!invitation || invitation.expiresAt.getTime() <= deps.clock.now().getTime()) throw new AppError('IDENTITY_INVITATION_NOT_FOUND');
  return invitation;
}

/** The invited person, signed in with the invited email, joins the organisation. */
export async function acceptInvitation(deps: IdentityDeps, actor: Actor, token: string, context: RequestContext): Promise<{ organisationId: string; role: MemberRole }> {
  return deps.unitOfWork({ actorId: actor.accountId, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const invitation = await deps.organisations.findInvitationByToken(tx, hashInvitationToken(token), true);
    if (!invitation || invitation.expiresAt.getTime() <= deps.clock.now().getTime()) throw new AppError('IDENTITY_INVITATION_NOT_FOUND');
    if (invitation.acceptedAt) throw new AppError('IDENTITY_INVITATION_USED');
    const account = await deps.store.findAccount(tx, actor.accountId);
    if (!account || account.email !== invitation.email) throw new AppError('IDENTITY_INVITATION_WRONG_ACCOUNT');
    if (!(await deps.organisations.addMember(tx, invitation.organisationId, actor.accountId, invitation.role))) throw new AppError('IDENTITY_ALREADY_MEMBER');
    await deps.organisations.acceptInvitation(tx, invitation.id, actor.accountId, deps.clock.now());
    events.emit('identity.member-added.v1', { organisationId: invitation.organisationId, accountId: actor.accountId, role: invitation.role });
    await deps.store.audit(tx, { actorId: actor.accountId, action: 'member.joined', subjectType: 'organisation', subjectId: invitation.organisationId, correlationId: context.correlationId, ip: context.ip, details: { role: invitation.role } });
    return { organisationId: invitation.organisationId, role: invitation.role };
  });
}
