import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import type { MemberRole } from '../domain/access-policy.ts';
import { normalizeAddress } from './addresses.ts';
import { organisationFor, principalOf } from './authorize.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';

/** Invitations are valid this long. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

/** The stored form of an invitation token. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** An owner invites someone by email; the email carries a one-time link. */
export async function inviteMember(deps: IdentityDeps, actor: Actor, input: { organisationId: string; email: string; role: MemberRole }, context: RequestContext): Promise<{ invitationId: string; expiresAt: string }> {
  const email = normalizeAddress('email', input.email);
  const token = randomBytes(32).toString('base64url');
  const invitationId = randomUUID();
  const expiresAt = new Date(deps.clock.now().getTime() + INVITATION_TTL_MS);
  const org = await deps.transaction(async (tx) => {
    const principal = await principalOf(deps, tx, actor);
    const organisation = await organisationFor(deps, tx, principal, 'organisation.manage-members', input.organisationId);
    const members = await deps.organisations.listMembers(tx, organisation.id);
    if (members.some((m) => m.email === email)) throw new AppError('IDENTITY_ALREADY_MEMBER');
    await deps.organisations.insertInvitation(tx, { id: invitationId, organisationId: organisation.id, email, role: input.role, tokenHash: hashInvitationToken(token), invitedBy: actor.accountId, expiresAt });
    await deps.store.audit(tx, { actorId: actor.accountId, action: 'member.invited', subjectType: 'organisation', subjectId: organisation.id, correlationId: context.correlationId, ip: context.ip, details: { email, role: input.role } });
    return organisation;
  });
  try {
    await deps.delivery.send({
      channel: 'email',
      to: email,
      purpose: 'invitation',
      subject: `You are invited to ${org.name} on Hey Blue!`,
      text: `You have been invited to join ${org.name} on Hey Blue! as ${input.role}. Open this link to accept (valid 7 days): ${deps.publicUrl()}/invitations/${token}`,
    });
  } catch {
    throw new AppError('IDENTITY_DELIVERY_FAILED');
  }
  return { invitationId, expiresAt: expiresAt.toISOString() };
}
