/** Paths of the dashboard's rewards pages. */

/** The rewards tabs of an organisation's page. */
export type RewardsTab = 'offers' | 'redemptions' | 'causes' | 'donations';

/** An organisation's page, on one of its tabs. */
export function organisationTabPath(organisationId: string, tab: RewardsTab | 'members'): string {
  const path = `/dashboard/organisations/${encodeURIComponent(organisationId)}`;
  return tab === 'members' ? path : `${path}?tab=${tab}`;
}

/** The till of an organisation: checking and using vouchers. */
export function tillPath(organisationId: string): string {
  return `/dashboard/organisations/${encodeURIComponent(organisationId)}/till`;
}

/** The admins' earning rules, one rule, and a new one. */
export const rulesPath = '/dashboard/admin/rules';
export function rulePath(ruleId: string): string {
  return `${rulesPath}/${encodeURIComponent(ruleId)}`;
}
export const newRulePath = `${rulesPath}/new`;

/** The admins' rewards settings. */
export const rewardsSettingsPath = '/dashboard/admin/rewards-settings';

/** Organisation types that sell offers (a municipality's are schemes), and the one that collects for causes. */
export function rewardsTabsFor(type: string): RewardsTab[] {
  if (type === 'retailer' || type === 'municipality') return ['offers', 'redemptions'];
  if (type === 'charity') return ['causes', 'donations'];
  return [];
}

/** Whether the organisation has a till (it sells offers or schemes). */
export function hasTill(type: string): boolean {
  return type === 'retailer' || type === 'municipality';
}
