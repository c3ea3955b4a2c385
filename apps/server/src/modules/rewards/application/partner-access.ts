import { AppError } from '../../../platform/errors/app-error.ts';
import type { OrganisationRecord } from './ports.ts';
import { isAdmin, type Caller, type RewardsDeps } from './rewards-deps.ts';

/** What each kind of organisation runs in rewards. */
const RUNS = { offers: ['retailer', 'municipality'], causes: ['charity'], any: ['retailer', 'municipality', 'charity', 'precinct'] } as const;

/**
 * The organisation, when the caller is one of its members (or an admin). Anyone else is told it does
 * not exist, so ids cannot be probed across tenants. Membership is identity's answer at this moment
 * (its module API), so a member who just joined may act at once; the organisation itself is rewards'
 * own record, made when identity announced its approval. Call it before opening a transaction: the
 * API call runs in a transaction of its own.
 */
export async function organisationForMember(deps: RewardsDeps, caller: Caller, organisationId: string, runs: keyof typeof RUNS = 'any'): Promise<OrganisationRecord & { readonly callerRole: 'owner' | 'staff' | 'admin' }> {
  const role = isAdmin(caller) ? 'admin' : ((await deps.identity.membership(organisationId, caller.accountId))?.role ?? null);
  const org = role ? await deps.catalogue.organisation(deps.db, organisationId) : null;
  if (!org || !role) throw new AppError('REWARDS_ORGANISATION_NOT_FOUND');
  if (!(RUNS[runs] as readonly string[]).includes(org.type)) throw new AppError('REWARDS_WRONG_ORGANISATION_TYPE');
  return { ...org, callerRole: role };
}
