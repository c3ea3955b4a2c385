import { isRecord } from './decode.ts';
import { apiGet } from './http.ts';
import type { Session } from './session.ts';

/** `GET /invitations/:token`: what an invitation link is for. */
export interface Invitation {
  organisationName: string;
  /** The address the invitation was sent to; only that account can accept it. */
  email: string;
  role: 'owner' | 'staff';
  accepted: boolean;
}

/** `POST /invitations/:token/accept`: where the person now belongs. */
export interface Membership {
  organisationId: string;
  role: string;
}

/** Checks the body of `GET /invitations/:token`. */
export function decodeInvitation(data: unknown): Invitation {
  if (isRecord(data)) {
    const { organisationName, email, role, accepted } = data;
    if (typeof organisationName === 'string' && typeof email === 'string' && (role === 'owner' || role === 'staff') && typeof accepted === 'boolean') {
      return { organisationName, email, role, accepted };
    }
  }
  throw new TypeError('Unexpected invitation response');
}

function decodeMembership(data: unknown): Membership {
  if (isRecord(data) && typeof data['organisationId'] === 'string' && typeof data['role'] === 'string') {
    return { organisationId: data['organisationId'], role: data['role'] };
  }
  throw new TypeError('Unexpected accept response');
}

/** Reads an invitation link (anyone with the link may). */
export function getInvitation(token: string, signal?: AbortSignal): Promise<Invitation> {
  return apiGet(`/api/v1/invitations/${encodeURIComponent(token)}`, { decode: decodeInvitation, ...(signal ? { signal } : {}) });
}

/** Accepts the invitation as the signed-in person (who must have the invited email). */
export function acceptInvitation(session: Pick<Session, 'post'>, token: string): Promise<Membership> {
  return session.post(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, undefined, { decode: decodeMembership });
}
