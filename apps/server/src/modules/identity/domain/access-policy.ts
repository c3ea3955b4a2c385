import type { Role } from '@heyblue/contracts/identity';

/** A member's role in one organisation. */
export type MemberRole = 'owner' | 'staff';

/** What access decisions know about the one asking. */
export interface Principal {
  readonly accountId: string;
  readonly roles: readonly Role[] | readonly string[];
  /** Organisation id → role, for the organisations the account belongs to. */
  readonly memberships: ReadonlyMap<string, MemberRole>;
}

/** What the access decision is about. */
export type Resource =
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'organisation'; readonly organisationId: string; readonly type: string; readonly status: string }
  | { readonly kind: 'platform' };

/** Actions identity guards. */
export type Action =
  | 'account.read'
  | 'organisation.request'
  | 'organisation.read'
  | 'organisation.manage-members'
  | 'organisation.manage-roster'
  | 'organisation.decide'
  | 'audit.read';

/** The answer: allowed, or refused as not found (the object is not theirs to know about) or forbidden (they know it, but may not). */
export type Decision = 'allow' | 'not-found' | 'forbidden';

const isAdmin = (p: Principal): boolean => p.roles.includes('admin');

/** The one place that answers "may this principal do this to this object". */
export function decide(principal: Principal, action: Action, resource: Resource): Decision {
  if (isAdmin(principal)) return 'allow';
  switch (action) {
    case 'account.read':
      return resource.kind === 'account' && resource.accountId === principal.accountId ? 'allow' : 'not-found';
    case 'organisation.request':
      return 'allow';
    case 'organisation.read': {
      if (resource.kind !== 'organisation') return 'not-found';
      return principal.memberships.has(resource.organisationId) ? 'allow' : 'not-found';
    }
    case 'organisation.manage-members': {
      if (resource.kind !== 'organisation') return 'not-found';
      const role = principal.memberships.get(resource.organisationId);
      if (!role) return 'not-found';
      return role === 'owner' && resource.status === 'active' ? 'allow' : 'forbidden';
    }
    case 'organisation.manage-roster': {
      if (resource.kind !== 'organisation') return 'not-found';
      const role = principal.memberships.get(resource.organisationId);
      if (!role) return 'not-found';
      return role === 'owner' && resource.type === 'precinct' && resource.status === 'active' ? 'allow' : 'forbidden';
    }
    case 'organisation.decide':
    case 'audit.read':
      return 'forbidden';
  }
}
