import { AppError } from '../../../platform/errors/app-error.ts';
import type { OrganisationRecord, Tx } from './ports.ts';
import { isAdmin, type Caller, type RewardsDeps } from './rewards-deps.ts';

/** What each kind of organisation runs in rewards. */
const RUNS = { offers: ['retailer', 'municipality'], causes: ['charity'], any: ['retailer', 'municipality', 'charity', 'precinct'] } as const;

/**
 * The organisation, when the caller is one of its members (or an admin). Anyone else is told it does
 * not exist, so ids cannot be probed across tenants.
 */
export async function organisationForMember(deps: RewardsDeps, tx: Tx, caller: Caller, organisationId: string, runs: keyof typeof RUNS = 'any'): Promise<OrganisationRecord & { readonly callerRole: 'owner' | 'staff' | 'admin' }> {
  const org = await deps.catalogue.organisation(tx, organisationId);
  const role = isAdmin(caller) ? 'admin' : org ? await deps.catalogue.roleIn(tx, organisationId, caller.accountId) : null;
  if (!org || !role) throw new AppError('REWARDS_ORGANISATION_NOT_FOUND');
  if (!(RUNS[runs] as readonly string[]).includes(org.type)) throw new AppError('REWARDS_WRONG_ORGANISATION_TYPE');
  return { ...org, callerRole: role };
}
