import type { Role } from '@heyblue/contracts/identity';

/** The facts about an account that decide its roles. */
export interface RoleFacts {
  readonly isAdmin: boolean;
  readonly officerVerifiedAt: Date | null;
}

/** Every account is a citizen; a verified officer is also an officer; admins are admins. */
export function rolesOf(account: RoleFacts): Role[] {
  const roles: Role[] = ['citizen'];
  if (account.officerVerifiedAt) roles.push('officer');
  if (account.isAdmin) roles.push('admin');
  return roles;
}
