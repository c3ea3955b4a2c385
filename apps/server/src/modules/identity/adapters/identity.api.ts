import type { IdentityApi } from '@heyblue/contracts/identity';
import type { IdentityDeps } from '../application/identity-deps.ts';

/** Identity's API for other modules: answers read now from identity's own tables, each in one statement. */
export function identityApi(deps: Pick<IdentityDeps, 'db' | 'organisations'>): IdentityApi {
  return {
    async membership(organisationId, accountId) {
      const found = await deps.organisations.membership(deps.db, organisationId, accountId);
      if (!found) return null;
      const { type, name, status } = found.organisation;
      return { organisationId, accountId, role: found.role, organisation: { type, name, status } };
    },
    async rosterNameOf(accountId) {
      return (await deps.organisations.rosterNameOf(deps.db, accountId)) ?? null;
    },
  };
}
