import { AcceptedInvitation, Invitation } from '@heyblue/contracts/identity';
import { precompiledChecks } from '@heyblue/contracts/identity/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import { apiGet } from './http.ts';
import type { Session } from './session.ts';

export type { AcceptedInvitation, Invitation };

// The identity schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

/** Checks the body of `GET /invitations/:token`. */
export const decodeInvitation = decoderOf(Invitation);

/** Reads an invitation link (anyone with the link may). */
export function getInvitation(token: string, signal?: AbortSignal): Promise<Invitation> {
  return apiGet(`/api/v1/invitations/${encodeURIComponent(token)}`, { decode: decodeInvitation, ...(signal ? { signal } : {}) });
}

/** Accepts the invitation as the signed-in person (who must have the invited email). */
export function acceptInvitation(session: Pick<Session, 'post'>, token: string): Promise<AcceptedInvitation> {
  return session.post(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, undefined, { decode: decoderOf(AcceptedInvitation) });
}
